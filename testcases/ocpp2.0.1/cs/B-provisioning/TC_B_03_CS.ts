// OCPP 2.0.1 Part 6 §2.3, TC_B_03_CS: after a Rejected boot the station stays silent and retries no
// sooner than the interval it was given.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { bootAnswer, checkNothingElseSent, expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Cold Boot Charging Station - Rejected',
  useCases: ['B03'],
  requirements: ['B03.FR.02', 'B03.FR.04', 'B03.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 5, checks: 'every connector reported Available' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['ignores-boot-retry-interval', 'sends-before-boot-accepted', 'sends-session-while-rejected', 'no-status-after-boot'],
  async run(ctx) {
    await stationReady(ctx);
    const intervalS = ctx.config.heartbeatIntervalS;
    let boots = 0;
    ctx.respond('BootNotification', () => bootAnswer(boots++ === 0 ? 'Rejected' : 'Accepted', intervalS));

    let rejected: ObservedCall | undefined;
    await ctx.step('Manual action: reboot; steps 1-2: BootNotification answered Rejected', async () => {
      const from = journalEnd(ctx);
      await ctx.dut('powerCycle');
      rejected = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx) });
    });
    const first = rejected as ObservedCall;
    let accepted: ObservedCall | undefined;
    await ctx.step('Steps 3-4: the next BootNotification comes no sooner than the interval, nothing else before it', async () => {
      accepted = await ctx.expectGap('BootNotification', { after: first, minMs: intervalS * 1000, withinMs: intervalS * 1000 + ctx.toleranceMs + rebootWithinMs(ctx) });
      checkNothingElseSent(ctx, 'no other CALL while Rejected', first, accepted.index, []);
    });
    await ctx.step('Steps 5-6: every connector reported Available', async () => {
      await expectAllConnectors(ctx, (accepted as ObservedCall).index);
    });
  },
});
