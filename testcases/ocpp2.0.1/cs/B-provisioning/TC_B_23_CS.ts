// OCPP 2.0.1 Part 6 §2.3, TC_B_23_CS: a connector made Unavailable stays Unavailable over a Reset
// OnIdle (no transaction): after the reboot the station reports it Unavailable, the others Available.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_23_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - Unavailable persists reset',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.02', 'B11.FR.03', 'B11.FR.04', 'B01.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'Reset OnIdle (no evseId) is Accepted' },
    { step: 3, checks: 'the station reboots: BootNotification reason RemoteReset' },
    { step: 5, checks: 'the configured connector reported Unavailable, every other connector Available (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 'post', checks: 'a connector status report for every EVSE after the boot' },
  ],
  detects: ['availability-lost-on-reboot', 'reset-without-reboot'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Memory state: the configured connector is Unavailable', () => ctx.state('Unavailable'));
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle (no evseId) is Accepted', async () => {
      await ctx.callExpect('Reset', { type: 'OnIdle' }, { match: { status: 'Accepted' } });
    });
    let boot: ObservedCall | undefined;
    await ctx.step('Steps 3-4: the station reboots and sends BootNotification (reason RemoteReset)', async () => {
      boot = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx), step: 3 });
      ctx.check('BootNotification reason', boot.payload['reason'] === 'RemoteReset', { expected: 'RemoteReset', actual: boot.payload['reason'] ?? 'absent', ...(boot.frameSeq === undefined ? {} : { frames: [boot.frameSeq] }), step: 3 });
    });
    await ctx.step('Steps 5-6 and post scenario: the configured connector Unavailable, every other one Available', async () => {
      await expectAllConnectors(ctx, (boot as ObservedCall).index, 'Unavailable');
    });
  },
});
