// OCPP 2.0.1 Part 6 §2.3, TC_B_21_CS: Reset OnIdle during a transaction is Scheduled and carried
// out once the transaction has ended.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, openTransactionId, stationReady } from '../_shared/journal.js';
import { callsBetween, expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - With Ongoing Transaction - OnIdle',
  useCases: ['B12'],
  requirements: ['B12.FR.01', 'B12.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 2, checks: 'Reset OnIdle (no evseId) is Scheduled' },
    { step: 7, checks: 'after the transaction ended the station reboots (reason ScheduledReset)' },
    { step: 9, checks: 'connector reported …, the others Available' },
    { step: 11, checks: 'SecurityEventNotification for the reboot' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['reset-onidle-interrupts-tx', 'skips-seqno'],
  async run(ctx) {
    await stationReady(ctx);
    const afterReset = journalEnd(ctx);
    await ctx.step('Steps 1-2: Reset OnIdle (no evseId) is Scheduled', async () => {
      await ctx.callExpect('Reset', { type: 'OnIdle' }, { match: { status: 'Scheduled' } });
    });
    await ctx.state('StopAuthorized');
    // Part 6 runs steps 4-6 only for a station whose transaction outlives the stop authorization
    // (its notes name the TxStartPoints for which it does not): we look at what it reported.
    const stoppedAtStep3 = openTransactionId(ctx) === undefined;
    if (!stoppedAtStep3) {
      await ctx.state('EVConnectedPostSession');
      await ctx.state('EVDisconnected');
      if (openTransactionId(ctx) !== undefined) await ctx.state('ParkingBayUnoccupied');
    }
    let boot: ObservedCall | undefined;
    await ctx.step('Steps 7-8: after the transaction ended the station reboots (reason ScheduledReset)', async () => {
      const sent = callsBetween(ctx, afterReset - 1, journalEnd(ctx), []);
      const early = sent.find((e) => e.action === 'BootNotification');
      const ended = sent.find((e) => e.action === 'TransactionEvent' && e.payload['eventType'] === 'Ended');
      ctx.check('no reboot before the transaction ended', early === undefined || (ended !== undefined && ended.index < early.index), {
        expected: 'BootNotification only after the TransactionEvent Ended',
        actual: early ? (ended ? `boot at frame ${String(early.frameSeq)}, Ended at ${String(ended.frameSeq)}` : 'booted while the transaction was running') : 'not booted yet',
      });
      boot = await ctx.expectCall('BootNotification', { from: afterReset, withinMs: rebootWithinMs(ctx) });
      ctx.check('BootNotification reason', boot.payload['reason'] === 'ScheduledReset', { expected: 'ScheduledReset', actual: boot.payload['reason'], ...(boot.frameSeq === undefined ? {} : { frames: [boot.frameSeq] }) });
    });
    const booted = boot as ObservedCall;
    await ctx.step(`Steps 9-10: connector reported ${stoppedAtStep3 ? 'Occupied (EV still connected)' : 'Available'}, the others Available`, async () => {
      await expectAllConnectors(ctx, booted.index, stoppedAtStep3 ? 'Occupied' : 'Available');
    });
    await ctx.step('Steps 11-12: SecurityEventNotification for the reboot', async () => {
      const ev = await ctx.expectCall('SecurityEventNotification', { from: booted.index });
      ctx.check('SecurityEventNotification type', ev.payload['type'] === 'StartupOfTheDevice' || ev.payload['type'] === 'ResetOrReboot', {
        expected: 'StartupOfTheDevice or ResetOrReboot',
        actual: ev.payload['type'],
        ...(ev.frameSeq === undefined ? {} : { frames: [ev.frameSeq] }),
      });
    });
  },
});
