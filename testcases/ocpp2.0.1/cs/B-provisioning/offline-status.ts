/**
 * TC_B_51_CS / TC_B_52_CS (Part 2 B04): the connector status reported after an offline period
 * longer or shorter than OCPPCommCtrlr.OfflineThreshold. The harness closes the connection and
 * refuses the station's attempts, the cable is plugged in meanwhile, and the reconnection is
 * accepted after (B_51) or before (B_52) the threshold has passed.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { journalEnd } from '../_shared/journal.js';

/**
 * Part 6 "<Configured offlineThreshold>" in seconds: config `extra.offlineThresholdS`. Without it the
 * shortest the case allows: 1 s for TC_B_51_CS (the station then stays away 3 s), 3 s for TC_B_52_CS
 * (the least that leaves its RetryBackOffWaitMinimum, threshold − 2 s, above zero).
 */
export function offlineThresholdS(ctx: TestContext, longer: boolean): number {
  const least = longer ? 1 : 3;
  const configured = ctx.config.extra['offlineThresholdS'];
  return typeof configured === 'number' && configured >= least ? Math.round(configured) : least;
}

/** Before, steps 1-3: returns the journal index from which the reconnection's reports count. */
export async function offlinePeriod(ctx: TestContext, longer: boolean): Promise<number> {
  const thresholdS = offlineThresholdS(ctx, longer);
  const waitS = longer ? thresholdS + 2 : thresholdS - 2;
  await ctx.step(`Before: OfflineThreshold ${thresholdS}, RetryBackOffWaitMinimum ${waitS}, RetryBackOffRandomRange 0`, () =>
    prepareVariables(ctx, [
      { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(thresholdS) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(waitS) },
      { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
    ]),
  );
  let closedAt = 0;
  await ctx.step('Step 1: the harness closes the connection and refuses reconnections', async () => {
    const from = journalEnd(ctx);
    await ctx.closeConnection({ refuse: true, reason: `${ctx.id} step 1` });
    // The cable goes in once the connection is really gone (the close handshake done).
    const until = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
    while (!ctx.journal().some((e) => e.index >= from && e.kind === 'disconnected')) {
      if (ctx.clock.monoMs() >= until) return ctx.fail('the connection did not close');
      await ctx.sleep(20);
    }
    closedAt = ctx.clock.monoMs();
  });
  await ctx.step('Step 2 (manual action): connect the EV and EVSE', () => ctx.dut('plugIn', { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId }));
  let from = 0;
  await ctx.step(`Step 3: the harness accepts the reconnection${longer ? ' once the offline threshold has passed' : ''}`, async () => {
    if (longer) {
      const leftMs = thresholdS * 1000 - (ctx.clock.monoMs() - closedAt);
      if (leftMs > 0) await ctx.sleep(leftMs + 100);
    }
    from = journalEnd(ctx);
    ctx.refuseConnections(false);
    await ctx.peer();
  });
  return from;
}
