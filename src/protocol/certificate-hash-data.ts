/**
 * OCPP 2.0.1 CertificateHashDataType of a certificate (Part 2 §2.6: the fields of an RFC 6960
 * CertID): issuerNameHash = hash of the DER of the certificate's issuer Name, issuerKeyHash = hash
 * of the issuer's public key (the BIT STRING value of its subjectPublicKey, unused-bits octet
 * left out, as OpenSSL's OCSP_cert_to_id does), serialNumber in hex without leading zeroes. For a
 * root the issuer is the certificate itself. Pure: the certificate's parts as ocsp.ts reads them.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { certificateParts } from './ocsp.js';

export interface CertificateHashData {
  hashAlgorithm: 'SHA256';
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The hash data of `certPem`, issued by `issuerPem` (default: itself, a root). */
export function certificateHashData(certPem: string, issuerPem: string = certPem): CertificateHashData {
  const cert = certificateParts(new X509Certificate(certPem).raw);
  const issuer = certificateParts(new X509Certificate(issuerPem).raw);
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(cert.issuerName),
    issuerKeyHash: sha256(issuer.subjectPublicKey),
    serialNumber: cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
  };
}

/** Two hash data name the same certificate (hex compared without case and leading zeroes). */
export function sameCertificate(given: object, b: CertificateHashData): boolean {
  const a = given as Record<string, unknown>;
  const norm = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase().replace(/^0+(?=.)/, '') : '');
  return norm(a['issuerNameHash']) === norm(b.issuerNameHash) && norm(a['issuerKeyHash']) === norm(b.issuerKeyHash) && norm(a['serialNumber']) === norm(b.serialNumber);
}
