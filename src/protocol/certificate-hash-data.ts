/**
 * OCPP 2.0.1 CertificateHashDataType of a certificate (Part 2 §2.6: the fields of an RFC 6960
 * CertID): issuerNameHash = hash of the DER of the certificate's issuer Name, issuerKeyHash = hash
 * of the issuer's public key (the BIT STRING value of its subjectPublicKey, unused-bits octet
 * left out, as OpenSSL's OCSP_cert_to_id does), serialNumber in hex without leading zeroes. For a
 * root the issuer is the certificate itself. Pure: a few DER walks over the certificate bytes.
 */
import { createHash, X509Certificate } from 'node:crypto';

export interface CertificateHashData {
  hashAlgorithm: 'SHA256';
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

interface Tlv {
  tag: number;
  /** Offsets in the buffer: the whole element, and its content. */
  start: number;
  contentStart: number;
  end: number;
}

function tlvAt(der: Buffer, offset: number): Tlv {
  const tag = der[offset];
  let length = der[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('truncated DER');
  let contentStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (der[offset + 2 + i] ?? 0);
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > der.length) throw new Error('truncated DER');
  return { tag, start: offset, contentStart, end };
}

/** The elements of a constructed element's content, in order. */
function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const t = tlvAt(der, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

/** tbsCertificate fields: serial, issuer Name, subjectPublicKeyInfo. */
function tbsFields(der: Buffer): { serial: Tlv; issuer: Tlv; spki: Tlv } {
  const cert = tlvAt(der, 0);
  const tbs = children(der, cert)[0];
  if (tbs === undefined) throw new Error('not an X.509 certificate');
  const fields = children(der, tbs);
  // [0] version is optional (v1 certificates leave it out).
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, , , spki] = rest;
  if (serial === undefined || issuer === undefined || spki === undefined) throw new Error('not an X.509 certificate');
  return { serial, issuer, spki };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The hash data of `certPem`, issued by `issuerPem` (default: itself, a root). */
export function certificateHashData(certPem: string, issuerPem: string = certPem): CertificateHashData {
  const der = new X509Certificate(certPem).raw;
  const issuerDer = new X509Certificate(issuerPem).raw;
  const { serial, issuer } = tbsFields(der);
  const { spki } = tbsFields(issuerDer);
  const key = children(issuerDer, spki)[1];
  if (key === undefined || key.tag !== 0x03) throw new Error('no subjectPublicKey in the issuer certificate');
  const serialHex = der.subarray(serial.contentStart, serial.end).toString('hex').replace(/^0+(?=.)/, '');
  return {
    hashAlgorithm: 'SHA256',
    issuerNameHash: sha256(der.subarray(issuer.start, issuer.end)),
    issuerKeyHash: sha256(issuerDer.subarray(key.contentStart + 1, key.end)),
    serialNumber: serialHex,
  };
}

/** Two hash data name the same certificate (hex compared without case and leading zeroes). */
export function sameCertificate(given: object, b: CertificateHashData): boolean {
  const a = given as Record<string, unknown>;
  const norm = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase().replace(/^0+(?=.)/, '') : '');
  return norm(a['issuerNameHash']) === norm(b.issuerNameHash) && norm(a['issuerKeyHash']) === norm(b.issuerKeyHash) && norm(a['serialNumber']) === norm(b.serialNumber);
}
