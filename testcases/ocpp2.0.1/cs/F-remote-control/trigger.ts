/**
 * Block F `_CS` helpers: send a CSMS request and judge the status of its response as one traced
 * step (TriggerMessage, UnlockConnector, GetLog, UpdateFirmware), and the checks every triggered
 * reading shares (Part 6 TC_F_11/12/13/14_CS: meterValue[0].sampledValue[0].context Trigger).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/case-support.js';
import { frames, obj } from '../_shared/journal.js';

/**
 * Send `action` and check that the response's status is `expected`, for official step `step`.
 * From here the cursor only sees what the station sends after the request. When the status is
 * not the one the rest of the case builds on, the case stops there (its verdict is that check).
 */
export async function requestStatus(ctx: TestContext, action: string, payload: JsonObject, expected: string, { step }: { step: number }): Promise<JsonObject> {
  fromNow(ctx);
  const outcome = await ctx.call(action, payload);
  const raw = outcome.status === 'result' ? outcome.payload['status'] : undefined;
  const status = typeof raw === 'string' ? raw : raw === undefined ? undefined : JSON.stringify(raw);
  const messageFrames = ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === outcome.messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
  ctx.check(`${action}Response status is ${expected}`, status === expected, {
    expected: `status ${expected}`,
    actual: outcome.status === 'result' ? `status ${status ?? 'absent'}` : outcomeWords(outcome),
    frames: messageFrames,
    step,
  });
  if (status !== expected) ctx.fail(`${action} was answered ${status ?? outcomeWords(outcome)}, not ${expected}: the following steps cannot be run`);
  return outcome.status === 'result' ? outcome.payload : {};
}

/** TriggerMessage for `requestedMessage` (with `evse` when given), answered `expected` (step 2 of every trigger case). */
export function trigger(ctx: TestContext, requestedMessage: string, evse: JsonObject | undefined, expected: string, traced: { step: number }): Promise<JsonObject> {
  return requestStatus(ctx, 'TriggerMessage', { requestedMessage, ...(evse ? { evse } : {}) }, expected, traced);
}

/** The context of the first sampled value of the first meter value (undefined when there is none). */
export function firstContext(payload: JsonObject): unknown {
  const mv = Array.isArray(payload['meterValue']) ? obj(payload['meterValue'][0]) : undefined;
  const sv = mv && Array.isArray(mv['sampledValue']) ? obj(mv['sampledValue'][0]) : undefined;
  return sv?.['context'];
}

/** meterValue[0].sampledValue[0].context must be Trigger (an absent context means Sample.Periodic, Part 2 SampledValueType). */
export function checkTriggerContext(ctx: TestContext, call: ObservedCall, { step }: { step: number }): void {
  const context = firstContext(call.payload);
  ctx.check(`${call.action} meterValue[0].sampledValue[0].context is Trigger`, context === 'Trigger', { expected: 'Trigger', actual: context ?? 'absent', frames: frames(call), step });
}

/** Readings of a periodic or clock-aligned timer may come between; the triggered one is told apart by its context. */
export const otherReadings = 'Part 2 J01/J02: clock-aligned and periodic meter values run on their own timers and may come before the triggered one; Part 6 TC_F_11_CS/TC_F_12_CS step 3 identify it by context Trigger';

/** The same for TransactionEvents: periodic and clock-aligned updates of the transaction may come first. */
export const otherTxEvents = 'Part 2 J02/J01: periodic (MeterValuePeriodic) and clock-aligned TransactionEvents of the transaction run on their own timers and may come before the triggered one; Part 6 TC_F_13_CS/TC_F_14_CS step 3 identify it by triggerReason Trigger';
