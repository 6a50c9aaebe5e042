// OCPP 2.0.1 Part 6 §2.3, TC_B_22_CS: Reset Immediate during a transaction ends it (ResetCommand /
// ImmediateReset) and reboots; the EV is still connected afterwards.
import type { ObservedCall } from '../../../../src/engine/authoring.js';
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { expectAllConnectors, rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_22_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset Charging Station - With Ongoing Transaction - Immediate',
  useCases: ['B12'],
  requirements: ['B12.FR.02', 'B12.FR.04', 'E07.FR.03', 'B01.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 2, checks: 'Reset Immediate (no evseId) is Accepted' },
    { step: 3, checks: 'TransactionEvent Ended for the reset' },
    { step: 5, checks: 'the station reboots (reason RemoteReset)' },
    { step: 7, checks: 'the configured connector reported Occupied, the others Available' },
    { step: 'post', checks: 'a connector status report (StatusNotification or NotifyEvent AvailabilityState) for every EVSE after the boot' },
  ],
  detects: ['reset-without-reboot', 'wrong-stop-reason', 'no-transaction-event-ended', 'reboot-before-ended', 'skips-seqno'],
  async run(ctx) {
    await stationReady(ctx);
    let from = 0;
    let ended: ObservedCall | undefined;
    await ctx.step('Steps 1-2: Reset Immediate (no evseId) is Accepted', async () => {
      // Before sending: the Ended event may follow the response at once.
      from = journalEnd(ctx);
      await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
    });
    await ctx.step('Steps 3-4: TransactionEvent Ended for the reset', async () => {
      // Part 6: step 3 (Ended), then "Charging Station reboots", then step 5 (BootNotification).
      const te = await ctx.expectCall('TransactionEvent', { from, withinMs: rebootWithinMs(ctx), match: { eventType: 'Ended' }, describe: 'a TransactionEvent with eventType Ended', step: 3 });
      ended = te;
      const info = (te.payload['transactionInfo'] ?? {}) as Record<string, unknown>;
      const frames = te.frameSeq === undefined ? [] : [te.frameSeq];
      ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'ResetCommand', { expected: 'ResetCommand', actual: te.payload['triggerReason'], frames });
      ctx.check('TransactionEvent transactionInfo.chargingState', info['chargingState'] === 'EVConnected', { expected: 'EVConnected', actual: info['chargingState'] ?? 'absent', frames });
      ctx.check('TransactionEvent transactionInfo.stoppedReason', info['stoppedReason'] === 'ImmediateReset', { expected: 'ImmediateReset', actual: info['stoppedReason'] ?? 'absent', frames });
      ctx.check('TransactionEvent idToken omitted', te.payload['idToken'] === undefined, { expected: 'omitted', actual: te.payload['idToken'] ?? 'omitted', frames });
    });
    let boot: ObservedCall | undefined;
    await ctx.step('Steps 5-6: the station reboots (reason RemoteReset)', async () => {
      const early = ctx.journal().find((e) => e.kind === 'callIn' && e.action === 'BootNotification' && e.index >= from && e.index < (ended as ObservedCall).index);
      ctx.check('TransactionEvent Ended before the reboot', early === undefined, {
        expected: 'the Ended event (step 3) before the BootNotification (step 5)',
        actual: early?.kind === 'callIn' ? `BootNotification (frame ${early.frameSeq ?? '?'}) came before the Ended event (frame ${(ended as ObservedCall).frameSeq ?? '?'})` : 'in that order',
        frames: [early?.kind === 'callIn' ? early.frameSeq : undefined, (ended as ObservedCall).frameSeq].filter((f): f is number => f !== undefined),
        step: 5,
      });
      boot = await ctx.expectCall('BootNotification', { from, withinMs: rebootWithinMs(ctx), step: 5 });
      ctx.check('BootNotification reason', boot.payload['reason'] === 'RemoteReset', { expected: 'RemoteReset', actual: boot.payload['reason'], ...(boot.frameSeq === undefined ? {} : { frames: [boot.frameSeq] }) });
    });
    await ctx.step('Steps 7-8: the configured connector reported Occupied, the others Available', async () => {
      await expectAllConnectors(ctx, (boot as ObservedCall).index, 'Occupied');
    });
  },
});
