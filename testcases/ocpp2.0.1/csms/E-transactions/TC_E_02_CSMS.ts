/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_02_CSMS: the simulated station starts its transaction when energy
 * starts to flow (TxStartPoint EnergyTransfer): authorize, plug in, TransactionEvent Started
 * (Charging, with the idToken). The CSMS must accept the idToken both times.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { idTokenOf, idTokenStatusIn, reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - EnergyTransfer',
  useCases: ['E01'],
  requirements: ['E01.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'Authorize the valid idToken (steps 1-2)' },
    { step: 6, checks: 'Energy flows: TransactionEvent Started Charging (steps 5-6)' },
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
    await ctx.step('Energy flows: TransactionEvent Started Charging (steps 5-6)', async () => {
      await sendTransactionEvent(ctx, {
        eventType: 'Started',
        triggerReason: 'ChargingStateChanged',
        chargingState: 'Charging',
        idToken: valid,
        match: idTokenStatusIn('Accepted'),
        describe: 'idTokenInfo.status Accepted',
      });
      const tx = stationOf(ctx).transaction;
      if (tx) tx.authorized = true;
    });
  },
});
