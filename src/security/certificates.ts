/**
 * Certificates for the three OCPP security profiles: a test CA, a CSMS (server) certificate and a
 * charging-station (client) certificate, plus deliberately broken variants for the security test
 * cases. Keys come from node:crypto (RSA 2048/3072/4096, or EC prime256v1); certificates from our
 * x509 builder, which signs with either kind of key.
 *
 * Certificate contents follow the 1.6 Security Whitepaper §2.6.1 "Certificate Properties"
 * (the same requirements as OCPP 2.0.1 Part 2 A00.FR.5xx):
 *  - A00.FR.502/503: RSA keys of at least 2048 bits, EC keys of at least 224 bits;
 *  - A00.FR.506: SHA-256;
 *  - A00.FR.508: every certificate has a serial number;
 *  - A00.FR.509: subject O (organizationName) = the owner's organisation (the CPO for a station);
 *  - A00.FR.510: CSMS subject CN = the server's FQDN;
 *  - A00.FR.511: station subject CN = the station's unique serial number;
 *  - A00.FR.512: Key Usage restricts each certificate to its job.
 */
import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { HarnessError } from '../errors.js';
import {
  buildCertificateDer,
  derToPem,
  type DistinguishedName,
  type ExtendedKeyUsageName,
  type KeyUsageName,
} from './x509-builder.js';

export type { DistinguishedName } from './x509-builder.js';

export type KeySpec = { type: 'rsa'; bits?: 1024 | 2048 | 3072 | 4096 } | { type: 'ec'; curve?: 'prime256v1' };

/** One certificate with its private key, both PEM. `keyPem` is a secret: never print or log it. */
export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
}

export interface CertificateSet {
  ca: IssuedCertificate;
  csms: IssuedCertificate;
  station: IssuedCertificate;
  /** Broken variants for negative security cases, keyed by file stem (e.g. `station-expired`). */
  variants?: Record<string, IssuedCertificate>;
}

export interface CertificateSetOptions {
  /** Host name or IP address the CSMS is reached at: its CN and subjectAltName. */
  host?: string;
  /** Station identity / serial number: the station certificate CN (A00.FR.511). */
  stationId?: string;
  /** CPO name: the station certificate O (A00.FR.509 and 1.6 A00.FR.404). */
  cpoName?: string;
  /** Organisation of the CSMS certificate and the CA. */
  csmsOrganization?: string;
  key?: KeySpec;
  validityDays?: number;
  /** Also create the broken variants (see createBrokenVariants). */
  withVariants?: boolean;
  /** Injected for reproducible validity periods in tests. */
  now?: Date;
}

export const defaultCertificateHost = 'localhost';
export const defaultStationId = 'CP001';
export const defaultCpoName = 'ocpp-conform CPO';
export const defaultValidityDays = 365;
const dayMs = 24 * 60 * 60 * 1000;
/** Back-date notBefore a little so a peer whose clock is slightly behind still accepts the certificate. */
const clockSkewMs = 5 * 60 * 1000;

/** A CA certificate with its key objects, so it can sign further certificates. */
export interface CertificateAuthority {
  cert: IssuedCertificate;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateKeyPair(spec: KeySpec = { type: 'rsa' }): { privateKey: KeyObject; publicKey: KeyObject } {
  if (spec.type === 'ec') return generateKeyPairSync('ec', { namedCurve: spec.curve ?? 'prime256v1' });
  return generateKeyPairSync('rsa', { modulusLength: spec.bits ?? 2048 });
}

/** A self-signed CA: basicConstraints CA:true, keyCertSign + cRLSign. */
export function createCertificateAuthority(options: {
  subject?: DistinguishedName;
  key?: KeySpec;
  validityDays?: number;
  now?: Date;
} = {}): CertificateAuthority {
  const keys = generateKeyPair(options.key);
  const subject = options.subject ?? { O: 'ocpp-conform', CN: 'ocpp-conform test CA' };
  const { notBefore, notAfter } = validity(options.now, options.validityDays ?? defaultValidityDays * 5);
  const cert = issue({
    subject,
    issuer: subject,
    subjectKeys: keys,
    signer: { privateKey: keys.privateKey, publicKey: keys.publicKey },
    notBefore,
    notAfter,
    isCa: true,
    keyUsage: ['keyCertSign', 'cRLSign'],
  });
  return { cert, ...keys };
}

export interface LeafOptions {
  key?: KeySpec;
  notBefore?: Date;
  notAfter?: Date;
  validityDays?: number;
  now?: Date;
}

/** CSMS (TLS server) certificate: CN = host (A00.FR.510), SAN = host (plus 127.0.0.1 for localhost). */
export function createServerCertificate(
  ca: CertificateAuthority,
  options: LeafOptions & { host?: string; organization?: string } = {},
): IssuedCertificate {
  const host = options.host ?? defaultCertificateHost;
  // TLS clients (node included) match an IP address only against an iPAddress SAN, and prefer SAN
  // over CN for names (RFC 6125 §6.4.4). 1.6 A00.FR.511 allows a dNSName SAN on the Central System.
  const altNames = isIP(host) ? [host] : host === 'localhost' ? [host, '127.0.0.1', '::1'] : [host];
  return issueLeaf(ca, options, {
    subject: { O: options.organization ?? 'ocpp-conform CSMS', CN: host },
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['serverAuth'],
    subjectAltNames: altNames,
  });
}

/**
 * Charging-station (TLS client) certificate: O = CPO name (A00.FR.509, checked by the CSMS per
 * 1.6 A00.FR.404), CN = station serial number (A00.FR.511, checked per A00.FR.405). No SAN:
 * A00.FR.511 says a dNSName SAN SHOULD NOT be used on station certificates.
 */
export function createStationCertificate(
  ca: CertificateAuthority,
  options: LeafOptions & { stationId?: string; cpoName?: string } = {},
): IssuedCertificate {
  return issueLeaf(ca, options, {
    subject: { O: options.cpoName ?? defaultCpoName, CN: options.stationId ?? defaultStationId },
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['clientAuth'],
  });
}

/** CA + CSMS + station certificates, optionally with broken variants. */
export function createCertificateSet(options: CertificateSetOptions = {}): CertificateSet & { authority: CertificateAuthority } {
  const key = options.key ?? { type: 'rsa' };
  const common = { key, now: options.now, validityDays: options.validityDays };
  const authority = createCertificateAuthority({
    key,
    now: options.now,
    subject: { O: options.csmsOrganization ?? 'ocpp-conform', CN: 'ocpp-conform test CA' },
  });
  const csms = createServerCertificate(authority, {
    ...common,
    host: options.host ?? defaultCertificateHost,
    organization: options.csmsOrganization ?? 'ocpp-conform',
  });
  const station = createStationCertificate(authority, {
    ...common,
    stationId: options.stationId ?? defaultStationId,
    cpoName: options.cpoName ?? defaultCpoName,
  });
  const set: CertificateSet & { authority: CertificateAuthority } = { authority, ca: authority.cert, csms, station };
  if (options.withVariants === true) set.variants = createBrokenVariants(authority, options);
  return set;
}

/**
 * Certificates that a conformant peer must refuse, for the negative security cases (e.g. 1.6
 * A00.FR.403/411 path validation, A00.FR.405/412 name checks, A00.FR.502 key size):
 * `station-expired`, `station-not-yet-valid`, `station-other-ca` (with `other-ca`), `station-wrong-cn`,
 * `station-weak-key` (RSA 1024), and the same ideas for the CSMS side (`csms-expired`,
 * `csms-other-ca`, `csms-wrong-cn`).
 */
export function createBrokenVariants(
  ca: CertificateAuthority,
  options: CertificateSetOptions = {},
): Record<string, IssuedCertificate> {
  const key = options.key ?? { type: 'rsa' };
  const now = options.now ?? new Date();
  const stationId = options.stationId ?? defaultStationId;
  const cpoName = options.cpoName ?? defaultCpoName;
  const host = options.host ?? defaultCertificateHost;
  const past = { notBefore: new Date(now.getTime() - 30 * dayMs), notAfter: new Date(now.getTime() - dayMs) };
  const future = { notBefore: new Date(now.getTime() + dayMs), notAfter: new Date(now.getTime() + 30 * dayMs) };
  const other = createCertificateAuthority({ key, now, subject: { O: 'Untrusted Other', CN: 'untrusted other CA' } });
  return {
    'other-ca': other.cert,
    'station-expired': createStationCertificate(ca, { key, stationId, cpoName, ...past }),
    'station-not-yet-valid': createStationCertificate(ca, { key, stationId, cpoName, ...future }),
    'station-other-ca': createStationCertificate(other, { key, now, stationId, cpoName }),
    'station-wrong-cn': createStationCertificate(ca, { key, now, stationId: `${stationId}-WRONG`, cpoName }),
    'station-weak-key': createStationCertificate(ca, { key: { type: 'rsa', bits: 1024 }, now, stationId, cpoName }),
    'csms-expired': createServerCertificate(ca, { key, host, ...past }),
    'csms-other-ca': createServerCertificate(other, { key, now, host }),
    'csms-wrong-cn': createServerCertificate(ca, { key, now, host: 'wrong.invalid' }),
  };
}

/** Parse a PEM certificate with node:crypto, for checks and for tests. */
export function parseCertificate(certPem: string): X509Certificate {
  try {
    return new X509Certificate(certPem);
  } catch (err) {
    throw new HarnessError('E_CERTS', `not a valid PEM certificate: ${(err as Error).message}`, { cause: err });
  }
}

interface LeafProfile {
  subject: DistinguishedName;
  keyUsage: KeyUsageName[];
  extendedKeyUsage: ExtendedKeyUsageName[];
  subjectAltNames?: string[];
}

function issueLeaf(ca: CertificateAuthority, options: LeafOptions, profile: LeafProfile): IssuedCertificate {
  const keys = generateKeyPair(options.key);
  const period = validity(options.now, options.validityDays ?? defaultValidityDays);
  // keyEncipherment only means something for RSA key transport; an EC key signs (ECDHE) only.
  const keyUsage = options.key?.type === 'ec' ? profile.keyUsage.filter((u) => u !== 'keyEncipherment') : profile.keyUsage;
  return issue({
    ...profile,
    keyUsage,
    issuer: ca.cert.subject,
    subjectKeys: keys,
    signer: ca,
    notBefore: options.notBefore ?? period.notBefore,
    notAfter: options.notAfter ?? period.notAfter,
    isCa: false,
  });
}

function issue(spec: {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  subjectKeys: { privateKey: KeyObject; publicKey: KeyObject };
  signer: { privateKey: KeyObject; publicKey: KeyObject };
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  keyUsage: KeyUsageName[];
  extendedKeyUsage?: ExtendedKeyUsageName[];
  subjectAltNames?: string[];
}): IssuedCertificate {
  try {
    const der = buildCertificateDer({
      subject: spec.subject,
      issuer: spec.issuer,
      subjectPublicKey: spec.subjectKeys.publicKey,
      issuerPublicKey: spec.signer.publicKey,
      signingKey: spec.signer.privateKey,
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      isCa: spec.isCa,
      keyUsage: spec.keyUsage,
      extendedKeyUsage: spec.extendedKeyUsage,
      subjectAltNames: spec.subjectAltNames,
    });
    return {
      certPem: derToPem(der),
      keyPem: spec.subjectKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      subject: spec.subject,
      issuer: spec.issuer,
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
    };
  } catch (err) {
    throw new HarnessError('E_CERTS', `could not create the certificate for ${spec.subject.CN ?? '?'}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function validity(now: Date | undefined, days: number): { notBefore: Date; notAfter: Date } {
  const t = (now ?? new Date()).getTime();
  // X.509 times have whole seconds; round so the value we report equals the one encoded.
  const notBefore = new Date(Math.floor((t - clockSkewMs) / 1000) * 1000);
  return { notBefore, notAfter: new Date(notBefore.getTime() + days * dayMs) };
}
