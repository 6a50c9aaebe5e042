/**
 * Block A, certificate signing by request of the CSMS (Part 2 A02/A03, with F06 TriggerMessage):
 * a triggered SignChargingStationCertificate makes the station generate a fresh key and an RFC 2986
 * CSR (the `pki` service: CN = the station's serial number, O = SecurityCtrlr.OrganizationName,
 * A00.FR.5xx), and send SignCertificate. A CertificateSigned is checked before it is used: its
 * chain must lead to a root the station trusts (the roots it was provisioned with and the
 * installed CSMSRootCertificates), be valid now and belong to the key of the pending CSR; then the
 * station uses it as its TLS client identity from the next connection on. Otherwise Rejected and a
 * SecurityEventNotification InvalidChargingStationCertificate (A02.FR.07 / A03.FR.07). Without a
 * pki the station cannot make a key, so it rejects the trigger.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, CertificateSigningApi, Context201 } from './context.js';

interface Pending {
  certificateType: string;
  keyPem: string;
}

class CertificateSigning implements CertificateSigningApi {
  private pending: Pending | undefined;

  constructor(private readonly ctx: Context201) {}

  trigger(certificateType: 'ChargingStationCertificate' | 'V2GCertificate', call: InboundCall): JsonObject {
    const { core } = this.ctx;
    if (core.options.pki === undefined || certificateType !== 'ChargingStationCertificate' || core.has('trigger-sign-certificate-rejected')) return { status: 'Rejected' };
    call.after(() => this.requestSigning(certificateType));
    return { status: 'Accepted' };
  }

  private async requestSigning(certificateType: string): Promise<void> {
    const { core, deviceModel } = this.ctx;
    const pki = core.options.pki;
    if (pki === undefined) return;
    const commonName = core.options.serialNumber ?? deviceModel.value('SecurityCtrlr', 'Identity');
    const { keyPem, csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName, organization: deviceModel.value('SecurityCtrlr', 'OrganizationName') });
    this.pending = { certificateType, keyPem };
    // Defect: the CSR goes out as bare base64 DER, not PEM (A02.FR.02: PEM of an RFC 2986 request).
    const csr = core.has('csr-not-pem') ? csrPem.replace(/-----[^-]+-----|\s/g, '') : csrPem;
    await core.send('SignCertificate', { csr, certificateType });
  }

  certificateSigned(call: InboundCall): JsonObject {
    const { core } = this.ctx;
    const pki = core.options.pki;
    const chain = typeof call.payload['certificateChain'] === 'string' ? call.payload['certificateChain'] : '';
    const type = typeof call.payload['certificateType'] === 'string' ? call.payload['certificateType'] : 'ChargingStationCertificate';
    const pending = this.pending;
    if (pki === undefined || pending === undefined || type !== 'ChargingStationCertificate') return { status: 'Rejected', statusInfo: { reasonCode: 'NoPendingRequest' } };
    const verdict = pki.verifyChain(chain, { roots: this.trustedRoots(), privateKeyPem: pending.keyPem });
    if (core.has('rejects-valid-certificate') || (!verdict.ok && !core.has('accepts-invalid-certificate'))) {
      if (!core.has('no-invalid-certificate-event')) {
        call.after(async () => void (await core.send('SecurityEventNotification', { type: 'InvalidChargingStationCertificate', timestamp: core.nowIso(), techInfo: verdict.ok ? 'rejected' : verdict.reason.slice(0, 255) })));
      }
      return { status: 'Rejected' };
    }
    this.pending = undefined;
    // The new identity is used from the next TLS connection on (A02.FR.09: the old one until then).
    const tls = core.options.tls;
    if (tls !== undefined) Object.assign(tls, { cert: chain, key: pending.keyPem });
    return { status: 'Accepted' };
  }

  /** The roots the station checks a new station certificate with: the one it trusts for TLS, the pki's, the installed CSMS roots. */
  private trustedRoots(): string[] {
    const { core, certificates } = this.ctx;
    const started = core.options.tls?.ca;
    const startedCa = (started === undefined ? [] : Array.isArray(started) ? started : [started]).filter((pem) => pem.includes('BEGIN CERTIFICATE'));
    return [...startedCa, ...(core.options.pki ? [core.options.pki.rootCertificatePem] : []), ...certificates.installed('CSMSRootCertificate')];
  }
}

export const certificateSigning: Block201 = {
  name: 'certificate-signing',
  defects: [
    { name: 'accepts-invalid-certificate', description: 'accepts a certificate that does not verify (expired, not yet valid, wrong CA or another key): installs or uses it instead of rejecting it' },
    { name: 'rejects-valid-certificate', description: 'rejects a CertificateSigned with a valid certificate signed from its own CSR' },
    { name: 'no-invalid-certificate-event', description: 'rejects an invalid certificate but sends no security event about it (1.6 InvalidCentralSystemCertificate / InvalidChargePointCertificate, 2.0.1 InvalidChargingStationCertificate, Part 2 A02.FR.07)' },
    { name: 'csr-not-pem', description: 'sends the CSR of SignCertificate as bare base64 DER instead of PEM (Part 2 A02.FR.02)' },
    { name: 'trigger-sign-certificate-rejected', description: 'rejects TriggerMessage SignChargingStationCertificate' },
  ],
  create: (ctx) => {
    const signing = new CertificateSigning(ctx);
    return { handlers: { CertificateSigned: (call) => signing.certificateSigned(call) }, provides: { certificateSigning: signing } };
  },
};
