/**
 * OCPP 2.0.1 Part 6 §3.6, TC_E_26_CSMS: the EV-side cable is pulled while charging is suspended and
 * the simulated station only suspends the transaction (Updated, EVCommunicationLost, Idle;
 * connector Available); the cable comes back (CablePluggedIn) and energy flows again. The
 * transaction goes on throughout: the CSMS must take every event of it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus, sendTransactionEvent, stationOf } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_E_26_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'E',
  title: 'Disconnect cable on EV-side - Suspend transaction',
  useCases: ['E10'],
  requirements: ['E10.FR.01'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferSuspended'],
  detects: ['closes-tx-on-ev-communication-lost', 'suspended-ev-error'],
  async run(ctx) {
    const { evseId, connectorId } = ctx.config;
    await ctx.step('The EV-side cable is pulled: TransactionEvent Updated, EVCommunicationLost (steps 1-2)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'EVCommunicationLost', chargingState: 'Idle' });
    });
    await ctx.step('The connector is Available (steps 3-4)', async () => {
      stationOf(ctx).evConnected = false;
      await reportStatus(ctx, evseId, connectorId, 'Available');
    });
    await ctx.step('The cable is back: TransactionEvent Updated, CablePluggedIn (steps 5-6)', async () => {
      stationOf(ctx).evConnected = true;
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected' });
    });
    await ctx.step('Energy flows again: TransactionEvent Updated, Charging (steps 7-8)', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' });
    });
  },
});
