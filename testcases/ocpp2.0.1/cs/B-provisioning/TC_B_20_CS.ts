// OCPP 2.0.1 Part 6 §2.3, TC_B_20_CS: Reset OnIdle without a transaction reboots the station at once.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_20_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - Without ongoing transaction - OnIdle',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'Reset OnIdle (no evseId) is Accepted' },
    { step: 5, checks: 'every connector reported Available' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['reset-without-reboot'],
  async run(ctx) {
    await stationReady(ctx);
    let boot: ObservedCall | undefined;
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle (no evseId) is Accepted', async () => {
      await ctx.callExpect('Reset', { type: 'OnIdle' }, { match: { status: 'Accepted' } });
    });
    await ctx.step('Steps 3-4: the station reboots and sends BootNotification', async () => {
      boot = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx) });
    });
    await ctx.step('Steps 5-6: every connector reported Available', async () => {
      await expectAllConnectors(ctx, (boot as ObservedCall).index);
    });
  },
});
