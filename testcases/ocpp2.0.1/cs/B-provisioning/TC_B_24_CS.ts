/**
 * OCPP 2.0.1 Part 6 §2.3, TC_B_24_CS: a Reset OnIdle of a station whose configured connector is
 * Reserved (memory state, block H reusable state Reserved) and which has no transaction reboots at
 * once (Part 2 B11); after the boot the reservation still holds: the configured connector is
 * reported Reserved, every other one Available (StatusNotification or NotifyEvent
 * Connector.AvailabilityState, Part 6 §2.1 lets the station use either).
 */
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - Reserved persists reset',
  useCases: ['B11'],
  requirements: ['B11.FR.01', 'B11.FR.03', 'B11.FR.04', 'B11.FR.05', 'B01.FR.03'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [
    { step: 2, checks: 'Reset OnIdle (no evseId) is Accepted' },
    { step: 3, checks: 'BootNotification reason RemoteReset' },
    { step: 5, checks: 'the configured connector reported Reserved, every other connector Available' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['reservation-lost-on-reset', 'reset-without-reboot'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Before: memory state Reserved for the configured connector', () => ctx.state('Reserved'));
    let boot: ObservedCall | undefined;
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle (no evseId) is Accepted', async () => {
      const answer = await ctx.callExpect('Reset', { type: 'OnIdle' });
      ctx.check('ResetResponse status', answer['status'] === 'Accepted', { expected: 'Accepted', actual: answer['status'] ?? 'absent', step: 2 });
    });
    await ctx.step('Steps 3-4: the station reboots and sends BootNotification reason RemoteReset', async () => {
      boot = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx), step: 3 });
      ctx.check('BootNotification reason', boot.payload['reason'] === 'RemoteReset', { expected: 'RemoteReset', actual: boot.payload['reason'] ?? 'absent', ...(boot.frameSeq === undefined ? {} : { frames: [boot.frameSeq] }), step: 3 });
    });
    await ctx.step('Steps 5-6: the configured connector reported Reserved, the others Available', async () => {
      await expectAllConnectors(ctx, (boot as ObservedCall).index, 'Reserved', 5);
    });
  },
});
