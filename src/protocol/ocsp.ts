/**
 * RFC 6960 OCSP messages as OCPP 2.0.1 uses them (Part 2 C07: the CSMS checks a contract
 * certificate's revocation at the responderURL of its OCSPRequestDataType). An OCSPRequest
 * carries one CertID per certificate (hash algorithm, issuer name hash, issuer key hash, serial);
 * the responder answers an OCSPResponse whose BasicOCSPResponse has a SingleResponse per CertID
 * (good, revoked or unknown). Built on the DER reader/writer of ./der.ts; no I/O, no crypto: the
 * caller signs and hashes (node:crypto) where it needs to.
 */
import { contextTag, der, DerError, expectTag, generalizedTime, hexOfInteger, integerFromHex, oid, parseDer, readOid, seq, tags, type DerNode } from './der.js';

/** OCPP 2.0.1 HashAlgorithmEnumType and the RFC 5754 / FIPS 180 digest OIDs. */
export const hashOids: Readonly<Record<string, string>> = {
  SHA256: '2.16.840.1.101.3.4.2.1',
  SHA384: '2.16.840.1.101.3.4.2.2',
  SHA512: '2.16.840.1.101.3.4.2.3',
};
/** RFC 6960 §4.2.1 id-pkix-ocsp-basic. */
export const ocspBasicOid = '1.3.6.1.5.5.7.48.1.1';
/** RFC 5280 §4.2.2.1: id-pe-authorityInfoAccess and the id-ad-ocsp access method. */
const aiaOid = '1.3.6.1.5.5.7.1.1';
const adOcspOid = '1.3.6.1.5.5.7.48.1';

/** One RFC 6960 CertID, spelled like OCPP's OCSPRequestDataType (hex strings). */
export interface OcspCertId {
  hashAlgorithm: string;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
}

export type OcspCertStatus = 'good' | 'revoked' | 'unknown';

/** RFC 6960 §4.2.1 OCSPResponseStatus. */
export const responseStatuses = ['successful', 'malformedRequest', 'internalError', 'tryLater', '', 'sigRequired', 'unauthorized'] as const;

/** Two CertIDs name the same certificate: same algorithm, hashes and serial (hex case and leading zeros aside). */
export function sameCertId(a: OcspCertId, b: OcspCertId): boolean {
  const hex = (s: string): string => s.toLowerCase().replace(/^(00)+(?=.)/, '');
  return a.hashAlgorithm === b.hashAlgorithm && hex(a.issuerNameHash) === hex(b.issuerNameHash) && hex(a.issuerKeyHash) === hex(b.issuerKeyHash) && hex(a.serialNumber) === hex(b.serialNumber);
}

function encodeCertId(id: OcspCertId): Buffer {
  const algorithm = hashOids[id.hashAlgorithm];
  if (algorithm === undefined) throw new DerError(`hash algorithm ${id.hashAlgorithm} has no OID here`);
  return seq(
    seq(oid(algorithm), der(tags.null)),
    der(tags.octetString, Buffer.from(id.issuerNameHash, 'hex')),
    der(tags.octetString, Buffer.from(id.issuerKeyHash, 'hex')),
    integerFromHex(id.serialNumber),
  );
}

function decodeCertId(node: DerNode | undefined): OcspCertId {
  const [alg, nameHash, keyHash, serial] = expectTag(node, tags.sequence, 'CertID').children;
  const algorithmOid = readOid(expectTag(alg, tags.sequence, 'CertID.hashAlgorithm').children[0] ?? missing('hashAlgorithm OID'));
  const hashAlgorithm = Object.entries(hashOids).find(([, o]) => o === algorithmOid)?.[0] ?? (algorithmOid === '1.3.14.3.2.26' ? 'SHA1' : algorithmOid);
  return {
    hashAlgorithm,
    issuerNameHash: expectTag(nameHash, tags.octetString, 'CertID.issuerNameHash').content.toString('hex'),
    issuerKeyHash: expectTag(keyHash, tags.octetString, 'CertID.issuerKeyHash').content.toString('hex'),
    serialNumber: hexOfInteger(expectTag(serial, tags.integer, 'CertID.serialNumber')),
  };
}

const missing = (what: string): never => {
  throw new DerError(`${what} is missing`);
};

/** RFC 6960 §4.1.1: OCSPRequest { tbsRequest { requestList: Request { reqCert } … } }, unsigned, no extensions. */
export function encodeOcspRequest(ids: readonly OcspCertId[]): Buffer {
  return seq(seq(seq(...ids.map((id) => seq(encodeCertId(id))))));
}

/** The CertIDs of an OCSPRequest (throws DerError when it is not one). */
export function decodeOcspRequest(bytes: Uint8Array): OcspCertId[] {
  const request = expectTag(parseDer(bytes), tags.sequence, 'OCSPRequest');
  const tbs = expectTag(request.children[0], tags.sequence, 'TBSRequest');
  // version [0] and requestorName [1] are optional and come before the requestList.
  const list = tbs.children.find((c) => c.tag === tags.sequence) ?? missing('TBSRequest.requestList');
  if (list.children.length === 0) throw new DerError('the requestList is empty');
  return list.children.map((r) => decodeCertId(expectTag(r, tags.sequence, 'Request').children[0]));
}

export interface OcspSingleAnswer {
  certId: OcspCertId;
  status: OcspCertStatus;
  /** When status is revoked (default: thisUpdate). */
  revokedAtMs?: number;
}

export interface OcspResponseInput {
  answers: readonly OcspSingleAnswer[];
  producedAtMs: number;
  /** RFC 6960 §4.2.2.3 ResponderID byKey: SHA-1 of the responder's public key (hex). */
  responderKeyHash: string;
  /** Signs the DER of tbsResponseData; `algorithm` is the signature algorithm OID (e.g. ecdsa-with-SHA256). */
  sign(tbs: Buffer): { algorithm: string; signature: Buffer };
  /** DER certificates to include (the responder's own, RFC 6960 §4.2.1 certs). */
  certificates?: readonly Buffer[];
}

/** RFC 6960 §4.2.1: a successful OCSPResponse with a BasicOCSPResponse. */
export function encodeOcspResponse(input: OcspResponseInput): Buffer {
  const single = (a: OcspSingleAnswer): Buffer => {
    const status = a.status === 'good' ? der(contextTag(0, false)) : a.status === 'unknown' ? der(contextTag(2, false)) : der(contextTag(1, true), generalizedTime(a.revokedAtMs ?? input.producedAtMs));
    return seq(encodeCertId(a.certId), status, generalizedTime(input.producedAtMs));
  };
  const tbs = seq(der(contextTag(2, true), der(tags.octetString, Buffer.from(input.responderKeyHash, 'hex'))), generalizedTime(input.producedAtMs), seq(...input.answers.map(single)));
  const { algorithm, signature } = input.sign(tbs);
  const certs = input.certificates?.length ? [der(contextTag(0, true), seq(...input.certificates))] : [];
  const basic = seq(tbs, seq(oid(algorithm)), der(tags.bitString, Buffer.from([0]), signature), ...certs);
  return seq(der(tags.enumerated, Buffer.from([0])), der(contextTag(0, true), seq(oid(ocspBasicOid), der(tags.octetString, basic))));
}

/** An OCSPResponse with only a status (no responseBytes), e.g. malformedRequest or unauthorized. */
export function encodeOcspError(status: Exclude<(typeof responseStatuses)[number], '' | 'successful'>): Buffer {
  return seq(der(tags.enumerated, Buffer.from([responseStatuses.indexOf(status)])));
}

export interface DecodedOcspResponse {
  responseStatus: string;
  answers: OcspSingleAnswer[];
  /** DER of tbsResponseData, the signature algorithm OID and the signature, for a caller that verifies. */
  tbs?: Buffer;
  signatureAlgorithm?: string;
  signature?: Buffer;
}

export function decodeOcspResponse(bytes: Uint8Array): DecodedOcspResponse {
  const [statusNode, bytesNode] = expectTag(parseDer(bytes), tags.sequence, 'OCSPResponse').children;
  const code = expectTag(statusNode, tags.enumerated, 'responseStatus').content[0] ?? 255;
  const responseStatus = responseStatuses[code] || `status ${code}`;
  if (responseStatus !== 'successful') return { responseStatus, answers: [] };
  const [typeNode, octets] = expectTag(expectTag(bytesNode, contextTag(0, true), 'responseBytes').children[0], tags.sequence, 'ResponseBytes').children;
  if (readOid(typeNode ?? missing('responseType')) !== ocspBasicOid) throw new DerError('responseType is not id-pkix-ocsp-basic');
  const [tbs, sigAlg, sig] = expectTag(parseDer(expectTag(octets, tags.octetString, 'response').content), tags.sequence, 'BasicOCSPResponse').children;
  const data = expectTag(tbs, tags.sequence, 'ResponseData');
  const responses = data.children.filter((c) => c.tag === tags.sequence).at(-1) ?? missing('ResponseData.responses');
  const answers = responses.children.map((r): OcspSingleAnswer => {
    const [id, status] = expectTag(r, tags.sequence, 'SingleResponse').children;
    const kind = status?.tag === contextTag(0, false) ? 'good' : status?.tag === contextTag(1, true) ? 'revoked' : status?.tag === contextTag(2, false) ? 'unknown' : missing('certStatus');
    return { certId: decodeCertId(id), status: kind };
  });
  return {
    responseStatus,
    answers,
    tbs: data.raw,
    signatureAlgorithm: readOid(expectTag(sigAlg, tags.sequence, 'signatureAlgorithm').children[0] ?? missing('signatureAlgorithm OID')),
    signature: expectTag(sig, tags.bitString, 'signature').content.subarray(1),
  };
}

/** What an OCSP CertID needs from an X.509 certificate (RFC 5280 §4.1): its DER parts, not their hashes. */
export interface CertificateParts {
  /** DER of tbsCertificate.issuer (its hash is the issuerNameHash of this certificate's CertID). */
  issuerName: Buffer;
  /** DER of tbsCertificate.subject. */
  subjectName: Buffer;
  /** The subjectPublicKey BIT STRING value without its unused-bits byte (its hash is the issuerKeyHash of the certificates it issued). */
  subjectPublicKey: Buffer;
  serialNumber: string;
  /** The id-ad-ocsp URLs of its authorityInfoAccess extension. */
  ocspUrls: string[];
}

export function certificateParts(certificateDer: Uint8Array): CertificateParts {
  const tbs = expectTag(expectTag(parseDer(certificateDer), tags.sequence, 'Certificate').children[0], tags.sequence, 'tbsCertificate');
  // version [0] EXPLICIT is optional; after it: serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, [1] [2] [3] extensions.
  const fields = tbs.children[0]?.tag === contextTag(0, true) ? tbs.children.slice(1) : tbs.children;
  const [serial, , issuer, , subject, spki] = fields;
  const key = expectTag(expectTag(spki, tags.sequence, 'subjectPublicKeyInfo').children[1], tags.bitString, 'subjectPublicKey');
  const extensions = fields.find((f) => f.tag === contextTag(3, true))?.children[0]?.children ?? [];
  const ocspUrls: string[] = [];
  for (const ext of extensions) {
    if (ext.children[0]?.tag !== tags.oid || readOid(ext.children[0]) !== aiaOid) continue;
    const value = ext.children.at(-1);
    if (value?.tag !== tags.octetString) continue;
    for (const access of parseDer(value.content).children) {
      const [method, location] = access.children;
      if (method?.tag === tags.oid && readOid(method) === adOcspOid && location?.tag === contextTag(6, false)) ocspUrls.push(location.content.toString('ascii'));
    }
  }
  return {
    issuerName: expectTag(issuer, tags.sequence, 'issuer').raw,
    subjectName: expectTag(subject, tags.sequence, 'subject').raw,
    subjectPublicKey: key.content.subarray(1),
    serialNumber: hexOfInteger(expectTag(serial, tags.integer, 'serialNumber')),
    ocspUrls,
  };
}

/** The public key bits of a DER SubjectPublicKeyInfo (RFC 6960 §4.2.1 KeyHash is the SHA-1 of them). */
export function publicKeyBits(spkiDer: Uint8Array): Buffer {
  return expectTag(expectTag(parseDer(spkiDer), tags.sequence, 'SubjectPublicKeyInfo').children[1], tags.bitString, 'subjectPublicKey').content.subarray(1);
}
