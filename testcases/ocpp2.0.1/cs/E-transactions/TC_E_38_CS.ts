/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_38_CS — Local start transaction, EV not ready.
 * Authorized first; the EV, not ready for the energy transfer, is connected (EVConnectedPreSession);
 * the station reports the transaction SuspendedEV with triggerReason ChargingStateChanged (Part 2 E03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready, txInfo } from '../_shared/case-support.js';
import { txSettings } from '../_shared/expect.js';
import { frames } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_E_38_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Local start transaction - EV not ready',
  useCases: ['E03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: NOT C-09.5 (start transaction option EnergyTransfer); "NOT Product Subtype Mode 1/2-only" is no PICS item.
  applies: { not: { item: 'C-09.5' } },
  validations: [{ step: 2, checks: 'TransactionEvent triggerReason ChargingStateChanged, transactionInfo.chargingState SuspendedEV' }],
  detects: ['suspended-ev-reported-charging'],
  async run(ctx) {
    await ready(ctx);
    // Prerequisite: "TxStartPoint should not be EnergyTransfer".
    const { startPoints } = await txSettings(ctx);
    if (startPoints.includes('EnergyTransfer')) ctx.inconclusive('TxCtrlr.TxStartPoint contains EnergyTransfer (Part 6 prerequisite of TC_E_38_CS)');
    await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
    const from = journalMark(ctx);
    await ctx.step('Manual action: the EV is not ready for energy transfer; step 1: EVConnectedPreSession', async () => {
      await ctx.dut('suspendEnergyTransfer', { evseId: ctx.config.evseId });
      await ctx.state('EVConnectedPreSession');
    });
    await ctx.step('Steps 2-3: TransactionEvent ChargingStateChanged, SuspendedEV', async () => {
      // After what the state consumed (the first event of the plug-in), in strict order.
      const te = await ctx.expectCall('TransactionEvent', { from: Math.max(from, ctx.cursor()), match: (p) => p['triggerReason'] === 'ChargingStateChanged', describe: 'a TransactionEvent with triggerReason ChargingStateChanged', step: 2 });
      ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te).chargingState === 'SuspendedEV', { expected: 'SuspendedEV', actual: txInfo(te).chargingState ?? 'absent', frames: frames(te), step: 2 });
    });
    await ctx.step('After: the EV is ready again (not an official step)', () => ctx.dut('resumeEnergyTransfer', { evseId: ctx.config.evseId }));
  },
});
