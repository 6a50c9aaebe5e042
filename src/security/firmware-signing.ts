/**
 * Firmware signing material for the block L / 1.6 secure firmware cases (Part 2 L01.FR.02/03, 1.6
 * Security Whitepaper "Secure firmware update"): a manufacturer root (what a station trusts for
 * firmware), a firmware signing certificate it issued, a firmware image and its signature (ECDSA
 * P-256 with SHA-256 over the image bytes, base64), plus the wrong variants the negative cases hand
 * out: a signing certificate of another, untrusted root (L_05 "InvalidCertificate"), an expired one
 * (revoked / invalid), and a real signature of other bytes (L_06 "invalid signature").
 * Made per demo run; the private keys never leave this module.
 */
import { randomBytes, sign } from 'node:crypto';
import { createCertificateAuthority, type CertificateAuthority } from './certificates.js';
import { buildCertificateDer, derToPem } from './x509-builder.js';

export interface FirmwareSigning {
  /** ManufacturerRootCertificate the station trusts for firmware (PEM). */
  manufacturerRootPem: string;
  /** Firmware signing certificate issued by the manufacturer root (PEM). */
  signingCertificatePem: string;
  /** A signing certificate issued by an untrusted root (PEM). */
  untrustedSigningCertificatePem: string;
  /** A signing certificate of the trusted root that has expired (PEM). */
  expiredSigningCertificatePem: string;
  /** The firmware image the signature is of. */
  image: Buffer;
  /** base64 signature of `image` with the signing certificate's key. */
  signature: string;
  /** A real signature by the same key, of other bytes: it does not verify for `image`. */
  invalidSignature: string;
}

const dayMs = 24 * 60 * 60 * 1000;

function signingCertificate(ca: CertificateAuthority, publicKey: CertificateAuthority['publicKey'], notBefore: Date, notAfter: Date): string {
  return derToPem(
    buildCertificateDer({
      subject: { O: 'ocpp-conform', CN: 'ocpp-conform firmware signing' },
      issuer: ca.cert.subject,
      subjectPublicKey: publicKey,
      issuerPublicKey: ca.publicKey,
      signingKey: ca.privateKey,
      notBefore,
      notAfter,
      isCa: false,
      keyUsage: ['digitalSignature'],
    }),
  );
}

export function createFirmwareSigning(options: { now?: Date; image?: Buffer } = {}): FirmwareSigning {
  const now = options.now ?? new Date();
  const root = createCertificateAuthority({ key: { type: 'ec' }, now, subject: { O: 'ocpp-conform', CN: 'ocpp-conform test manufacturer root' } });
  const other = createCertificateAuthority({ key: { type: 'ec' }, now, subject: { O: 'Untrusted Other', CN: 'untrusted firmware root' } });
  const signer = createCertificateAuthority({ key: { type: 'ec' }, now, subject: { CN: 'firmware signing key holder' } });
  const from = new Date(now.getTime() - 5 * 60 * 1000);
  const until = new Date(now.getTime() + 365 * dayMs);
  const image = options.image ?? Buffer.concat([Buffer.from('ocpp-conform test firmware image\n'), randomBytes(256)]);
  const signOf = (bytes: Buffer): string => sign('sha256', bytes, signer.privateKey).toString('base64');
  return {
    manufacturerRootPem: root.cert.certPem,
    signingCertificatePem: signingCertificate(root, signer.publicKey, from, until),
    untrustedSigningCertificatePem: signingCertificate(other, signer.publicKey, from, until),
    expiredSigningCertificatePem: signingCertificate(root, signer.publicKey, new Date(now.getTime() - 30 * dayMs), new Date(now.getTime() - dayMs)),
    image,
    signature: signOf(image),
    invalidSignature: signOf(Buffer.concat([image, Buffer.from('tampered')])),
  };
}
