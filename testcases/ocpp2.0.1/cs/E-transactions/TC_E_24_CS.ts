/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_24_CS — Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is true.
 * StopTxOnEVSideDisconnect true: the cable pulled out at the EV side ends the authorization (a
 * TransactionEvent EVCommunicationLost, Idle); with UnlockOnEVSideDisconnect true the cable may then
 * leave the station side, and the connector is Available (Part 2 E09.FR.01/02/04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, journalMark, ready } from '../_shared/case-support.js';
import { sessionOf } from '../_shared/journal.js';
import { detachableCable, expectAvailable, expectEvCommunicationLost } from './ev-side.js';

export default defineTestCase({
  id: 'TC_E_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Disconnect cable on EV-side - Deauthorize transaction - UnlockOnEVSideDisconnect is true',
  useCases: ['E09'],
  requirements: ['E09.FR.01', 'E09.FR.02', 'E09.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: HFS-1 and C-06.2 and C-12.1 and AQ-9 ("NOT Product Subtype Mode 1/2-only" is no PICS item).
  applies: { all: ['HFS-1', 'C-06.2', 'C-12.1', 'AQ-9'].map((item) => ({ item })) },
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason EVCommunicationLost, chargingState Idle' },
    { step: 3, checks: 'connector Available: StatusNotification, or NotifyEvent Delta Connector.AvailabilityState Available' },
  ],
  detects: ['ev-side-disconnect-not-idle', 'no-status-on-plug'],
  async run(ctx) {
    await ready(ctx);
    await configure(ctx, [
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'true' },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'true' },
    ]);
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    const s = sessionOf(ctx, ctx.config.evseId);
    const evseId = ctx.config.evseId;
    const lost = journalMark(ctx);
    await ctx.step('Manual action: disconnect on the EV side; steps 1-2: TransactionEvent EVCommunicationLost', async () => {
      await ctx.dut('unplugEvSide', { evseId, connectorId: ctx.config.connectorId });
      const te = await expectEvCommunicationLost(ctx, lost, 1);
      s.txEnded = te.payload['eventType'] === 'Ended';
      s.evConnected = false;
    });
    const from = journalMark(ctx);
    await ctx.step('Manual action: disconnect on the station side; steps 3-4: the connector is Available', async () => {
      if (detachableCable(ctx)) await ctx.dut('unplugStationSide', { evseId, connectorId: ctx.config.connectorId });
      await expectAvailable(ctx, from, 3);
      s.disconnected = true;
    });
  },
});
