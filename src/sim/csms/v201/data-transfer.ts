/** Block P, data transfer: DataTransfer both ways. */
import type { CsmsBlock } from '../block.js';
import { dataTransferAnswer, dataTransferPayload } from '../trigger-helpers.js';

export const dataTransfer: CsmsBlock = {
  name: 'data-transfer',
  defects: [],
  responders: (host) => ({ DataTransfer: (_s, p) => dataTransferAnswer(host.acceptedVendorIds, p) }),
  triggers: { triggerDataTransfer: (ctx, p) => ({ action: 'DataTransfer', payload: dataTransferPayload(ctx, p) }) },
};
