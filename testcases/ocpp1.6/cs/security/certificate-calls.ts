/**
 * OCPP 1.6 Security Whitepaper `_CS` cases: the certificate-management calls (M03
 * GetInstalledCertificateIds, M04 DeleteCertificate, M05 InstallCertificate) with the answer the
 * document validates, each check naming its step and the frames of the exchange.
 */
import type { CallOutcome, JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { hashDataList, hashDataOf, namesCertificate, type RootType } from './certificates.js';

/** The frames of one CALL the harness sent and its answer. */
export function framesOfCall(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** What came back, in words: `status Accepted`, `CALLERROR NotImplemented`, `timeout`. */
export function answerOf(res: CallOutcome): string {
  if (res.status === 'result') return `status ${String(res.payload['status'])}`;
  return res.status === 'error' ? `CALLERROR ${res.errorCode}` : res.status;
}

/** Send `action` and check that its .conf has `status` `wanted`; returns the payload (undefined without a CALLRESULT). */
export async function callForStatus(ctx: TestContext, action: string, payload: JsonObject, wanted: string, step: number): Promise<JsonObject | undefined> {
  const res = await ctx.call(action, payload);
  const status = res.status === 'result' ? res.payload['status'] : undefined;
  ctx.check(`${action}.conf status is ${wanted}`, status === wanted, { expected: `${action}.conf status ${wanted}`, actual: answerOf(res), frames: framesOfCall(ctx, res.messageId), step });
  return res.status === 'result' ? res.payload : undefined;
}

/** GetInstalledCertificateIds of a type; `present`: the harness's own hash data of `pem` must (true) or must not (false) be among the answer's. */
export async function checkInstalled(ctx: TestContext, type: RootType, pem: string, present: boolean, step: number): Promise<JsonObject | undefined> {
  const res = await ctx.call('GetInstalledCertificateIds', { certificateType: type });
  const frames = framesOfCall(ctx, res.messageId);
  const payload = res.status === 'result' ? res.payload : undefined;
  const listed = payload === undefined ? [] : hashDataList(payload);
  const found = listed.some((h) => namesCertificate(h, pem));
  const own = JSON.stringify(hashDataOf(pem));
  if (present) {
    ctx.check('GetInstalledCertificateIds.conf status is Accepted', payload?.['status'] === 'Accepted', { expected: 'status Accepted', actual: answerOf(res), frames, step });
    ctx.check('certificateHashData includes the installed certificate (the harness\'s own calculation)', found, { expected: `an entry equal to ${own}`, actual: listed.length === 0 ? 'no certificateHashData' : JSON.stringify(listed), frames, step });
  } else {
    // Whitepaper M03.FR.02: with no certificate of the type left the answer is NotFound, otherwise Accepted with the others.
    ctx.check('GetInstalledCertificateIds.conf answered (Accepted or NotFound)', payload?.['status'] === 'Accepted' || payload?.['status'] === 'NotFound', { expected: 'status Accepted or NotFound', actual: answerOf(res), frames, step });
    ctx.check('certificateHashData does not include the removed certificate (the harness\'s own calculation)', payload !== undefined && !found, { expected: `no entry equal to ${own}`, actual: found ? JSON.stringify(listed) : 'not listed', frames, step });
  }
  return payload;
}
