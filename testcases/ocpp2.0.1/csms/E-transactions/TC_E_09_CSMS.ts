/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_09_CSMS: the simulated station starts its transaction when the EV
 * is plugged in (TxStartPoint EVConnected): Occupied, then TransactionEvent Started with
 * CablePluggedIn and no idToken yet. The CSMS must answer it like any other TransactionEvent.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_09_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Start transaction options - EVConnected',
  useCases: ['E01'],
  requirements: ['E01.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['tx-start-without-idtoken-error'],
  async run(ctx) {
    await ctx.step('The EV is plugged in (steps 1-2)', async () => {
      stationOf(ctx).evConnected = true;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
    });
    await ctx.step('TransactionEvent Started, CablePluggedIn, EVConnected (steps 3-4)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Started', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected', withEvse: true });
    });
  },
});
