/**
 * The 1.6 Security Whitepaper on the charge point, its own certificate (A02 "Update Charge Point
 * Certificate by request of Central System"): ExtendedTriggerMessage SignChargePointCertificate is
 * Accepted, then a new key and CSR (CN = the charge point's identity, O = CpoName, whitepaper
 * §2.6.1) go out in SignCertificate.req; a CertificateSigned chain is checked against the CA and
 * the new key (A02.FR.06): Accepted, or Rejected with the security event
 * InvalidChargePointCertificate (A02.FR.07, after the CertificateSigned.conf). The key and CSR come
 * from the `pki` service in the options; without one the trigger is Rejected (no key generation).
 * Other ExtendedTriggerMessage messages are NotImplemented here (whitepaper §5.7 allows it).
 */
import type { Block16 } from './context.js';

export const chargePointCertificate16: Block16 = {
  name: 'charge-point-certificate',
  defects: [{ name: 'accepts-invalid-charge-point-certificate', description: 'answers CertificateSigned Accepted for a certificate that does not verify (wrong CA, expired, another key) and sends no InvalidChargePointCertificate security event' }],
  create: (ctx) => {
    const { core, config } = ctx;
    let pendingKeyPem: string | undefined;
    return {
      handlers: {
        ExtendedTriggerMessage: (call) => {
          if (call.payload['requestedMessage'] !== 'SignChargePointCertificate') return { status: 'NotImplemented' };
          const pki = core.options.pki;
          if (pki === undefined) return { status: 'Rejected' };
          call.after(async () => {
            const made = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: core.stationId, organization: config.find('CpoName')?.value || 'ocpp-conform' });
            pendingKeyPem = made.keyPem;
            await core.send('SignCertificate', { csr: made.csrPem });
          });
          return { status: 'Accepted' };
        },
        CertificateSigned: (call) => {
          const pki = core.options.pki;
          const chain = String(call.payload['certificateChain']);
          const verified = pki !== undefined && pendingKeyPem !== undefined ? pki.verifyChain(chain, { privateKeyPem: pendingKeyPem, subject: { CN: core.stationId } }) : { ok: false as const, reason: 'no certificate signing request pending' };
          if (verified.ok || core.has('accepts-invalid-charge-point-certificate')) {
            // Accepted; the simulator's TLS identity stays the one it was started with (no reconnection with the new certificate yet).
            pendingKeyPem = undefined;
            return { status: 'Accepted' };
          }
          call.after(async () => void (await core.send('SecurityEventNotification', { type: 'InvalidChargePointCertificate', timestamp: core.nowIso(), techInfo: verified.reason.slice(0, 255) })));
          return { status: 'Rejected' };
        },
      },
    };
  },
};
