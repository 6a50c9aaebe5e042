/** The 1.6 security extension's messages: security events and log / signed-firmware statuses are acknowledged; SignCertificate is refused (no CA behind the simulator). */
import { empty, type CsmsBlock } from '../block.js';

export const security16: CsmsBlock = {
  name: 'security',
  defects: [],
  responders: () => ({ LogStatusNotification: empty, SecurityEventNotification: empty, SignCertificate: () => ({ status: 'Rejected' }), SignedFirmwareStatusNotification: empty }),
};
