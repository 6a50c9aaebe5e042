/**
 * The closing check of the E and F session cases: Part 6 §2.1 general tool rules over every
 * TransactionEvent the case saw — one transaction, one transactionId throughout, Started first,
 * seqNo numbered without gaps, and (when the case ends the transaction) one Ended with the last
 * seqNo and an allowed stoppedReason.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { checkTransactionEvents, transactionEvents, txInfo } from '../_shared/case-support.js';

export async function checkSession(ctx: TestContext, options: { ended: boolean; stoppedReason?: string[] }): Promise<void> {
  await ctx.step('Post scenario: TransactionEvent general rules (Part 6 §2.1)', () => {
    const events = transactionEvents(ctx);
    const frames = events.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq]));
    const ids = [...new Set(events.map((e) => txInfo(e).transactionId))];
    ctx.check('every TransactionEvent of the session carries the same transactionId', ids.length === 1 && typeof ids[0] === 'string', { expected: 'one transactionId', actual: ids.map(String).join(', ') || 'no TransactionEvent', frames });
    const id = ids[0] as string;
    checkTransactionEvents(ctx, id, { ended: options.ended });
    const ended = events.find((e) => e.payload['eventType'] === 'Ended');
    if (ended && options.stoppedReason) {
      const reason = txInfo(ended).stoppedReason;
      // Part 6 §2.1: after a local stop, stoppedReason Local or omitted (Local is the default).
      const ok = reason === undefined ? options.stoppedReason.includes('Local') : options.stoppedReason.includes(reason);
      ctx.check('eventType Ended transactionInfo.stoppedReason', ok, { expected: options.stoppedReason.join(' or ') + (options.stoppedReason.includes('Local') ? ' or omitted' : ''), actual: reason ?? 'omitted', frames: ended.frameSeq === undefined ? [] : [ended.frameSeq] });
    }
    return Promise.resolve();
  });
}
