/** Block P, data transfer: DataTransfer both ways. */
import type { CsmsBlock } from '../block.js';
import { dataTransferAnswer, dataTransferPayload } from '../trigger-helpers.js';

export const dataTransfer: CsmsBlock = {
  name: 'data-transfer',
  defects: [{ name: 'data-transfer-accepts-unknown', description: 'answers a DataTransfer for a vendorId it has no extension for with Accepted' }],
  // Part 2 P02.FR.06/07: a vendorId (messageId) the CSMS does not know is refused.
  responders: (host) => ({ DataTransfer: (_s, p) => (host.has('data-transfer-accepts-unknown') ? { status: 'Accepted' } : dataTransferAnswer(host.acceptedVendorIds, p)) }),
  triggers: { triggerDataTransfer: (ctx, p) => ({ action: 'DataTransfer', payload: dataTransferPayload(ctx, p) }) },
};
