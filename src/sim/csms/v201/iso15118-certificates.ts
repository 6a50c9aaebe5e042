/** Block M, ISO 15118 certificate management: no contract certificate service behind this CSMS (Plug & Charge is out of scope), so both requests fail. */
import type { CsmsBlock } from '../block.js';

export const iso15118Certificates: CsmsBlock = {
  name: 'iso15118-certificates',
  defects: [],
  responders: () => ({ Get15118EVCertificate: () => ({ status: 'Failed', exiResponse: '' }), GetCertificateStatus: () => ({ status: 'Failed' }) }),
};
