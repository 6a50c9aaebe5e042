/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_26_CS — Disconnect cable on EV-side, suspend
 * transaction. StopTxOnEVSideDisconnect false and TxStopPoint Authorized: the cable pulled out at the
 * EV side suspends the transaction (Updated, EVCommunicationLost, Idle) and keeps its authorization;
 * reconnected, the EV is reported (Updated, CablePluggedIn, EVConnected) and charges again (Updated,
 * ChargingStateChanged, Charging) (Part 2 E10.FR.01/03). A permanently attached cable makes the
 * connector Available meanwhile (step 3).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, journalMark, ready, txInfo } from '../_shared/case-support.js';
import { frames, sessionOf } from '../_shared/journal.js';
import { detachableCable, expectAvailable, expectEvCommunicationLost, suspendConditions } from './ev-side.js';

export default defineTestCase({
  id: 'TC_E_26_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Disconnect cable on EV-side - Suspend transaction',
  useCases: ['E10'],
  requirements: ['E10.FR.01', 'E10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: (C-10.2 or C-10.5) and (C-52 or not (C-10.1 or C-10.3 or C-10.4)) and C-06.1 and C-12.2 and AQ-9.
  applies: { all: suspendConditions },

  validations: [
    { step: 1, checks: 'TransactionEvent Updated, triggerReason EVCommunicationLost, chargingState Idle' },
    { step: 3, checks: 'permanently attached cable: connector Available (StatusNotification, or NotifyEvent Delta Connector.AvailabilityState Available)' },
    { step: 5, checks: 'TransactionEvent Updated, triggerReason CablePluggedIn, chargingState EVConnected' },
    { step: 7, checks: 'TransactionEvent Updated, triggerReason ChargingStateChanged, chargingState Charging' },
  ],
  detects: ['ev-side-disconnect-ends-transaction', 'ev-side-disconnect-not-idle'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [
      // "TxStopPoint contains Authorized (If supported) AND/OR ParkingBayOccupancy (If supported)": none of the cable's points.
      { component: 'TxCtrlr', variable: 'TxStopPoint', value: 'Authorized' },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false' },
    ]);
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    const s = sessionOf(ctx, ctx.config.evseId);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    const lost = journalMark(ctx);
    await ctx.step('Manual action: disconnect on the EV side; steps 1-2: TransactionEvent EVCommunicationLost', async () => {
      await ctx.dut('unplugEvSide', where);
      await expectEvCommunicationLost(ctx, lost, 1, 'Updated');
    });
    if (!detachableCable(ctx)) await ctx.step('Steps 3-4 (permanently attached cable): the connector is Available', () => expectAvailable(ctx, lost, 3));
    const back = journalMark(ctx);
    await ctx.step('Manual action: reconnect on the EV side; steps 5-8: CablePluggedIn, then Charging', async () => {
      await ctx.dut('plugInEvSide', where);
      const plugged = await ctx.expectCall('TransactionEvent', { from: back, describe: 'the TransactionEvent after the EV was reconnected', step: 5 });
      ctx.check('TransactionEvent triggerReason', plugged.payload['triggerReason'] === 'CablePluggedIn', { expected: 'CablePluggedIn', actual: plugged.payload['triggerReason'], frames: frames(plugged), step: 5 });
      ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(plugged).chargingState === 'EVConnected', { expected: 'EVConnected', actual: txInfo(plugged).chargingState ?? 'absent', frames: frames(plugged), step: 5 });
      ctx.check('TransactionEvent eventType', plugged.payload['eventType'] === 'Updated', { expected: 'Updated', actual: plugged.payload['eventType'], frames: frames(plugged), step: 5 });
      const charging = await ctx.expectCall('TransactionEvent', { from: plugged.index + 1, describe: 'the TransactionEvent when the energy flows again', step: 7 });
      ctx.check('TransactionEvent triggerReason', charging.payload['triggerReason'] === 'ChargingStateChanged', { expected: 'ChargingStateChanged', actual: charging.payload['triggerReason'], frames: frames(charging), step: 7 });
      ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(charging).chargingState === 'Charging', { expected: 'Charging', actual: txInfo(charging).chargingState ?? 'absent', frames: frames(charging), step: 7 });
      ctx.check('TransactionEvent eventType', charging.payload['eventType'] === 'Updated', { expected: 'Updated', actual: charging.payload['eventType'], frames: frames(charging), step: 7 });
      s.evConnected = true;
      s.energy = true;
    });
  },
});
