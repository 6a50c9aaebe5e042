/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_22_CSMS: with TxStopPoint EnergyTransfer the EV stops drawing
 * energy and the transaction ends (TransactionEvent Ended, ChargingStateChanged, SuspendedEV,
 * stoppedReason StoppedByEV); the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_22_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  useCases: ['E06'],
  requirements: ['E06.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['unusual-stopped-reason-error', 'suspended-ev-error'],
  async run(ctx) {
    await ctx.step('The EV stops the energy transfer: TransactionEvent Ended (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV', stoppedReason: 'StoppedByEV' });
    });
  },
});
