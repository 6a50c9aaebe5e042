/**
 * Block P, data transfer: the reference station knows no vendor extension (P01: UnknownVendorId
 * for any vendorId). customData in any message is taken as the schemas allow (its defect,
 * rejects-custom-data, lives with the wire quirks: src/sim/robustness/wire-quirks.ts).
 */
import type { Block201 } from './context.js';

export const dataTransfer: Block201 = {
  name: 'data-transfer',
  defects: [
    { name: 'data-transfer-accepts-unknown', description: 'answers a DataTransfer for a vendorId it has no extension for with Accepted' },
  ],
  create: (ctx) => ({
    handlers: {
      // Part 2 P01.FR.05/06: a vendorId (or messageId) the station does not know is refused.
      DataTransfer: () => ({ status: ctx.core.has('data-transfer-accepts-unknown') ? 'Accepted' : 'UnknownVendorId' }),
    },
  }),
};
