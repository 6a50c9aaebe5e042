/**
 * Core profile, DataTransfer from the Central System (1.6 §5.6, §7.20 DataTransferStatus): the
 * reference charge point has no vendor-specific extension, so every vendorId is unknown to it
 * (UnknownVendorId). Its defect answers with a CALLERROR instead of a DataTransfer.conf.
 */
import { NotImplementedError } from '../../../session/rpc-error.js';
import type { Block16 } from './context.js';

/** The vendorIds whose DataTransfer messages this charge point understands (none). */
const supportedVendors: ReadonlySet<string> = new Set();

export const dataTransfer16: Block16 = {
  name: 'data-transfer',
  defects: [{ name: 'data-transfer-call-error', description: 'answers DataTransfer of an unknown vendorId with CALLERROR NotImplemented instead of DataTransfer.conf UnknownVendorId' }],
  create: (ctx) => ({
    handlers: {
      DataTransfer: (call) => {
        const vendorId = String(call.payload['vendorId']);
        if (supportedVendors.has(vendorId)) return { status: 'UnknownMessageId' };
        if (ctx.core.has('data-transfer-call-error')) throw new NotImplementedError(`no DataTransfer support for ${vendorId}`);
        return { status: 'UnknownVendorId' };
      },
    },
  }),
};
