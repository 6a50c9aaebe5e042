/**
 * OCPP 2.0.1 CertificateHashDataType of a certificate (Part 2 §2.6: the fields of an RFC 6960
 * CertID): issuerNameHash = hash of the DER of the certificate's issuer Name, issuerKeyHash = hash
 * of the issuer's public key (the BIT STRING value of its subjectPublicKey, unused-bits octet
 * left out, as OpenSSL's OCSP_cert_to_id does), serialNumber in hex without leading zeroes. For a
 * root the issuer is the certificate itself. SHA256 unless asked otherwise (the 1.6 Security
 * Whitepaper §2.6 and Part 2 HashAlgorithmEnumType also allow SHA384 and SHA512). Pure: the
 * certificate's parts as ocsp.ts reads them.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { certificateParts } from './ocsp.js';

export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

/** The hash algorithms the spec names, by their OCPP spelling (undefined for any other). */
export function hashAlgorithmOf(name: unknown): HashAlgorithm | undefined {
  return name === 'SHA256' || name === 'SHA384' || name === 'SHA512' ? name : undefined;
}

export interface CertificateHashData {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

/** The hash data of `certPem`, issued by `issuerPem` (default: itself, a root). */
export function certificateHashData(certPem: string, issuerPem: string = certPem, hashAlgorithm: HashAlgorithm = 'SHA256'): CertificateHashData {
  const cert = certificateParts(new X509Certificate(certPem).raw);
  const issuer = certificateParts(new X509Certificate(issuerPem).raw);
  const hash = (bytes: Buffer): string => createHash(hashAlgorithm.toLowerCase()).update(bytes).digest('hex');
  return {
    hashAlgorithm,
    issuerNameHash: hash(cert.issuerName),
    issuerKeyHash: hash(issuer.subjectPublicKey),
    serialNumber: cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, ''),
  };
}

/** Two hash data name the same certificate (hex compared without case and leading zeroes). */
export function sameCertificate(given: object, b: CertificateHashData): boolean {
  const a = given as Record<string, unknown>;
  const norm = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase().replace(/^0+(?=.)/, '') : '');
  return norm(a['issuerNameHash']) === norm(b.issuerNameHash) && norm(a['issuerKeyHash']) === norm(b.issuerKeyHash) && norm(a['serialNumber']) === norm(b.serialNumber);
}
