/** The 1.6 security extension's messages: security events and log / signed-firmware statuses are acknowledged; SignCertificate is refused (no CA behind the simulator). */
import { InternalRpcError } from '../../../session/rpc-error.js';
import { empty, type CsmsBlock } from '../block.js';

export const security16: CsmsBlock = {
  name: 'security',
  defects: [{ name: 'security-event-call-error', description: 'answers SecurityEventNotification with CALLERROR InternalError instead of SecurityEventNotification.conf' }],
  responders: (host) => ({
    LogStatusNotification: empty,
    // Security Whitepaper A04.FR.03: the Central System confirms every security event.
    SecurityEventNotification: () => {
      if (host.has('security-event-call-error')) throw new InternalRpcError('security event not stored');
      return {};
    },
    SignCertificate: () => ({ status: 'Rejected' }),
    SignedFirmwareStatusNotification: empty,
  }),
};
