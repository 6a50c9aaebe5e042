/**
 * The 1.6 Security Whitepaper (edition 3) on the charge point, certificate management: the root
 * store (InstallCertificate M05, GetInstalledCertificateIds M03, DeleteCertificate M04) with the
 * hash data computed from the DER (src/protocol/certificate-hash-data.ts), and the security event
 * of an invalid Central System root (A00.FR.309 / .413: InvalidCentralSystemCertificate, sent after
 * the InstallCertificate.conf). The configuration keys of whitepaper chapter 7 it needs:
 * CertificateStoreMaxLength (R) and CpoName (RW).
 */
import { X509Certificate } from 'node:crypto';
import { certificateHashData, sameCertificate } from '../../../protocol/certificate-hash-data.js';
import type { JsonObject } from '../../../protocol/frames.js';
import { k } from '../config-keys.js';
import type { Block16 } from './context.js';

/** Whitepaper §6 CertificateUseEnumType. */
const rootTypes = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const;

/** Why a root is invalid (M05.FR.06), or undefined for a usable one: a self-signed CA within its validity. */
function invalidRoot(cert: X509Certificate, nowMs: number): string | undefined {
  if (!cert.ca) return 'not a CA certificate';
  if (nowMs < Date.parse(cert.validFrom)) return 'not yet valid';
  if (nowMs > Date.parse(cert.validTo)) return 'expired';
  if (!cert.checkIssued(cert) || !cert.verify(cert.publicKey)) return 'not a self-signed root';
  return undefined;
}

export const security16: Block16 = {
  name: 'security',
  configKeys: () => [k('CertificateStoreMaxLength', 'int', true, '10'), k('CpoName', 'string', false, '')],
  defects: [
    { name: 'certificate-not-installed', description: 'answers InstallCertificate Accepted but does not store the certificate (GetInstalledCertificateIds does not list it)' },
    { name: 'certificate-not-deleted', description: 'answers DeleteCertificate Accepted but keeps the certificate' },
    { name: 'accepts-invalid-certificate', description: 'accepts a certificate that does not verify (expired, not yet valid, wrong CA or another key): installs or uses it instead of rejecting it' },
    { name: 'no-invalid-certificate-event', description: 'rejects an invalid certificate but sends no security event about it (1.6 InvalidCentralSystemCertificate / InvalidChargePointCertificate, 2.0.1 InvalidChargingStationCertificate, Part 2 A02.FR.07)' },
  ],
  create: (ctx) => {
    const { core, config } = ctx;
    // The root store, by type, in the block's memory: it survives a reboot.
    const installed = new Map<string, X509Certificate[]>();
    // Over TLS the CA the charge point was started with is its installed Central System root.
    const startedCa = core.options.tls?.ca;
    const started = (Array.isArray(startedCa) ? startedCa : startedCa === undefined ? [] : [startedCa]).filter((pem) => pem.includes('-----BEGIN CERTIFICATE-----'));
    if (started.length > 0) installed.set('CentralSystemRootCertificate', started.map((pem) => new X509Certificate(pem)));
    const count = (): number => [...installed.values()].reduce((n, list) => n + list.length, 0);
    const hashOf = (c: X509Certificate): JsonObject => ({ ...certificateHashData(c.toString()) });
    return {
      handlers: {
        InstallCertificate: (call) => {
          const type = String(call.payload['certificateType']);
          if (!(rootTypes as readonly string[]).includes(type)) return { status: 'Rejected' };
          let cert: X509Certificate | undefined;
          try {
            cert = new X509Certificate(String(call.payload['certificate']));
          } catch {
            cert = undefined;
          }
          const problem = cert === undefined ? 'not an X.509 certificate' : invalidRoot(cert, core.clock.wallMs());
          if (problem !== undefined && !core.has('accepts-invalid-certificate')) {
            if (type === 'CentralSystemRootCertificate' && !core.has('no-invalid-certificate-event')) {
              call.after(async () => void (await core.send('SecurityEventNotification', { type: 'InvalidCentralSystemCertificate', timestamp: core.nowIso(), techInfo: `InstallCertificate: ${problem}` })));
            }
            return { status: 'Rejected' };
          }
          // M05.FR.03: no room left in the store.
          if (count() >= config.int('CertificateStoreMaxLength')) return { status: 'Rejected' };
          if (cert !== undefined && !core.has('certificate-not-installed')) {
            const list = installed.get(type) ?? [];
            if (!list.some((c) => c.fingerprint256 === cert.fingerprint256)) installed.set(type, [...list, cert]);
          }
          return { status: 'Accepted' };
        },
        // M03.FR.02-04: the hash data of every installed certificate of the type, or NotFound.
        GetInstalledCertificateIds: (call) => {
          const list = installed.get(String(call.payload['certificateType'])) ?? [];
          return list.length === 0 ? { status: 'NotFound' } : { status: 'Accepted', certificateHashData: list.map(hashOf) };
        },
        // M04.FR.02 / .04: the certificate whose hash data (issuer name, issuer key, serial) is given goes.
        DeleteCertificate: (call) => {
          const given = (call.payload['certificateHashData'] ?? {}) as JsonObject;
          for (const [type, list] of installed) {
            const kept = list.filter((c) => !sameCertificate(given, certificateHashData(c.toString())));
            if (kept.length === list.length) continue;
            if (!core.has('certificate-not-deleted')) installed.set(type, kept);
            return { status: 'Accepted' };
          }
          return { status: 'NotFound' };
        },
      },
    };
  },
};
