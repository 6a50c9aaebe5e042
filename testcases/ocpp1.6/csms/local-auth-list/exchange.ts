/**
 * Helpers of the OCPP 1.6 Local Authorization List and Remote Trigger `_CSMS` cases (OCTT 1.6
 * document §3.14, §3.18): the operator makes the Central System send a request, the harness (as
 * Charge Point) answers it as the case says, and the case judges the request with its frames.
 */
import type { InboundCall, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { answered, answerWith } from '../_shared/charge-point.js';

export const framesOfCall = (call: ObservedCall): number[] => (call.frameSeq === undefined ? [] : [call.frameSeq]);

/**
 * Answer the next `action` with `answer`, ask the operator (`trigger` with `params`), wait for the
 * request and for our answer to have gone out. Returns the request; `step` is the official step of
 * the request's validation (or of the exchange when only the answer is validated).
 */
export async function requestFromCsms(ctx: TestContext, o: { action: string; trigger: Parameters<TestContext['dut']>[0]; params?: Record<string, unknown>; answer: (call: InboundCall) => JsonObject; step: number }): Promise<ObservedCall> {
  const sent = answerWith(ctx, o.action, o.answer);
  await ctx.dut(o.trigger, o.params ?? {});
  const call = await ctx.expectCall(o.action, { step: o.step });
  await answered(ctx, sent);
  return call;
}

/** The answer the harness gave to a CALL of the Central System, as sent (from the journal). */
export function ourAnswer(ctx: TestContext, call: ObservedCall): { payload?: JsonObject; frames: number[] } {
  const out = ctx.journal().find((e) => e.kind === 'resultOut' && e.messageId === call.messageId);
  if (out?.kind !== 'resultOut') return { frames: framesOfCall(call) };
  return { payload: out.payload, frames: [...framesOfCall(call), ...(out.frameSeq === undefined ? [] : [out.frameSeq])] };
}

/** A CALL of the harness to the Central System; the answer must be a CALLRESULT. */
export async function sendToCsms(ctx: TestContext, action: string, payload: JsonObject, step: number): Promise<void> {
  const out = await ctx.call(action, payload);
  const frames = ctx
    .journal()
    .filter((e) => (e.kind === 'callOut' || e.kind === 'resultIn' || e.kind === 'errorIn') && e.messageId === out.messageId)
    .flatMap((e) => ('frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : []));
  const words = out.status === 'result' ? JSON.stringify(out.payload) : out.status === 'error' ? `CALLERROR ${out.errorCode}` : outcomeWords(out);
  ctx.check(`the Central System answers ${action}.req with a ${action}.conf`, out.status === 'result', { expected: `${action}.conf`, actual: words, frames, step });
}

/** Every localAuthorizationList entry carries an idTagInfo (OCTT 1.6 TC_043_4_CSMS / TC_043_5_CSMS step 1 / 3). */
export function checkEntries(ctx: TestContext, call: ObservedCall, step: number): void {
  const list = Array.isArray(call.payload['localAuthorizationList']) ? (call.payload['localAuthorizationList'] as JsonObject[]) : [];
  const bare = list.filter((e) => typeof e['idTagInfo'] !== 'object' || e['idTagInfo'] === null).map((e) => String(e['idTag']));
  ctx.check('every localAuthorizationList entry has an idTagInfo', bare.length === 0, { expected: 'idTagInfo in every entry', actual: bare.length === 0 ? `${list.length} entries, all with idTagInfo` : `without idTagInfo: ${bare.join(', ')}`, frames: framesOfCall(call), step });
  // Prerequisite: the Central System has at least one idTag to put in the list.
  ctx.check('the list carries at least one idTag', list.length > 0, { expected: 'at least one entry', actual: `${list.length} entries`, frames: framesOfCall(call), severity: 'warning', step });
}
