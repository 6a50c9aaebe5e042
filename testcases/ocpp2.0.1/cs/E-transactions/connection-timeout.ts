/**
 * Shared by TC_F_04_CS and TC_E_39_CS: when was the session authorized, and the wait for the
 * station to drop that authorization after TxCtrlr.EVConnectionTimeOut (Part 2 E03.FR.05,
 * E06.FR.04): a TransactionEvent with triggerReason EVConnectTimeout, not before the timeout
 * (minus the tolerance) and within the timeout plus the message timeout.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

/** Monotonic time the station got its authorization: our Authorize answer or its RequestStartTransaction answer. */
export function authorizedAtMs(ctx: TestContext): number {
  const entries = ctx.journal();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (!e) continue;
    if (e.kind === 'resultOut' && e.action === 'Authorize') return e.monoMs;
    if (e.kind === 'resultIn' && e.action === 'RequestStartTransaction') return e.monoMs;
  }
  return ctx.clock.monoMs();
}

export async function expectConnectTimeout(ctx: TestContext, authorizedAt: number, timeoutS: number, eventType: 'Updated' | 'Ended'): Promise<ObservedCall> {
  const te = await ctx.expectGap('TransactionEvent', {
    after: { monoMs: authorizedAt },
    minMs: timeoutS * 1000,
    withinMs: timeoutS * 1000 + ctx.config.messageTimeoutMs,
    match: (p) => p['triggerReason'] === 'EVConnectTimeout',
  });
  const frames = te.frameSeq === undefined ? [] : [te.frameSeq];
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === eventType, { expected: eventType, actual: te.payload['eventType'], frames });
  if (eventType === 'Ended') {
    const info = (te.payload['transactionInfo'] ?? {}) as { stoppedReason?: unknown };
    ctx.check('TransactionEvent transactionInfo.stoppedReason', info.stoppedReason === 'Timeout', { expected: 'Timeout', actual: info.stoppedReason ?? 'absent', frames });
  }
  return te;
}
