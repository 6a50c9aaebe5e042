// OCPP 2.0.1 Part 6 §2.3, TC_B_27_CS: Reset Immediate of an EVSE during its transaction is
// Accepted and ends the transaction (ResetCommand / ImmediateReset) with the EV still connected.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd, stationReady } from '../_shared/journal.js';
import { rebootWithinMs } from './boot.js';

export default defineTestCase({
  id: 'TC_B_27_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Reset EVSE - With Ongoing Transaction - Immediate',
  useCases: ['B12'],
  requirements: ['B12.FR.02', 'B12.FR.08', 'E07.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-13' },
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 2, checks: 'Reset Immediate with evseId <configured> is Accepted' },
    { step: 3, checks: 'TransactionEvent Ended, triggerReason ResetCommand, chargingState EVConnected, stoppedReason ImmediateReset' },
  ],
  detects: ['reset-evse-immediate-keeps-tx', 'reset-evse-rejected'],
  async run(ctx) {
    await stationReady(ctx);
    let from = 0;
    await ctx.step('Steps 1-2: Reset Immediate of the configured EVSE is Accepted', async () => {
      // Before sending: the Ended event may follow the response at once.
      from = journalEnd(ctx);
      const res = await ctx.callExpect('Reset', { type: 'Immediate', evseId: ctx.config.evseId });
      ctx.check('ResetResponse status', res['status'] === 'Accepted', { expected: 'Accepted', actual: res['status'] ?? 'absent', step: 2 });
    });
    await ctx.step('Steps 3-4: TransactionEvent Ended for the EVSE reset', async () => {
      const te = await ctx.expectCall('TransactionEvent', { from, withinMs: rebootWithinMs(ctx), match: { eventType: 'Ended' }, describe: 'a TransactionEvent with eventType Ended', step: 3 });
      const info = (te.payload['transactionInfo'] ?? {}) as Record<string, unknown>;
      const frames = te.frameSeq === undefined ? [] : [te.frameSeq];
      ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'ResetCommand', { expected: 'ResetCommand', actual: te.payload['triggerReason'] ?? 'absent', frames, step: 3 });
      ctx.check('TransactionEvent transactionInfo.chargingState', info['chargingState'] === 'EVConnected', { expected: 'EVConnected', actual: info['chargingState'] ?? 'absent', frames, step: 3 });
      ctx.check('TransactionEvent transactionInfo.stoppedReason', info['stoppedReason'] === 'ImmediateReset', { expected: 'ImmediateReset', actual: info['stoppedReason'] ?? 'absent', frames, step: 3 });
    });
  },
});
