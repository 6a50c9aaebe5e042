/**
 * The OCSP service of the harness for the ISO 15118 `_CSMS` cases (Part 6 TC_C_50/51/52_CSMS: "an
 * OCSP service for OCTT"): an HTTP responder on 127.0.0.1, port 0 by default, that records each
 * request the CSMS sends (RFC 6960 Appendix A.1: POST application/ocsp-request, or GET with the
 * base64 request in the path) and answers every CertID with the case's status. It signs with the
 * configured responder key (`extra.ocspResponder: { privateKey, certificate }`, PEM, the
 * certificate sent along) so a CSMS that trusts the lab's responder accepts the answer; without
 * one it signs with a fresh P-256 key (the reference CSMS does not check the signature).
 * `extra.ocspResponderHost` / `extra.ocspResponderPort` place it where a lab's CSMS can reach it.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OcspCertId, OcspCertStatus, TestContext } from '../../../../src/engine/authoring.js';
import { decodeOcspRequest, encodeOcspError, encodeOcspResponse, publicKeyBits } from '../../../../src/engine/authoring.js';
import { extraNumber, extraString, obj } from '../_shared/station.js';

export interface OcspRequestSeen {
  monoMs: number;
  method: string;
  /** The CertIDs of a well-formed request. */
  ids?: OcspCertId[];
  /** Why the request could not be read as an OCSPRequest. */
  error?: string;
}

export interface OcspResponder {
  url: string;
  readonly requests: readonly OcspRequestSeen[];
  /** Resolves at the first request (or at once when one came already). */
  firstRequest(): Promise<OcspRequestSeen>;
  close(): Promise<void>;
}

interface Signer {
  key: KeyObject;
  keyHash: string;
  algorithm: string;
  certificates: Buffer[];
}

function signer(ctx: TestContext): Signer {
  const configured = obj(ctx.config.extra['ocspResponder']);
  const pem = typeof configured?.['privateKey'] === 'string' ? configured['privateKey'] : undefined;
  const key = pem === undefined ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey : createPrivateKey(pem);
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const cert = typeof configured?.['certificate'] === 'string' ? [new X509Certificate(configured['certificate']).raw] : [];
  // ecdsa-with-SHA256 (RFC 5758) or sha256WithRSAEncryption (RFC 4055).
  const algorithm = key.asymmetricKeyType === 'rsa' ? '1.2.840.113549.1.1.11' : '1.2.840.10045.4.3.2';
  return { key, keyHash: createHash('sha1').update(publicKeyBits(spki)).digest('hex'), algorithm, certificates: cert };
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Start the responder; every CertID of a request is answered `status`. Close it in `finally`. */
export async function startOcspResponder(ctx: TestContext, status: OcspCertStatus): Promise<OcspResponder> {
  const requests: OcspRequestSeen[] = [];
  const waiters: Array<(r: OcspRequestSeen) => void> = [];
  const identity = signer(ctx);
  const server = createServer((req, res) => {
    void (async () => {
      const seen: OcspRequestSeen = { monoMs: ctx.clock.monoMs(), method: req.method ?? '?' };
      let answer: Buffer;
      try {
        const der = req.method === 'GET' ? Buffer.from(decodeURIComponent((req.url ?? '/').replace(/^.*\//, '')), 'base64') : await bodyOf(req);
        seen.ids = decodeOcspRequest(der);
        answer = encodeOcspResponse({
          answers: seen.ids.map((certId) => ({ certId, status })),
          producedAtMs: ctx.clock.wallMs(),
          responderKeyHash: identity.keyHash,
          sign: (tbs) => ({ algorithm: identity.algorithm, signature: sign('sha256', tbs, identity.key) }),
          certificates: identity.certificates,
        });
      } catch (e) {
        seen.error = e instanceof Error ? e.message : String(e);
        answer = encodeOcspError('malformedRequest');
      }
      requests.push(seen);
      for (const w of waiters.splice(0)) w(seen);
      res.writeHead(200, { 'content-type': 'application/ocsp-response', 'content-length': answer.length });
      res.end(answer);
    })();
  });
  const host = extraString(ctx, 'ocspResponderHost', '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(extraNumber(ctx, 'ocspResponderPort', 0), host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    requests,
    firstRequest: () => (requests[0] ? Promise.resolve(requests[0]) : new Promise((resolve) => waiters.push(resolve))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
