/** Block P, data transfer: the reference station knows no vendor extension (P01). */
import type { Block201 } from './context.js';

export const dataTransfer: Block201 = {
  name: 'data-transfer',
  defects: [],
  create: () => ({ handlers: { DataTransfer: () => ({ status: 'UnknownVendorId' }) } }),
};
