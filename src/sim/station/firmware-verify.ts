/**
 * Secure firmware checks of the simulated stations (2.0.1 Part 2 L01.FR.02/03, 1.6 Security
 * Whitepaper SignedUpdateFirmware): the signing certificate must be valid now and issued by one of
 * the station's ManufacturerRootCertificates; the signature (base64) must verify over the
 * downloaded image with that certificate's key (SHA-256; RSA or ECDSA). node:crypto only.
 */
import { verify, X509Certificate } from 'node:crypto';

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/** Whether `pem` is a signing certificate the station trusts at `nowMs`. */
export function trustedSigningCertificate(pem: string, roots: readonly string[], nowMs: number): boolean {
  const cert = parse(pem);
  if (!cert) return false;
  if (nowMs < Date.parse(cert.validFrom) || nowMs > Date.parse(cert.validTo)) return false;
  return roots.some((rootPem) => {
    const root = parse(rootPem);
    return root !== undefined && cert.checkIssued(root) && cert.verify(root.publicKey);
  });
}

/** Whether `signature` (base64) is a signature of `image` by the key of `certificatePem`. */
export function validFirmwareSignature(image: Buffer, signature: string, certificatePem: string): boolean {
  const cert = parse(certificatePem);
  if (!cert) return false;
  try {
    return verify('sha256', image, cert.publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
