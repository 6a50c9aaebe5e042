/**
 * A minimal X.509 v3 certificate builder (RFC 5280 §4.1): forge.asn1 encodes the DER, node:crypto
 * holds the keys and signs.
 *
 * Why not forge.pki.createCertificate: forge can only encode and sign RSA keys, and OCPP allows
 * elliptic-curve keys too (1.6 Security Whitepaper A00.FR.503, 2.0.1 Part 2 A00.FR.403: at least
 * 224 bits for ECC). Building the TBSCertificate ourselves lets one code path serve RSA and EC
 * subjects and RSA and EC issuers alike, and lets the deliberately broken variants (expired, wrong
 * CA, weak key) be plain data instead of special cases.
 */
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type * as Forge from 'node-forge';
import { forge } from './forge.js';

const { asn1 } = forge;
type Asn1 = Forge.asn1.Asn1;

/** Subject / issuer attributes we emit, in this order (RFC 5280 §4.1.2.4). */
export interface DistinguishedName {
  C?: string;
  O?: string;
  OU?: string;
  CN?: string;
}

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign';

export type ExtendedKeyUsageName = 'serverAuth' | 'clientAuth';

export interface CertificateSpec {
  subject: DistinguishedName;
  issuer: DistinguishedName;
  subjectPublicKey: KeyObject;
  /** The issuer's public key, for the authority key identifier (the subject's own for a self-signed CA). */
  issuerPublicKey: KeyObject;
  /** The issuer's private key: RSA signs with sha256WithRSAEncryption, EC with ecdsa-with-SHA256. */
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  keyUsage: readonly KeyUsageName[];
  extendedKeyUsage?: readonly ExtendedKeyUsageName[];
  /** Host names and IP addresses for the subjectAltName extension (RFC 5280 §4.2.1.6). */
  subjectAltNames?: readonly string[];
  /** Positive serial; random 16 bytes when absent (1.6 Security Whitepaper A00.FR.508: all certificates include one). */
  serialNumber?: Buffer;
}

const oid = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  rsaSha256: '1.2.840.113549.1.1.11',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
} as const;

const keyUsageBit: Record<KeyUsageName, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
};

/** Build, sign and DER-encode one certificate. */
export function buildCertificateDer(spec: CertificateSpec): Buffer {
  const signatureAlgorithm = signatureAlgorithmOf(spec.signingKey);
  const tbs = seq([
    // version [0] EXPLICIT v3 (value 2), needed for extensions (RFC 5280 §4.1.2.1).
    ctx(0, [int(Buffer.from([2]))]),
    int(spec.serialNumber ?? randomSerial()),
    signatureAlgorithm,
    name(spec.issuer),
    seq([time(spec.notBefore), time(spec.notAfter)]),
    name(spec.subject),
    fromDer(spec.subjectPublicKey.export({ type: 'spki', format: 'der' })),
    ctx(3, [seq(extensions(spec))]),
  ]);
  const tbsDer = toDer(tbs);
  // node:crypto picks PKCS#1 v1.5 for RSA keys and DER-encoded ECDSA (RFC 3279 §2.2.3) for EC keys.
  const signature = sign('sha256', tbsDer, spec.signingKey);
  return toDer(seq([tbs, signatureAlgorithm, bitString(signature)]));
}

export function derToPem(der: Buffer, label = 'CERTIFICATE'): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING contents. */
export function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = fromDer(publicKey.export({ type: 'spki', format: 'der' }));
  const bits = (spki.value as Asn1[])[1];
  if (bits === undefined || typeof bits.value !== 'string') throw new Error('malformed SubjectPublicKeyInfo');
  return createHash('sha1').update(Buffer.from(bits.value.slice(1), 'binary')).digest();
}

function extensions(spec: CertificateSpec): Asn1[] {
  const list: Asn1[] = [];
  // basicConstraints is critical on a CA (RFC 5280 §4.2.1.9).
  list.push(extension(oid.basicConstraints, spec.isCa, seq(spec.isCa ? [bool(true)] : [])));
  // 1.6 Security Whitepaper A00.FR.512: restrict each certificate to its operations with Key Usage.
  list.push(extension(oid.keyUsage, true, bitString(keyUsageBits(spec.keyUsage), unusedBits(spec.keyUsage))));
  if (spec.extendedKeyUsage !== undefined && spec.extendedKeyUsage.length > 0) {
    list.push(extension(oid.extKeyUsage, false, seq(spec.extendedKeyUsage.map((u) => oidNode(oid[u])))));
  }
  if (spec.subjectAltNames !== undefined && spec.subjectAltNames.length > 0) {
    list.push(extension(oid.subjectAltName, false, seq(spec.subjectAltNames.map(generalName))));
  }
  list.push(extension(oid.subjectKeyIdentifier, false, octets(keyIdentifier(spec.subjectPublicKey))));
  list.push(
    extension(oid.authorityKeyIdentifier, false, seq([primitiveCtx(0, keyIdentifier(spec.issuerPublicKey))])),
  );
  return list;
}

function generalName(value: string): Asn1 {
  if (isIPv4(value)) return primitiveCtx(7, Buffer.from(value.split('.').map(Number)));
  if (isIPv6(value)) return primitiveCtx(7, ipv6Bytes(value));
  return primitiveCtx(2, Buffer.from(value, 'ascii')); // dNSName, IA5String
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.includes('::') ? address.split('::') : [address, ''];
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function keyUsageBits(usages: readonly KeyUsageName[]): Buffer {
  let value = 0;
  for (const u of usages) value |= 0x80 >> keyUsageBit[u];
  return Buffer.from([value]);
}

/** DER: a named-bit BIT STRING has its trailing zero bits removed (X.690 §11.2.2). */
function unusedBits(usages: readonly KeyUsageName[]): number {
  const highest = Math.max(...usages.map((u) => keyUsageBit[u]));
  return usages.length === 0 ? 0 : 7 - highest;
}

function signatureAlgorithmOf(key: KeyObject): Asn1 {
  if (key.asymmetricKeyType === 'rsa') return seq([oidNode(oid.rsaSha256), asn1.create(0, asn1.Type.NULL, false, '')]);
  if (key.asymmetricKeyType === 'ec') return seq([oidNode(oid.ecdsaSha256)]);
  throw new Error(`unsupported signing key type ${String(key.asymmetricKeyType)}`);
}

function name(dn: DistinguishedName): Asn1 {
  const rdns: Asn1[] = [];
  for (const attr of ['C', 'O', 'OU', 'CN'] as const) {
    const value = dn[attr];
    if (value === undefined) continue;
    // countryName is a PrintableString (RFC 5280 Appendix A); the others UTF8String.
    const type = attr === 'C' ? asn1.Type.PRINTABLESTRING : asn1.Type.UTF8;
    rdns.push(asn1.create(0, asn1.Type.SET, true, [seq([oidNode(oid[attr]), asn1.create(0, type, false, utf8Bytes(value))])]));
  }
  return seq(rdns);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1.create(0, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
    : asn1.create(0, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

function extension(id: string, critical: boolean, value: Asn1): Asn1 {
  const parts = [oidNode(id)];
  if (critical) parts.push(bool(true)); // DEFAULT FALSE is omitted in DER
  parts.push(octets(Buffer.from(toDer(value))));
  return seq(parts);
}

function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive INTEGER (RFC 5280 §4.1.2.2)
  if (serial[0] === 0) serial[0] = 0x01; // and minimal DER (no leading zero octet)
  return serial;
}

const seq = (items: Asn1[]): Asn1 => asn1.create(0, asn1.Type.SEQUENCE, true, items);
const ctx = (tag: number, items: Asn1[]): Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, items);
const primitiveCtx = (tag: number, bytes: Buffer): Asn1 =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, false, bytes.toString('binary'));
const oidNode = (id: string): Asn1 => asn1.create(0, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const bool = (value: boolean): Asn1 => asn1.create(0, asn1.Type.BOOLEAN, false, value ? '\xff' : '\x00');
const octets = (bytes: Buffer): Asn1 => asn1.create(0, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
const bitString = (bytes: Buffer, unused = 0): Asn1 =>
  asn1.create(0, asn1.Type.BITSTRING, false, String.fromCharCode(unused) + bytes.toString('binary'));
const int = (bytes: Buffer): Asn1 => asn1.create(0, asn1.Type.INTEGER, false, bytes.toString('binary'));
const utf8Bytes = (text: string): string => Buffer.from(text, 'utf8').toString('binary');
// decodeBitStrings: false keeps a BIT STRING (the public key) as opaque bytes, so it re-encodes exactly.
const fromDerOpaque = asn1.fromDer as unknown as (bytes: string, options: { decodeBitStrings: boolean }) => Asn1;
const fromDer = (der: Buffer): Asn1 => fromDerOpaque(der.toString('binary'), { decodeBitStrings: false });
const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
