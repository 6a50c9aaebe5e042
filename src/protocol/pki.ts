/**
 * The `pki` service: certificate operations the simulators and the test cases need (make a key
 * and a CSR, sign a CSR with the test CA, check a certificate chain, certificate hash data),
 * declared here so src/sim and the engine can depend on it without node-forge. The one
 * implementation is src/security/pki.ts; the CLI / demo create it and hand it in (simulator
 * options `pki`, the case context's `ctx.pki`). Version-neutral: 1.6 Security Whitepaper and
 * 2.0.1 block A use the same shapes.
 *
 * Subjects follow the certificate properties of 2.0.1 Part 2 A00.FR.5xx (1.6 Security Whitepaper
 * §2.6.1): a ChargingStationCertificate has O = SecurityCtrlr.OrganizationName (1.6:
 * CpoName) and CN = the station's serial number / identity; a V2GCertificate (ISO 15118 SECC
 * certificate) has CN = the SECC id, O = ISO15118Ctrlr.OrganizationName, C = the country and
 * DC = "CPO".
 */
import type { CertificateHashData } from './certificate-hash-data.js';

/** The certificate a CSR asks for (2.0.1 CertificateSigningUseEnumType; 1.6 has the first only). */
export type PkiCertificateKind = 'ChargingStationCertificate' | 'V2GCertificate';

/** Subject attributes of a CSR or certificate (RFC 5280 §4.1.2.4), as far as OCPP uses them. */
export interface PkiSubject {
  C?: string;
  O?: string;
  OU?: string;
  CN?: string;
  DC?: string;
}

export interface CsrRequest {
  kind: PkiCertificateKind;
  /** ChargingStationCertificate: the station serial number / identity; V2GCertificate: the SECC id. */
  commonName: string;
  /** SecurityCtrlr.OrganizationName (or ISO15118Ctrlr.OrganizationName for V2G). */
  organization: string;
  /** V2G: ISO15118Ctrlr.CountryName. */
  country?: string;
  /** Default 'ec' (prime256v1: A00.FR.403 allows ECC of at least 224 bits); 'rsa' is 2048 bits. */
  key?: 'ec' | 'rsa';
}

/** A fresh key pair and its PKCS#10 request (RFC 2986), both PEM. `keyPem` is a secret. */
export interface KeyAndCsr {
  keyPem: string;
  csrPem: string;
}

export interface CsrInfo {
  subject: PkiSubject;
  keyType: 'rsa' | 'ec' | 'other';
  /** RSA modulus bits or EC curve order bits. */
  keyBits: number;
  /** The request's self-signature checks with its own public key (proof of possession). */
  signatureValid: boolean;
}

/** A CSR that could not be read says why (not PEM, not RFC 2986 DER, …). */
export type CsrParse = { ok: true; csr: CsrInfo } | { ok: false; reason: string };

/**
 * A deliberately unacceptable signature for negative cases (Part 6 "<Configured
 * invalid_signingCertificate>"): signed by a CA nobody trusts, already expired, not yet valid, or
 * with another CN than the CSR asked for.
 */
export type SigningFault = 'wrong-ca' | 'expired' | 'not-yet-valid' | 'wrong-cn';

export interface SignOptions {
  fault?: SigningFault;
  /** Default 365. */
  validityDays?: number;
}

export interface SignedCertificate {
  /** The leaf certificate, PEM. */
  certificatePem: string;
  /** What CertificateSigned carries: the leaf followed by the issuing CA (the root is not included). */
  chainPem: string;
  /** The certificate of the CA that signed (the test CA, or the untrusted one for `wrong-ca`). */
  issuerPem: string;
}

export interface VerifyOptions {
  /** Trusted roots, PEM (default: the service's test CA). */
  roots?: readonly string[];
  /** The private key the leaf must match (the one the station made its CSR with). */
  privateKeyPem?: string;
  /** Subject attributes the leaf must carry (e.g. the CN the CSR asked for). */
  subject?: PkiSubject;
  /** Validity is checked at this time (default now). */
  now?: Date;
}

export type ChainVerification =
  | { ok: true; subject: PkiSubject; notBefore: string; notAfter: string }
  | { ok: false; reason: string };

export interface Pki {
  /** The test CA's root certificate, PEM: what a station must trust for the certificates it is sent. */
  readonly rootCertificatePem: string;
  createKeyAndCsr(request: CsrRequest): KeyAndCsr;
  parseCsr(csrPem: string): CsrParse;
  /** Sign a CSR with the test CA (or break the result on purpose with `fault`). Throws when the CSR is unreadable or its signature is wrong. */
  signCsr(csrPem: string, options?: SignOptions): SignedCertificate;
  /** A PEM chain (leaf first) against trusted roots: each signature, the validity periods, optionally key match and subject. */
  verifyChain(chainPem: string, options?: VerifyOptions): ChainVerification;
  /** CertificateHashDataType of `certPem` issued by `issuerPem` (default: itself, a root). */
  hashData(certPem: string, issuerPem?: string): CertificateHashData;
}

/** The PEM blocks of a chain, in order. */
export function splitPemChain(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)?.map((b) => `${b}\n`) ?? [];
}
