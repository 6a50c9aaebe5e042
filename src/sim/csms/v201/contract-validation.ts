/**
 * Block C, ISO 15118 contract certificate validation by the CSMS (Part 2 C07): an AuthorizeRequest
 * with iso15118CertificateHashData (the station validated the chain itself) or with the contract
 * `certificate` (central validation, the CSMS works out the CertID itself) makes this CSMS ask the
 * certificate's OCSP responder (RFC 6960, HTTP POST application/ocsp-request) before it answers:
 * good → certificateStatus Accepted, revoked → CertificateRevoked, no usable answer →
 * NoCertificateAvailable. No OCSP response is cached (Part 6 TC_C_50_CSMS prerequisite).
 * The responder's signature is not checked: the simulator trusts whichever responder the URL names.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import type { JsonObject } from '../../../protocol/frames.js';
import { certificateParts, decodeOcspResponse, encodeOcspRequest, sameCertId, type OcspCertId } from '../../../protocol/ocsp.js';
import { trustedContractRoots } from './contract-roots.js';
import { obj, str } from '../block.js';

export const contractValidationDefects = [
  { name: 'skips-ocsp-check', description: 'answers an ISO 15118 Authorize with certificateStatus Accepted without asking the OCSP responder of the contract certificate' },
  { name: 'ignores-ocsp-revoked', description: 'asks the OCSP responder but answers certificateStatus Accepted although the contract certificate is revoked' },
] as const;

/** How long the simulator waits for an OCSP responder (below the station's Authorize timeout). */
export const ocspTimeoutMs = 5_000;

interface Lookup {
  url: string;
  ids: OcspCertId[];
}

/**
 * The certificateStatus for an Authorize with contract data, or undefined when it carries none
 * (an ordinary idToken). `has` answers whether a defect is on.
 */
export async function contractCertificateStatus(payload: JsonObject, has: (defect: string) => boolean): Promise<string | undefined> {
  const lookups = lookupsOf(payload);
  if (lookups === undefined) return undefined;
  if (has('skips-ocsp-check')) return 'Accepted';
  if (lookups.length === 0) return 'NoCertificateAvailable';
  let revoked = false;
  for (const lookup of lookups) {
    const answers = await ask(lookup).catch(() => undefined);
    if (answers === undefined) return 'NoCertificateAvailable';
    for (const id of lookup.ids) {
      const answer = answers.find((a) => sameCertId(a.certId, id));
      if (answer === undefined || answer.status === 'unknown') return 'NoCertificateAvailable';
      if (answer.status === 'revoked') revoked = true;
    }
  }
  return revoked && !has('ignores-ocsp-revoked') ? 'CertificateRevoked' : 'Accepted';
}

/** The OCSP lookups an Authorize asks for, one per responder URL; undefined without contract data. */
function lookupsOf(payload: JsonObject): Lookup[] | undefined {
  const hashData = payload['iso15118CertificateHashData'];
  if (Array.isArray(hashData) && hashData.length > 0) {
    const byUrl = new Map<string, OcspCertId[]>();
    for (const entry of hashData) {
      const e = obj(entry);
      const url = str(e?.['responderURL']);
      const id = { hashAlgorithm: str(e?.['hashAlgorithm']) ?? '', issuerNameHash: str(e?.['issuerNameHash']) ?? '', issuerKeyHash: str(e?.['issuerKeyHash']) ?? '', serialNumber: str(e?.['serialNumber']) ?? '' };
      if (url === undefined) continue;
      byUrl.set(url, [...(byUrl.get(url) ?? []), id]);
    }
    return [...byUrl].map(([url, ids]) => ({ url, ids }));
  }
  const pem = str(payload['certificate']);
  if (pem === undefined) return undefined;
  return centralLookup(pem);
}

/** C07.FR.05 (central validation): the CertID of the leaf, computed from it and its issuer, at the leaf's AIA OCSP URL. */
function centralLookup(pem: string): Lookup[] {
  try {
    const chain = (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((p) => new X509Certificate(p));
    const leaf = chain[0];
    if (leaf === undefined) return [];
    // The issuer is a root this CSMS trusts; a sub-CA sent along in the chain must itself come from one.
    const roots = trustedContractRoots.map((p) => new X509Certificate(p));
    const trusted = (c: X509Certificate): boolean => roots.some((r) => r.raw.equals(c.raw) || (c.checkIssued(r) && c.verify(r.publicKey)));
    const issuer = [...chain.slice(1), ...roots].find((c) => leaf.checkIssued(c) && leaf.verify(c.publicKey) && trusted(c));
    if (issuer === undefined) return [];
    const leafParts = certificateParts(leaf.raw);
    const url = leafParts.ocspUrls[0];
    if (url === undefined) return [];
    const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    const id = { hashAlgorithm: 'SHA256', issuerNameHash: sha256(leafParts.issuerName), issuerKeyHash: sha256(certificateParts(issuer.raw).subjectPublicKey), serialNumber: leafParts.serialNumber };
    return [{ url, ids: [id] }];
  } catch {
    return [];
  }
}

/** RFC 6960 Appendix A.1: POST the DER request; the decoded single responses of a successful answer. */
async function ask(lookup: Lookup): Promise<ReturnType<typeof decodeOcspResponse>['answers']> {
  const body = encodeOcspRequest(lookup.ids);
  const der = await new Promise<Buffer>((resolve, reject) => {
    const req = request(lookup.url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request', 'content-length': body.length }, timeout: ocspTimeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`HTTP ${res.statusCode ?? '?'}`))));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('OCSP responder timed out')));
    req.on('error', reject);
    req.end(body);
  });
  const decoded = decodeOcspResponse(der);
  if (decoded.responseStatus !== 'successful') throw new Error(`OCSP responseStatus ${decoded.responseStatus}`);
  return decoded.answers;
}
