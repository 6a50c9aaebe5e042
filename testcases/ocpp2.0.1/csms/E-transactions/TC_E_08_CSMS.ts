/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_08_CSMS: with TxStopPoint EnergyTransfer, after the driver stopped
 * the session (reusable state StopAuthorized) the energy transfer stops and the simulated station
 * ends the transaction (ChargingStateChanged, EVConnected, stoppedReason Local); the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - EnergyTransfer stopped - StopAuthorized',
  useCases: ['E06'],
  requirements: ['E06.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['StopAuthorized'],
  detects: ['transaction-ended-error'],
  async run(ctx) {
    await ctx.step('Energy transfer stops: TransactionEvent Ended (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'ChargingStateChanged', chargingState: 'EVConnected', stoppedReason: 'Local' });
    });
  },
});
