/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_01_CSMS: the simulated station starts its transaction when the
 * power path closes (TxStartPoint PowerPathClosed): authorize, plug in, TransactionEvent Started
 * (SuspendedEVSE, with the idToken), then Charging. The CSMS must accept the idToken both times.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, idTokenStatusIn, reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - PowerPathClosed',
  useCases: ['E01'],
  requirements: ['E01.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'Authorize the valid idToken (steps 1-2)' },
    { step: 6, checks: 'The power path closes: TransactionEvent Started (steps 5-6)' },
  ],
  detects: ['rejects-valid-token', 'transaction-event-without-idtokeninfo'],
  async run(ctx) {
    const valid = ctx.config.idTokens.valid;
    await ctx.step('Authorize the valid idToken (steps 1-2)', async () => {
      await ctx.callExpect('Authorize', { idToken: idTokenOf(valid) }, { match: idTokenStatusIn('Accepted'), describe: 'idTokenInfo.status Accepted' });
    });
    await ctx.step('The EV is plugged in (steps 3-4)', async () => {
      stationOf(ctx).evConnected = true;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
    });
    await ctx.step('The power path closes: TransactionEvent Started (steps 5-6)', async () => {
      await sendTransactionEvent(ctx, {
        eventType: 'Started',
        triggerReason: 'ChargingStateChanged',
        chargingState: 'SuspendedEVSE',
        idToken: valid,
        match: idTokenStatusIn('Accepted'),
        describe: 'idTokenInfo.status Accepted',
      });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
    await ctx.step('Energy flows: TransactionEvent Updated Charging (steps 7-8)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    });
  },
});
