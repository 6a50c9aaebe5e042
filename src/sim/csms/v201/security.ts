/**
 * Block A, security: security events are acknowledged; SignCertificate (Part 2 A02/A03) is
 * Accepted when the simulator has a CA behind it (the `pki` service) and the CSR reads, and the
 * certificate signed from that CSR follows in a CertificateSigned of the requested certificateType
 * (A02.FR.06 / A03.FR.06). Without a pki it cannot sign, so it says Rejected.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { empty, str, type CsmsBlock } from '../block.js';
import type { ResponderHost, Responder } from '../responses.js';

export const security: CsmsBlock = {
  name: 'security',
  defects: [
    { name: 'sign-certificate-rejected', description: 'answers every SignCertificate with Rejected, also for a readable CSR it could sign' },
    { name: 'no-certificate-signed', description: 'accepts SignCertificate but never sends the CertificateSigned with the signed certificate' },
    { name: 'certificate-signed-wrong-ca', description: 'signs the CSR with a CA other than its configured root (the certificate does not chain to the CSMS root)' },
    { name: 'certificate-signed-wrong-type', description: 'sends CertificateSigned with another certificateType than the SignCertificate asked for' },
  ],
  responders: (host) => ({ SecurityEventNotification: empty, SignCertificate: signCertificate(host) }),
};

function signCertificate(host: ResponderHost): Responder {
  return (_station, payload, followUp) => {
    const pki = host.pki;
    const csr = str(payload['csr']) ?? '';
    if (pki === undefined || host.has('sign-certificate-rejected')) return { status: 'Rejected' };
    if (!pki.parseCsr(csr).ok) return { status: 'Rejected', statusInfo: { reasonCode: 'InvalidCSR' } };
    // An absent certificateType means ChargingStationCertificate (SignCertificateRequest, Part 2 §1.55).
    const asked = str(payload['certificateType']) ?? 'ChargingStationCertificate';
    if (!host.has('no-certificate-signed')) {
      followUp?.after(async (endpoint) => {
        let chain: string;
        try {
          chain = pki.signCsr(csr, host.has('certificate-signed-wrong-ca') ? { fault: 'wrong-ca' } : {}).chainPem;
        } catch {
          return;
        }
        const certificateType = host.has('certificate-signed-wrong-type') ? (asked === 'V2GCertificate' ? 'ChargingStationCertificate' : 'V2GCertificate') : asked;
        const request: JsonObject = { certificateChain: chain, certificateType };
        await endpoint.call('CertificateSigned', request);
      });
    }
    return { status: 'Accepted' };
  };
}
