/**
 * Blocks whose station → CSMS messages this CSMS only acknowledges today: firmware (L),
 * diagnostics (N), display (O), security (A: SignCertificate refused, no CA behind the
 * simulator) and ISO 15118 certificates (M: no contract certificate service). One module each
 * when a block issue gives the CSMS real behaviour there.
 */
import { empty, type CsmsBlock } from '../block.js';

const ack = (name: string, responders: CsmsBlock['responders']): CsmsBlock => ({ name, defects: [], ...(responders ? { responders } : {}) });

export const firmware = ack('firmware', () => ({ FirmwareStatusNotification: empty, PublishFirmwareStatusNotification: empty }));
export const diagnostics = ack('diagnostics', () => ({ LogStatusNotification: empty, NotifyEvent: empty, NotifyMonitoringReport: empty, NotifyCustomerInformation: empty }));
export const display = ack('display', () => ({ NotifyDisplayMessages: empty }));
// No CA behind the simulator: it cannot sign a CSR, so it says so.
export const security = ack('security', () => ({ SecurityEventNotification: empty, SignCertificate: () => ({ status: 'Rejected' }) }));
// No contract certificate service behind this CSMS (ISO 15118 Plug & Charge is out of scope).
export const iso15118Certificates = ack('iso15118-certificates', () => ({ Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '' }), GetCertificateStatus: () => ({ status: 'Failed' }) }));
