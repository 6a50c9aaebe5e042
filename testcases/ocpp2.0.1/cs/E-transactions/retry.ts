/**
 * The scenario TC_E_41_CS and TC_E_50_CS share (Part 6 §2.6, Part 2 E13): with the EV connected
 * and authorized, the harness refuses one TransactionEvent — by never answering it (E_41) or by
 * CALLERROR InternalError (E_50). The station must send it MessageAttemptsTransactionEvent times in
 * all, each retransmission MessageAttemptIntervalTransactionEvent × (transmissions so far) after the
 * previous one failed (after its own MessageTimeout when unanswered), and then give it up.
 * TC_E_42_CS and TC_E_51_CS refuse only the first transmission and answer the second: the station
 * must then stop resending it (`answerFrom: 2`).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { InternalRpcError, NoReply, tokenStatus } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { configure, configured, getVariable, journalMark, ready, txInfo } from '../_shared/case-support.js';

/** Part 6 TC_E_41_CS "Step 1, 2, 3, & 4 are optional": SignedDataReceived, then SuspendedEVSE. */
function isOptionalStep(p: JsonObject): boolean {
  return p['triggerReason'] === 'SignedDataReceived' || (p['triggerReason'] === 'ChargingStateChanged' && txInfo(p).chargingState === 'SuspendedEVSE');
}

/**
 * The message of step 5: any TransactionEvent once the EV was connected (the states before it have
 * theirs answered), except the optional steps 1/3. With TxStartPoint PowerPathClosed it is the
 * Started event of the plug-in, idToken and all: Part 6 says only "a TransactionEventRequest".
 */
function isStep5(p: JsonObject): boolean {
  return !isOptionalStep(p);
}

export interface RetryOptions {
  /** The transmission (1 = the first) from which the harness answers normally; default never. */
  answerFrom?: number;
  /** TC_E_51_CS: after a CALLERROR the gap may also include the station's MessageTimeout (Part 6 says "+ MessageTimeout.Default"). */
  callErrorGapWithTimeout?: boolean;
}

export async function retryScenario(ctx: TestContext, refuse: 'noReply' | 'callError', options: RetryOptions = {}): Promise<void> {
  await ready(ctx);
  const answerFrom = options.answerFrom ?? Number.POSITIVE_INFINITY;
  const configuredValues = configured(ctx);
  const intervalS = configuredValues.messageAttemptIntervalTransactionEventS;
  // TC_E_42_CS / TC_E_51_CS: "MessageAttemptsTransactionEvent … (Must be > 2)".
  const attempts = Number.isFinite(answerFrom) ? Math.max(3, configuredValues.messageAttemptsTransactionEvent) : configuredValues.messageAttemptsTransactionEvent;
  await configure(ctx, [
    { component: 'OCPPCommCtrlr', variable: 'MessageAttempts', instance: 'TransactionEvent', value: String(attempts) },
    { component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', instance: 'TransactionEvent', value: String(intervalS) },
    ...authConfiguration,
  ]);
  // Without answers the station waits its own MessageTimeout before it counts a transmission as failed.
  let stationTimeoutMs = 0;
  if (refuse === 'noReply' || options.callErrorGapWithTimeout) {
    const value = Number(await getVariable(ctx, { component: 'OCPPCommCtrlr', variable: 'MessageTimeout', instance: 'Default' }));
    if (!Number.isFinite(value) || value <= 0) ctx.inconclusive('OCPPCommCtrlr.MessageTimeout[Default] could not be read: the retry timing cannot be judged');
    stationTimeoutMs = value * 1000;
  }

  // Answer as the CSMS normally does, except for the step-5 message (recognised by transaction and seqNo).
  let armed = false;
  let target: { transactionId: string | undefined; seqNo: unknown } | undefined;
  const sameMessage = (p: JsonObject): boolean => target !== undefined && txInfo(p).transactionId === target.transactionId && p['seqNo'] === target.seqNo;
  let transmissions = 0;
  ctx.respond('TransactionEvent', (call) => {
    const p = call.payload;
    if (target === undefined && armed && isStep5(p)) target = { transactionId: txInfo(p).transactionId, seqNo: p['seqNo'] };
    if (sameMessage(p) && ++transmissions < answerFrom) {
      if (refuse === 'noReply') throw new NoReply();
      throw new InternalRpcError('refused on purpose (Part 6 TC_E_50_CS)');
    }
    const token = (p['idToken'] as { idToken?: unknown } | undefined)?.idToken;
    const status = tokenStatus(ctx.config, typeof token === 'string' ? token : undefined);
    return token === undefined ? {} : { idTokenInfo: status === 'Accepted' ? { status, groupIdToken: { idToken: ctx.config.groupId, type: 'Central' } } : { status } };
  });

  await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
  // From here on (the cable goes in) the first TransactionEvent is the one to refuse.
  const sessionFrom = journalMark(ctx);
  armed = true;
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));

  let previous: ObservedCall | undefined;
  await ctx.step(`Step 5: first transmission of the refused TransactionEvent (${refuse === 'noReply' ? 'no answer' : 'CALLERROR InternalError'})`, async () => {
    // Strict order from the plug-in on: only the optional steps 1 and 3 may come before step 5,
    // which may be an event a Before state already saw (the responder refused it there).
    let from = sessionFrom;
    for (;;) {
      const te = await ctx.expectCall('TransactionEvent', {
        from,
        match: (p) => isStep5(p) || isOptionalStep(p),
        describe: 'the first TransactionEvent after the EV was connected (optional steps 1 SignedDataReceived, 3 SuspendedEVSE may come first)',
        step: 5,
      });
      if (isStep5(te.payload)) {
        previous = te;
        break;
      }
      from = te.index + 1;
    }
  });
  // Answered from transmission `answerFrom` on: that many transmissions in all, then no more.
  const sent = Math.min(attempts, answerFrom);
  const gapBaseMs = refuse === 'noReply' ? stationTimeoutMs : 0;
  for (let k = 1; k < sent; k++) {
    const minMs = gapBaseMs + intervalS * 1000 * k;
    const waitMs = minMs + (refuse === 'callError' ? stationTimeoutMs : 0);
    await ctx.step(`Step 5: retransmission ${k} of ${sent - 1}, ${minMs / 1000} s after the previous one`, async () => {
      if (!previous) return;
      previous = await ctx.expectGap('TransactionEvent', { after: previous, minMs, withinMs: waitMs + ctx.toleranceMs, match: sameMessage, step: 5 });
    });
  }
  const quietMs = stationTimeoutMs + intervalS * 1000 * sent + ctx.toleranceMs;
  await ctx.step(`After ${sent} transmissions the station ${sent < attempts ? 'was answered and' : ''} gives the message up`, async () => {
    await ctx.expectNoCall('TransactionEvent', { forMs: quietMs, match: sameMessage, describe: 'the same seqNo of the same transaction', step: 5 });
  });
}
