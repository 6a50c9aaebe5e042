// OCPP 2.0.1 Part 6 §2.3, TC_B_49_CS: every slot of NetworkConfigurationPriority fails once
// (NetworkProfileConnectionAttempts 1): the station goes back to the profile of its last good
// connection and reconnects there after RetryBackOffWaitMinimum (Part 2 B10.FR.07).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { stationReady } from '../_shared/journal.js';
import { bootedOn, migrate, migrationWithinMs, nextConnection } from './network-profile.js';

export default defineTestCase({
  id: 'TC_B_49_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - Same CSMS Root',
  useCases: ['B10'],
  requirements: ['B10.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-47' },
  validations: [{ step: 6, checks: 'Reset OnIdle is Accepted' }],
  detects: ['network-fallback-gives-up', 'no-reconnect-backoff'],
  async run(ctx) {
    await stationReady(ctx);
    const waitMinimumS = ctx.config.networkProfiles.retryBackOffWaitMinimumS;
    await ctx.step(`Before: NetworkProfileConnectionAttempts 1, RetryBackOffRepeatTimes 0, RetryBackOffRandomRange 0, RetryBackOffWaitMinimum ${waitMinimumS}`, async () => {
      await prepareVariables(ctx, [
        { component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts', value: '1' },
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRepeatTimes', value: '0' },
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
        { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(waitMinimumS) },
      ]);
    });
    const second = await ctx.openSecondEndpoint();
    second.refuse(true);
    const { from } = await migrate(ctx, second, { reset: { step: 6 } });
    const within = migrationWithinMs(ctx) + waitMinimumS * 1000;
    // Steps 7-10: the attempt at the second endpoint and then the one at the previous profile are turned away.
    ctx.refuseConnections(true);
    const atSecond = await ctx.step('Steps 7-8: the station tries the alternative endpoint; the attempt is not accepted', async () => {
      const tried = await nextConnection(ctx, second, from, within, (a) => a.at === 'second');
      ctx.check('an attempt at the second endpoint (the new profile)', tried !== undefined, { expected: 'a connection attempt at the second endpoint', actual: tried === undefined ? 'none' : `attempt ${tried.entry.connectionId}, turned away` });
      return tried;
    });
    if (!atSecond) return;
    const refusedBack = await ctx.step('Steps 9-10: the station switches back to the previous profile; the attempt is not accepted', async () => {
      const tried = await nextConnection(ctx, second, atSecond.entry.index + 1, within, (a) => a.at === 'primary');
      ctx.check('an attempt at the primary endpoint (the previous profile)', tried !== undefined && !tried.accepted, { expected: 'a connection attempt at the primary endpoint', actual: tried === undefined ? 'none' : `attempt ${tried.entry.connectionId}` });
      return tried;
    });
    ctx.refuseConnections(false);
    if (!refusedBack) return;
    const connected = await ctx.step(`Steps 11-12: after RetryBackOffWaitMinimum (${waitMinimumS} s) the station reconnects and is accepted`, async () => {
      const next = await nextConnection(ctx, second, refusedBack.entry.index + 1, within, (a) => a.at === 'primary');
      ctx.check('a reconnection at the primary endpoint', next?.accepted === true, {
        expected: 'the station keeps reconnecting to the profile of its last good connection (B10.FR.07)',
        actual: next === undefined ? 'no further attempt' : `attempt ${next.entry.connectionId}${next.accepted ? '' : ' (refused)'}`,
      });
      if (next === undefined) return undefined;
      const gapMs = next.entry.monoMs - refusedBack.entry.monoMs;
      const minMs = waitMinimumS * 1000 - ctx.toleranceMs;
      ctx.check('the wait before the reconnection', gapMs >= minMs, {
        expected: `at least RetryBackOffWaitMinimum ${waitMinimumS} s (tolerance ${ctx.toleranceMs} ms)`,
        actual: `${Math.round(gapMs)} ms`,
        timing: { what: 'refused attempt → next attempt', measuredMs: gapMs, minMs, toleranceMs: ctx.toleranceMs, ok: gapMs >= minMs, between: { from: { event: 'rejected', connectionId: refusedBack.entry.connectionId }, to: { event: 'open', connectionId: next.entry.connectionId } } },
      });
      return next;
    });
    if (connected) await bootedOn(ctx, connected, 'primary endpoint');
  },
});
