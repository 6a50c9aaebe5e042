/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_22_CS — Stop transaction options, EnergyTransfer
 * stopped, SuspendedEV (Part 2 E06 S6). TxStopPoint EnergyTransfer: the EV suspends the energy
 * transfer; the one TransactionEvent says ChargingStateChanged and either ends the transaction
 * (chargingState EVConnected, stoppedReason StoppedByEV) or reports SuspendedEV (Updated).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { journalEnd, sessionOf, targetOf, txInfo } from '../_shared/journal.js';
import { checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_22_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  useCases: ['E06'],
  requirements: ['E06.FR.07', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-10.4' },
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason ChargingStateChanged; Ended with chargingState EVConnected and stoppedReason StoppedByEV, or Updated with SuspendedEV' }],
  detects: ['wrong-suspend-state'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['EnergyTransfer'] }]);
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: the EV suspends the energy transfer', async () => {
      await ctx.dut('suspendEnergyTransfer', { evseId: t.evseId });
      const te = await expectTxEvent(ctx, from, 'the TransactionEvent for the suspended energy transfer');
      const ended = te.payload['eventType'] === 'Ended' || txInfo(te)['chargingState'] === 'EVConnected';
      checkEvent(ctx, te, ended
        ? { step: 1, triggerReason: ['ChargingStateChanged'], chargingState: ['EVConnected'], stoppedReason: ['StoppedByEV'], eventType: ['Ended'] }
        : { step: 1, triggerReason: ['ChargingStateChanged'], chargingState: ['SuspendedEV'], eventType: ['Updated'] });
      const s = sessionOf(ctx, t.evseId);
      s.energy = false;
      s.txEnded = te.payload['eventType'] === 'Ended';
    });
  },
});
