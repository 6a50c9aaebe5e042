/** Block A, security: security events are acknowledged; SignCertificate is refused (no CA behind the simulator: it cannot sign a CSR, so it says so). */
import { empty, type CsmsBlock } from '../block.js';

export const security: CsmsBlock = {
  name: 'security',
  defects: [],
  responders: () => ({ SecurityEventNotification: empty, SignCertificate: () => ({ status: 'Rejected' }) }),
};
