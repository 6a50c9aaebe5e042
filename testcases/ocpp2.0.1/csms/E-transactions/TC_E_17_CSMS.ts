/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_17_CSMS: with StopTxOnEVSideDisconnect the transaction ends when the
 * EV-side cable is pulled while the EV suspended charging (reusable state EnergyTransferSuspended):
 * TransactionEvent Ended, EVCommunicationLost, Idle, EVDisconnected; the CSMS must take it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_17_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - EV side disconnect',
  useCases: ['E06'],
  requirements: ['E06.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferSuspended'],
  detects: ['suspended-ev-error', 'transaction-ended-error'],
  async run(ctx) {
    await ctx.step('The EV-side cable is pulled: TransactionEvent Ended (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' });
    });
  },
});
