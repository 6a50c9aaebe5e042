// OCPP 2.0.1 Part 6 §2.3, TC_B_57_CS (OCPP-J Part 4 §5.3): after a connection loss the station
// waits RetryBackOffWaitMinimum before reconnecting, and doubles the wait after a failed attempt.
import type { JournalEntry, TestContext, TimingPoint } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { journalEnd, stationReady } from '../_shared/journal.js';

type Conn = Extract<JournalEntry, { kind: 'connected' | 'disconnected' | 'refused' }>;

/** The first connected / refused / disconnected entry from `from`, waiting until `withinMs`. */
async function nextEntry(ctx: TestContext, kinds: Conn['kind'][], from: number, withinMs: number): Promise<Conn | undefined> {
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    const hit = ctx.journal().find((e): e is Conn => e.index >= from && (kinds as string[]).includes(e.kind));
    if (hit) return hit;
    if (ctx.clock.monoMs() >= until) return undefined;
    await ctx.sleep(20);
  }
}

/** The wire-log connection event of a journal entry, for the timing object (issue #24). */
const eventOf = (e: Conn): TimingPoint => ({ event: e.kind === 'disconnected' ? 'close' : e.kind === 'connected' ? 'open' : 'rejected', connectionId: e.connectionId });

function checkWait(ctx: TestContext, what: string, since: Conn, next: Conn | undefined, minMs: number, withinMs: number): Conn {
  const measured = next ? next.monoMs - since.monoMs : withinMs;
  const ok = next !== undefined && measured >= minMs - ctx.toleranceMs;
  ctx.check(what, ok, {
    expected: `a connection attempt no sooner than ${minMs} ms (− ${ctx.toleranceMs} ms tolerance) and within ${withinMs} ms`,
    actual: next ? `after ${Math.round(measured)} ms` : `none within ${withinMs} ms`,
    timing: { what, measuredMs: measured, minMs: minMs - ctx.toleranceMs, maxMs: withinMs, toleranceMs: ctx.toleranceMs, ok, between: { from: eventOf(since), ...(next ? { to: eventOf(next) } : {}) } },
  });
  return next as Conn;
}

export default defineTestCase({
  id: 'TC_B_57_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Network Reconnection - After connection loss',
  useCases: ['Part 4 section 5.3. Reconnecting'],
  requirements: ['OCPP-J Part 4 §5.3'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'the harness closes the connection; the station reconnects after RetryBackOffWaitMinimum' },
    { step: 7, checks: 'the next attempt waits at least twice as long, and is accepted' },
  ],
  detects: ['no-reconnect', 'no-reconnect-backoff'],
  async run(ctx) {
    await stationReady(ctx);
    const configured = ctx.config.extra['retryBackOffWaitMinimumS'];
    const minimumS = typeof configured === 'number' && configured > 0 ? configured : 2;
    const minimumMs = minimumS * 1000;
    await ctx.step(`Before: RetryBackOffRepeatTimes 2, RetryBackOffRandomRange 0, RetryBackOffWaitMinimum ${minimumS}`, () =>
      prepareVariables(ctx, [
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRepeatTimes', value: '2' },
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(minimumS) },
      ]),
    );
    const waitMs = (factor: number): number => factor * minimumMs + ctx.toleranceMs + ctx.config.connectTimeoutMs;

    await ctx.step('Steps 1-3: the harness closes the connection; the station reconnects after RetryBackOffWaitMinimum', async () => {
      const from = journalEnd(ctx);
      await ctx.closeConnection({ reason: 'TC_B_57_CS step 1' });
      const closed = await nextEntry(ctx, ['disconnected'], from, ctx.config.messageTimeoutMs);
      if (!closed) return ctx.fail('the connection did not close');
      const back = await nextEntry(ctx, ['connected', 'refused'], closed.index + 1, waitMs(1));
      checkWait(ctx, 'reconnection after the first loss', closed, back, minimumMs, waitMs(1));
      await ctx.peer();
    });
    let refused: Conn | undefined;
    let firstWaitMs = 0;
    await ctx.step('Steps 4-6: the harness closes the connection again and refuses the next attempt', async () => {
      const from = journalEnd(ctx);
      await ctx.closeConnection({ refuse: true, reason: 'TC_B_57_CS step 4' });
      const closed = await nextEntry(ctx, ['disconnected'], from, ctx.config.messageTimeoutMs);
      if (!closed) return ctx.fail('the connection did not close');
      const attempt = await nextEntry(ctx, ['connected', 'refused'], closed.index + 1, waitMs(1));
      refused = checkWait(ctx, 'reconnection attempt after the second loss', closed, attempt, minimumMs, waitMs(1));
      firstWaitMs = refused.monoMs - closed.monoMs;
      ctx.refuseConnections(false);
    });
    await ctx.step('Steps 7-8: the next attempt waits at least twice as long, and is accepted', async () => {
      const done = refused as Conn;
      const attempt = await nextEntry(ctx, ['connected', 'refused'], done.index + 1, waitMs(2) + firstWaitMs);
      checkWait(ctx, 'reconnection after the refused attempt (doubled back-off)', done, attempt, 2 * firstWaitMs, waitMs(2) + firstWaitMs);
      ctx.check('the attempt was accepted', attempt?.kind === 'connected', { expected: 'connected', actual: attempt?.kind ?? 'none' });
      await ctx.peer();
    });
  },
});
