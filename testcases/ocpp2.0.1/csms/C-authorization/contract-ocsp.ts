/**
 * What TC_C_50/51/52_CSMS share (Part 2 C07, the CSMS validates an ISO 15118 contract): the
 * simulated station sends an AuthorizeRequest for the configured eMAID with either the hash data
 * of its contract chain (local validation, each entry's responderURL naming the harness's OCSP
 * responder) or the contract certificate itself (central validation); meanwhile the harness's
 * responder (ocsp-responder.ts) waits for the CSMS's OCSP request, checks it names the
 * certificate(s), and answers with the case's status.
 */
import type { IdTokenValue, JsonObject, OcspCertId, OcspCertStatus, TestContext } from '../../../../src/engine/authoring.js';
import { sameCertId } from '../../../../src/engine/authoring.js';
import { extraString, obj } from '../_shared/station.js';
import { startOcspResponder, type OcspRequestSeen } from './ocsp-responder.js';
import { answerFrames, type Judged } from './support.js';

/** The configured eMAID (Part 6 errata 2025-01 §6.3.5: <Configured eMAID>), `extra.emaid`; the default is the one the reference CSMS knows. */
export function contractToken(ctx: TestContext): IdTokenValue {
  return { idToken: extraString(ctx, 'emaid', 'NLOCPC000000001'), type: 'eMAID' };
}

/**
 * "hashes from configured (V2G) certificate chain": `extra.contractHashData` (OCSPRequestDataType
 * entries without responderURL), by default those of the reference EV's contract certificate
 * (an eMAID leaf under the ocpp-conform test MO root, the one the station simulator presents).
 */
export function contractHashData(ctx: TestContext): OcspCertId[] {
  const configured = ctx.config.extra['contractHashData'];
  if (Array.isArray(configured) && configured.length > 0) {
    return configured.map((e) => {
      const o = obj(e) ?? {};
      const s = (k: string): string => (typeof o[k] === 'string' ? o[k] : '');
      return { hashAlgorithm: s('hashAlgorithm'), issuerNameHash: s('issuerNameHash'), issuerKeyHash: s('issuerKeyHash'), serialNumber: s('serialNumber') };
    });
  }
  return [{ hashAlgorithm: 'SHA256', issuerNameHash: '8d9882a63d92f46450dea8e2c3e874ae06cfebc1a68a35b8cf5543c7632012b1', issuerKeyHash: 'bf7268a5035eedf68a6d39195619ada80a5a4003e98e0f319ec1e8512555a67a', serialNumber: '2495ca7e74c150affb415f3989771b5d' }];
}

export interface ContractAuthorization extends Judged {
  /** The OCSP requests the responder saw before the AuthorizeResponse. */
  requests: readonly OcspRequestSeen[];
}

export type Contract = { kind: 'hashData'; ids: readonly OcspCertId[] } | { kind: 'certificate'; pem: string; expected: OcspCertId };

export interface ContractAuthorizeOptions {
  /** The responder's answer for every CertID. */
  status: OcspCertStatus;
  /**
   * Given the responder's URL: local validation, the iso15118CertificateHashData CertIDs; central,
   * the certificate (PEM) whose CertID the CSMS computes itself, `expected` that CertID.
   */
  contract(responderUrl: string): Promise<Contract> | Contract;
  /** The Part 6 steps the OCSP checks trace to (none for a case the document does not validate). */
  requestStep?: number;
  validStep?: number;
}

/** Steps 1-4: Authorize with contract data; the CSMS asks the responder; returns its AuthorizeResponse. */
export async function authorizeContract(ctx: TestContext, o: ContractAuthorizeOptions): Promise<ContractAuthorization> {
  const responder = await startOcspResponder(ctx, o.status);
  try {
    const contract = await o.contract(responder.url);
    const token = contractToken(ctx);
    const payload: JsonObject =
      contract.kind === 'hashData'
        ? { idToken: { idToken: token.idToken, type: token.type }, iso15118CertificateHashData: contract.ids.map((id) => ({ ...id, responderURL: responder.url })) }
        : { idToken: { idToken: token.idToken, type: token.type }, certificate: contract.pem };
    const from = ctx.journal().length;
    const answering = ctx.callExpect('Authorize', payload);
    const answered = answering.then(
      () => undefined,
      () => undefined,
    );
    const expected = contract.kind === 'hashData' ? contract.ids : [contract.expected];
    await ctx.step('Steps 1-3: AuthorizeRequest with the contract; the CSMS asks the harness\'s OCSP responder', async () => {
      const first = await Promise.race([responder.firstRequest(), answered]);
      ctx.check('the CSMS sends an OCSP request to the responder URL before it answers', first !== undefined, {
        expected: `an OCSP request at ${responder.url}`,
        actual: first === undefined ? 'the Authorize was answered (or failed) without one' : `${first.method} request`,
        ...(o.requestStep === undefined ? {} : { step: o.requestStep }),
      });
      if (first === undefined) return;
      const named = responder.requests.flatMap((r) => r.ids ?? []);
      const missing = expected.filter((id) => !named.some((n) => sameCertId(n, id)));
      ctx.check('the OCSP request is a well-formed RFC 6960 OCSPRequest for the contract certificate(s)', first.error === undefined && missing.length === 0, {
        expected: expected.map((id) => `CertID ${id.hashAlgorithm} serial ${id.serialNumber}`).join('; '),
        actual: first.error ?? (missing.length === 0 ? 'all named' : `not named: serial ${missing.map((m) => m.serialNumber).join(', ')}; named: ${named.map((n) => `${n.hashAlgorithm} serial ${n.serialNumber}`).join(', ') || 'none'}`),
        ...(o.validStep === undefined ? {} : { step: o.validStep }),
      });
    });
    const answer = await answering;
    return { answer, frames: answerFrames(ctx, from, 'Authorize'), requests: [...responder.requests] };
  } finally {
    await responder.close();
  }
}
