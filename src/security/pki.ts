/**
 * The certificate half of the `pki` service (src/protocol/pki.ts) on top of our certificate
 * builder: one test CA per instance (given, e.g. the demo's TLS root, or made fresh), CSRs of
 * fresh keys, CSRs signed into ChargingStationCertificate / V2GCertificate leaves, the
 * deliberately invalid signatures of the negative cases, and chain verification with node:crypto's
 * X509Certificate. src/security imports no other layer, so the shapes are declared here again
 * (structurally the same); src/cli/pki.ts adds the certificate hash data and types it as `Pki`.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { HarnessError } from '../errors.js';
import { createCertificateAuthority, defaultValidityDays, type CertificateAuthority } from './certificates.js';
import { buildCsrPem, generateCsrKey, parseCsr, readCsr, type CsrInfo, type CsrSubject as PkiSubject } from './csr.js';
import { buildCertificateDer, derToPem } from './x509-builder.js';

export interface PkiOptions {
  /** The CA that signs (default: a fresh EC test CA). */
  ca?: CertificateAuthority;
  /** The current time (tests inject it). */
  now?: () => Date;
}

const dayMs = 24 * 60 * 60 * 1000;

export interface CsrRequest {
  kind: 'ChargingStationCertificate' | 'V2GCertificate';
  commonName: string;
  organization: string;
  country?: string;
  key?: 'ec' | 'rsa';
}
export interface KeyAndCsr {
  keyPem: string;
  csrPem: string;
}
export type SigningFault = 'wrong-ca' | 'expired' | 'not-yet-valid' | 'wrong-cn';
export interface SignOptions {
  fault?: SigningFault;
  validityDays?: number;
}
export interface SignedCertificate {
  certificatePem: string;
  chainPem: string;
  issuerPem: string;
}
export interface VerifyOptions {
  roots?: readonly string[];
  privateKeyPem?: string;
  subject?: PkiSubject;
  now?: Date;
}
export type ChainVerification = { ok: true; subject: PkiSubject; notBefore: string; notAfter: string } | { ok: false; reason: string };

/** What src/protocol/pki.ts `Pki` asks for, less the hash data (a protocol function). */
export interface CertificateService {
  readonly rootCertificatePem: string;
  createKeyAndCsr(request: CsrRequest): KeyAndCsr;
  parseCsr(csrPem: string): { ok: true; csr: CsrInfo } | { ok: false; reason: string };
  signCsr(csrPem: string, options?: SignOptions): SignedCertificate;
  verifyChain(chainPem: string, options?: VerifyOptions): ChainVerification;
}

export function createCertificateService(options: PkiOptions = {}): CertificateService {
  const now = options.now ?? ((): Date => new Date());
  const ca = options.ca ?? createCertificateAuthority({ key: { type: 'ec' }, subject: { O: 'ocpp-conform', CN: 'ocpp-conform test CA' } });
  let untrusted: CertificateAuthority | undefined;
  const otherCa = (): CertificateAuthority =>
    (untrusted ??= createCertificateAuthority({ key: { type: 'ec' }, subject: { O: 'Untrusted Other', CN: 'untrusted other CA' } }));

  return {
    rootCertificatePem: ca.cert.certPem,

    createKeyAndCsr(request: CsrRequest): KeyAndCsr {
      const keys = generateCsrKey(request.key ?? 'ec');
      const subject: PkiSubject =
        request.kind === 'V2GCertificate'
          ? { ...(request.country !== undefined ? { C: request.country } : {}), DC: 'CPO', O: request.organization, CN: request.commonName }
          : { O: request.organization, CN: request.commonName };
      return { keyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), csrPem: buildCsrPem(subject, keys) };
    },

    parseCsr,

    signCsr(csrPem: string, sign: SignOptions = {}): SignedCertificate {
      const read = readCsr(csrPem);
      if (!read.ok) throw new HarnessError('E_CERTS', `cannot sign the CSR: ${read.reason}`);
      if (!read.csr.signatureValid) throw new HarnessError('E_CERTS', 'cannot sign the CSR: its signature does not verify with its own public key');
      const signer = sign.fault === 'wrong-ca' ? otherCa() : ca;
      const t = now().getTime();
      const days = sign.validityDays ?? defaultValidityDays;
      const period =
        sign.fault === 'expired'
          ? { notBefore: new Date(t - 30 * dayMs), notAfter: new Date(t - dayMs) }
          : sign.fault === 'not-yet-valid'
            ? { notBefore: new Date(t + dayMs), notAfter: new Date(t + 30 * dayMs) }
            : { notBefore: new Date(Math.floor((t - 5 * 60_000) / 1000) * 1000), notAfter: new Date(t + days * dayMs) };
      const { DC: _dc, ...subject } = read.csr.subject;
      if (sign.fault === 'wrong-cn') subject.CN = `${subject.CN ?? ''}-WRONG`;
      const rsa = read.csr.keyType === 'rsa';
      const leaf = derToPem(
        buildCertificateDer({
          subject,
          issuer: signer.cert.subject,
          subjectPublicKey: read.csr.publicKey,
          issuerPublicKey: signer.publicKey,
          signingKey: signer.privateKey,
          ...period,
          isCa: false,
          keyUsage: rsa ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature', 'keyAgreement'],
          extendedKeyUsage: ['clientAuth', 'serverAuth'],
        }),
      );
      return { certificatePem: leaf, chainPem: leaf + signer.cert.certPem, issuerPem: signer.cert.certPem };
    },

    verifyChain(chainPem: string, verify: VerifyOptions = {}): ChainVerification {
      return verifyChain(chainPem, { ...verify, roots: verify.roots ?? [ca.cert.certPem], now: verify.now ?? now() });
    },
  };
}

function verifyChain(chainPem: string, options: VerifyOptions & { roots: readonly string[]; now: Date }): ChainVerification {
  let certs: X509Certificate[];
  let roots: X509Certificate[];
  try {
    certs = splitPemChain(chainPem).map((pem) => new X509Certificate(pem));
    roots = options.roots.flatMap((r) => splitPemChain(r)).map((pem) => new X509Certificate(pem));
  } catch (err) {
    return { ok: false, reason: `not a PEM certificate chain: ${(err as Error).message}` };
  }
  const leaf = certs[0];
  if (leaf === undefined) return { ok: false, reason: 'no PEM certificate in the chain' };
  for (let i = 0; i + 1 < certs.length; i++) {
    const [child, parent] = [certs[i] as X509Certificate, certs[i + 1] as X509Certificate];
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) return { ok: false, reason: `certificate ${i + 1} (${oneLine(child.subject)}) is not signed by the next one (${oneLine(parent.subject)})` };
  }
  const top = certs[certs.length - 1] as X509Certificate;
  const anchored = roots.some((r) => r.fingerprint256 === top.fingerprint256 || (top.checkIssued(r) && top.verify(r.publicKey)));
  if (!anchored) return { ok: false, reason: `the chain does not lead to a trusted root (its top is issued by ${oneLine(top.issuer)})` };
  const t = options.now.getTime();
  for (const c of certs) {
    if (t < Date.parse(c.validFrom)) return { ok: false, reason: `${oneLine(c.subject)} is not valid before ${c.validFrom}` };
    if (t > Date.parse(c.validTo)) return { ok: false, reason: `${oneLine(c.subject)} expired ${c.validTo}` };
  }
  if (options.privateKeyPem !== undefined) {
    let matches = false;
    try {
      matches = leaf.checkPrivateKey(createPrivateKey(options.privateKeyPem));
    } catch {
      matches = false;
    }
    if (!matches) return { ok: false, reason: 'the leaf certificate does not belong to the private key' };
  }
  const subject = subjectOf(leaf);
  for (const [k, want] of Object.entries(options.subject ?? {}) as Array<[keyof PkiSubject, string | undefined]>) {
    if (want !== undefined && subject[k] !== want) return { ok: false, reason: `subject ${k} is "${subject[k] ?? ''}", expected "${want}"` };
  }
  return { ok: true, subject, notBefore: new Date(leaf.validFrom).toISOString(), notAfter: new Date(leaf.validTo).toISOString() };
}

function subjectOf(cert: X509Certificate): PkiSubject {
  const out: PkiSubject = {};
  for (const line of cert.subject.split('\n')) {
    const at = line.indexOf('=');
    const key = line.slice(0, at) as keyof PkiSubject;
    if (['C', 'O', 'OU', 'CN', 'DC'].includes(key)) out[key] = line.slice(at + 1);
  }
  return out;
}

const oneLine = (dn: string): string => dn.split('\n').join(', ');

const splitPemChain = (text: string): string[] => text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g)?.map((b) => `${b}\n`) ?? [];
