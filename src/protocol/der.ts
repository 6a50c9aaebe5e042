/**
 * A small DER (X.690) reader and writer, enough for the OCSP messages of OCPP 2.0.1 contract
 * certificate validation (Part 2 C07, OCSPRequestDataType; RFC 6960). Pure: bytes in, bytes out,
 * no I/O, so both the CSMS simulator and the harness (the case's OCSP responder) can use it; the
 * layer rules keep node-forge (src/security) out of their reach.
 */

/** One TLV: its tag byte, its content bytes, and the whole encoding (header + content). */
export interface DerNode {
  tag: number;
  content: Buffer;
  /** The whole encoding of this element (what a signature or hash is computed over). */
  raw: Buffer;
  /** Children of a constructed element (bit 6 of the tag set); empty otherwise. */
  children: DerNode[];
}

export const tags = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  enumerated: 0x0a,
  utf8String: 0x0c,
  ia5String: 0x16,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** A context-specific tag: [n] constructed (EXPLICIT or IMPLICIT of a constructed type) or primitive. */
export const contextTag = (n: number, constructed: boolean): number => 0x80 | (constructed ? 0x20 : 0) | n;

export class DerError extends Error {
  readonly code = 'E_DER';
}

/** Parse one DER element that fills `bytes` exactly. */
export function parseDer(bytes: Uint8Array): DerNode {
  const buf = Buffer.from(bytes);
  const { node, end } = readNode(buf, 0);
  if (end !== buf.length) throw new DerError(`${buf.length - end} bytes after the DER element`);
  return node;
}

function readNode(buf: Buffer, at: number): { node: DerNode; end: number } {
  if (at + 2 > buf.length) throw new DerError('truncated DER header');
  const tag = buf[at] as number;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used here');
  let length = buf[at + 1] as number;
  let header = 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    if (n === 0 || n > 4) throw new DerError('indefinite or oversized DER length');
    if (at + 2 + n > buf.length) throw new DerError('truncated DER length');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[at + 2 + i] as number);
    header += n;
  }
  const end = at + header + length;
  if (end > buf.length) throw new DerError('DER content runs past the end');
  const content = buf.subarray(at + header, end);
  const children: DerNode[] = [];
  if (tag & 0x20) {
    let p = 0;
    while (p < content.length) {
      const child = readNode(content, p);
      children.push(child.node);
      p = child.end;
    }
  }
  return { node: { tag, content, raw: buf.subarray(at, end), children }, end };
}

/** Encode one element from its tag and content parts. */
export function der(tag: number, ...parts: Uint8Array[]): Buffer {
  const content = Buffer.concat(parts);
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const lenBytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) lenBytes.unshift(v % 256);
    header = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return Buffer.concat([Buffer.from(header), content]);
}

export const seq = (...parts: Uint8Array[]): Buffer => der(tags.sequence, ...parts);

/** An OID in dotted form ("1.3.6.1.5.5.7.48.1"). */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const [a = 0, b = 0, ...rest] = arcs;
  const out: number[] = [a * 40 + b];
  for (const arc of rest) {
    const chunk: number[] = [arc & 0x7f];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(tags.oid, Buffer.from(out));
}

export function readOid(node: DerNode): string {
  expectTag(node, tags.oid, 'OBJECT IDENTIFIER');
  const bytes = [...node.content];
  const first = bytes.shift() ?? 0;
  const arcs = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(v);
      v = 0;
    }
  }
  return arcs.join('.');
}

/** A non-negative INTEGER from hex digits (a serial number): a leading 00 when the top bit is set. */
export function integerFromHex(hex: string): Buffer {
  let bytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  while (bytes.length > 1 && bytes[0] === 0 && ((bytes[1] as number) & 0x80) === 0) bytes = bytes.subarray(1);
  if (bytes.length === 0) bytes = Buffer.from([0]);
  if (((bytes[0] as number) & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return der(tags.integer, bytes);
}

/** An INTEGER's magnitude as lower-case hex without leading zero bytes. */
export function hexOfInteger(node: DerNode): string {
  expectTag(node, tags.integer, 'INTEGER');
  let bytes = node.content;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return bytes.toString('hex');
}

/** GeneralizedTime in the DER form RFC 5280 §4.1.2.5.2 asks for: YYYYMMDDHHMMSSZ. */
export function generalizedTime(wallMs: number): Buffer {
  const iso = new Date(wallMs).toISOString();
  return der(tags.generalizedTime, Buffer.from(`${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`, 'ascii'));
}

export function expectTag(node: DerNode | undefined, tag: number, what: string): DerNode {
  if (node === undefined) throw new DerError(`${what} is missing`);
  if (node.tag !== tag) throw new DerError(`${what}: tag 0x${node.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return node;
}
