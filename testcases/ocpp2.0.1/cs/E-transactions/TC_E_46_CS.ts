/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_46_CS — End of charging process 15118. During the
 * energy transfer the EV sends SessionStopReq(Terminate): the station reports the authorization
 * stopped by the EV (triggerReason StopAuthorized, chargingState EVConnected) and, when TxStopPoint
 * holds Authorized, PowerPathClosed or EnergyTransfer, ends the transaction with stoppedReason
 * StoppedByEV (Part 2 E15.FR.04, E15.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready, txInfo } from '../_shared/case-support.js';
import { txSettings } from '../_shared/expect.js';
import { frames, sessionOf } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_E_46_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'End of charging process 15118',
  useCases: ['E15'],
  requirements: ['E15.FR.04', 'E15.FR.05'],
  certification: [{ profile: 'ISO 15118 Support', need: 'M' }],
  validations: [{ step: 1, checks: 'TransactionEvent StopAuthorized, EVConnected; Ended with stoppedReason StoppedByEV when TxStopPoint holds Authorized / PowerPathClosed / EnergyTransfer, else Updated' }],
  detects: ['ev-stop-wrong-reason'],
  async run(ctx) {
    await ready(ctx);
    const { stopPoints } = await txSettings(ctx);
    const ends = stopPoints.some((p) => p === 'Authorized' || p === 'PowerPathClosed' || p === 'EnergyTransfer');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    const from = journalMark(ctx);
    await ctx.step(`The EV sends SessionStopReq(Terminate); steps 1-2: TransactionEvent ${ends ? 'Ended' : 'Updated'}, StopAuthorized`, async () => {
      await ctx.dut('evStopsSession', { evseId: ctx.config.evseId });
      const te = await ctx.expectCall('TransactionEvent', { from, describe: 'the TransactionEvent after the EV stopped the session', step: 1 });
      const f = frames(te);
      ctx.check('TransactionEvent eventType', te.payload['eventType'] === (ends ? 'Ended' : 'Updated'), { expected: ends ? 'Ended' : 'Updated', actual: te.payload['eventType'], frames: f, step: 1 });
      ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'StopAuthorized', { expected: 'StopAuthorized', actual: te.payload['triggerReason'], frames: f, step: 1 });
      ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te).chargingState === 'EVConnected', { expected: 'EVConnected', actual: txInfo(te).chargingState ?? 'absent', frames: f, step: 1 });
      if (ends) ctx.check('TransactionEvent transactionInfo.stoppedReason', txInfo(te).stoppedReason === 'StoppedByEV', { expected: 'StoppedByEV', actual: txInfo(te).stoppedReason ?? 'absent', frames: f, step: 1 });
      const s = sessionOf(ctx, ctx.config.evseId);
      s.txEnded = te.payload['eventType'] === 'Ended';
      s.stopAuthorized = true;
      s.authorized = false;
      s.energy = false;
    });
  },
});
