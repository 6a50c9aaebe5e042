/**
 * PKCS#10 certificate signing requests (RFC 2986) as OCPP sends them in SignCertificateRequest
 * (2.0.1 Part 2 A02.FR.02 / 1.6 Security Whitepaper A02: PEM of an RFC 2986 request): build one
 * for a fresh key, and read one back (subject, key size, proof-of-possession signature).
 * node:crypto makes the keys and signatures, so RSA and EC work alike; forge.asn1 the DER (as in
 * x509-builder.ts).
 */
import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type * as Forge from 'node-forge';
import { forge } from './forge.js';
import { derToPem } from './x509-builder.js';

const { asn1 } = forge;
type Asn1 = Forge.asn1.Asn1;

/** Subject attributes of a CSR or certificate, as far as OCPP uses them (the shape of src/protocol/pki.ts PkiSubject; src/security imports no other layer). */
export interface CsrSubject {
  C?: string;
  O?: string;
  OU?: string;
  CN?: string;
  DC?: string;
}

export interface CsrInfo {
  subject: CsrSubject;
  keyType: 'rsa' | 'ec' | 'other';
  keyBits: number;
  signatureValid: boolean;
}

const attributeOid: Record<keyof CsrSubject, string> = {
  C: '2.5.4.6',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  DC: '0.9.2342.19200300.100.1.25',
};
const signatureOid = { rsa: '1.2.840.113549.1.1.11', ec: '1.2.840.10045.4.3.2' } as const;

/** RFC 5280 Name in the order C, DC, O, OU, CN; C is a PrintableString, DC an IA5String (RFC 4519), the rest UTF8String. */
export function encodeName(subject: CsrSubject): Asn1 {
  const rdns: Asn1[] = [];
  for (const attr of ['C', 'DC', 'O', 'OU', 'CN'] as const) {
    const value = subject[attr];
    if (value === undefined) continue;
    const type = attr === 'C' ? asn1.Type.PRINTABLESTRING : attr === 'DC' ? asn1.Type.IA5STRING : asn1.Type.UTF8;
    const atv = seq([oidNode(attributeOid[attr]), asn1.create(0, type, false, Buffer.from(value, 'utf8').toString('binary'))]);
    rdns.push(asn1.create(0, asn1.Type.SET, true, [atv]));
  }
  return seq(rdns);
}

export function decodeName(name: Asn1): CsrSubject {
  const out: CsrSubject = {};
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      if (type?.type !== asn1.Type.OID || typeof value?.value !== 'string') continue;
      const id = asn1.derToOid(type.value as string);
      const key = (Object.keys(attributeOid) as Array<keyof CsrSubject>).find((k) => attributeOid[k] === id);
      if (key !== undefined) out[key] = Buffer.from(value.value, 'binary').toString('utf8');
    }
  }
  return out;
}

export function generateCsrKey(type: 'ec' | 'rsa'): { privateKey: KeyObject; publicKey: KeyObject } {
  return type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** A CSR for `subject` signed with `privateKey` (sha256WithRSAEncryption or ecdsa-with-SHA256). */
export function buildCsrPem(subject: CsrSubject, keys: { privateKey: KeyObject; publicKey: KeyObject }): string {
  const info = seq([
    asn1.create(0, asn1.Type.INTEGER, false, '\x00'), // version v1 (0)
    encodeName(subject),
    fromDer(keys.publicKey.export({ type: 'spki', format: 'der' })),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, []), // attributes [0]: none
  ]);
  const infoDer = toDer(info);
  const rsa = keys.privateKey.asymmetricKeyType === 'rsa';
  const algorithm = rsa ? seq([oidNode(signatureOid.rsa), asn1.create(0, asn1.Type.NULL, false, '')]) : seq([oidNode(signatureOid.ec)]);
  const signature = sign('sha256', infoDer, keys.privateKey);
  const request = seq([info, algorithm, asn1.create(0, asn1.Type.BITSTRING, false, `\x00${signature.toString('binary')}`)]);
  return derToPem(toDer(request), 'CERTIFICATE REQUEST');
}

/** The parts of a CSR the signer needs: subject, public key, and whether the request signs itself correctly. */
export interface ReadCsr extends CsrInfo {
  publicKey: KeyObject;
}

export function readCsr(csrPem: string): { ok: true; csr: ReadCsr } | { ok: false; reason: string } {
  const body = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (NEW )?CERTIFICATE REQUEST-----/.exec(csrPem);
  if (body === null) return { ok: false, reason: 'not a PEM "CERTIFICATE REQUEST" block' };
  try {
    const request = fromDer(Buffer.from((body[2] ?? '').replace(/\s+/g, ''), 'base64'));
    const [info, algorithm, signature] = children(request);
    if (request.type !== asn1.Type.SEQUENCE || info?.type !== asn1.Type.SEQUENCE || algorithm?.type !== asn1.Type.SEQUENCE || signature?.type !== asn1.Type.BITSTRING || typeof signature.value !== 'string') {
      return { ok: false, reason: 'not an RFC 2986 CertificationRequest (SEQUENCE of info, algorithm, signature)' };
    }
    const [, name, spki] = children(info);
    if (name?.type !== asn1.Type.SEQUENCE || spki?.type !== asn1.Type.SEQUENCE) return { ok: false, reason: 'CertificationRequestInfo has no subject / subjectPKInfo' };
    const publicKey = createPublicKey({ key: toDer(spki), format: 'der', type: 'spki' });
    const details = publicKey.asymmetricKeyDetails ?? {};
    const keyType = publicKey.asymmetricKeyType === 'rsa' ? 'rsa' : publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'other';
    const keyBits = keyType === 'rsa' ? (details.modulusLength ?? 0) : keyType === 'ec' ? curveBits(details.namedCurve) : 0;
    const signatureValid = verify('sha256', toDer(info), publicKey, Buffer.from(signature.value, 'binary').subarray(1));
    return { ok: true, csr: { subject: decodeName(name), keyType, keyBits, signatureValid, publicKey } };
  } catch (err) {
    return { ok: false, reason: `unreadable CSR: ${(err as Error).message}` };
  }
}

export function parseCsr(csrPem: string): { ok: true; csr: CsrInfo } | { ok: false; reason: string } {
  const read = readCsr(csrPem);
  if (!read.ok) return read;
  const { publicKey: _key, ...csr } = read.csr;
  return { ok: true, csr };
}

function curveBits(curve: string | undefined): number {
  const bits: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, secp256k1: 256, brainpoolP256r1: 256, brainpoolP384r1: 384 };
  return curve === undefined ? 0 : (bits[curve] ?? 0);
}

const seq = (items: Asn1[]): Asn1 => asn1.create(0, asn1.Type.SEQUENCE, true, items);
const oidNode = (id: string): Asn1 => asn1.create(0, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const children = (node: Asn1 | undefined): Asn1[] => (node !== undefined && Array.isArray(node.value) ? node.value : []);
// decodeBitStrings: false keeps a BIT STRING (key, signature) as opaque bytes, so it re-encodes exactly.
const fromDerOpaque = asn1.fromDer as unknown as (bytes: string, options: { decodeBitStrings: boolean; parseAllBytes: boolean }) => Asn1;
const fromDer = (der: Buffer): Asn1 => fromDerOpaque(der.toString('binary'), { decodeBitStrings: false, parseAllBytes: true });
const toDer = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
