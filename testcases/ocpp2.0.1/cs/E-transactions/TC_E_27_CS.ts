/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_27_CS — Disconnect cable on EV-side, suspend
 * transaction, fixed cable connection timeout. A station with a permanently attached cable (HFS-2),
 * StopTxOnEVSideDisconnect and UnlockOnEVSideDisconnect false: the cable pulled out of the EV
 * suspends the transaction (Updated, EVCommunicationLost, Idle; step 1), the connector is Available
 * (step 3), and when the EV is not back within TxCtrlr.EVConnectionTimeOut the transaction is
 * deauthorized (EVConnectTimeout; Ended with stoppedReason Timeout where TxStopPoint holds
 * Authorized, Updated where it holds ParkingBayOccupancy; step 5) — Part 2 E10.FR.02/03.
 * Part 6 also names a reconnection "before the configured EVConnectionTimeout expires" but then
 * validates the timeout: the case lets the timeout pass, as its purpose says. The demo runs it
 * against the `fixed-cable` variant.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, configured, journalMark, ready, txInfo } from '../_shared/case-support.js';
import { frames, sessionOf } from '../_shared/journal.js';
import { expectAvailable, expectEvCommunicationLost, suspendConditions } from './ev-side.js';

export default defineTestCase({
  id: 'TC_E_27_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Disconnect cable on EV-side - Suspend transaction - Fixed cable connection timeout',
  useCases: ['E10'],
  requirements: ['E10.FR.02', 'E10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: (C-10.2 or C-10.5) and (C-52 or not (C-10.1 or C-10.3 or C-10.4)) and C-06.1 and C-12.2 and HFS-2 and AQ-9.
  applies: { all: [...suspendConditions, { item: 'HFS-2' }] },

  validations: [
    { step: 1, checks: 'TransactionEvent Updated, triggerReason EVCommunicationLost, chargingState Idle' },
    { step: 3, checks: 'connector Available (StatusNotification, or NotifyEvent Delta Connector.AvailabilityState Available)' },
    { step: 5, checks: 'TransactionEvent triggerReason EVConnectTimeout: Ended with stoppedReason Timeout when TxStopPoint holds Authorized, Updated when it holds ParkingBayOccupancy' },
  ],
  detects: ['ignores-ev-connection-timeout', 'ev-side-disconnect-ends-transaction'],
  async run(ctx) {
    await ready(ctx);
    const timeoutS = configured(ctx).evConnectionTimeoutS;
    await configure(ctx, [
      // "TxStopPoint contains Authorized (If supported)": the timeout then ends the transaction.
      { component: 'TxCtrlr', variable: 'TxStopPoint', value: 'Authorized' },
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(timeoutS) },
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false' },
    ]);
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    const s = sessionOf(ctx, ctx.config.evseId);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    const lost = journalMark(ctx);
    const suspended = await ctx.step('Manual action: disconnect on the EV side; steps 1-2: TransactionEvent EVCommunicationLost', async () => {
      await ctx.dut('unplugEvSide', where);
      return expectEvCommunicationLost(ctx, lost, 1, 'Updated');
    });
    await ctx.step('Steps 3-4 (permanently attached cable): the connector is Available', () => expectAvailable(ctx, lost, 3));
    await ctx.step(`Steps 5-6: the EV stays away; after EVConnectionTimeOut (${timeoutS} s) TransactionEvent EVConnectTimeout`, async () => {
      const te = await ctx.expectCall('TransactionEvent', { from: suspended.index + 1, match: (p) => p['triggerReason'] === 'EVConnectTimeout', withinMs: timeoutS * 1000 + ctx.config.messageTimeoutMs, describe: 'the TransactionEvent of the connection timeout', step: 5 });
      ctx.check('TransactionEvent eventType (TxStopPoint Authorized)', te.payload['eventType'] === 'Ended', { expected: 'Ended', actual: te.payload['eventType'], frames: frames(te), step: 5 });
      ctx.check('TransactionEvent transactionInfo.stoppedReason', txInfo(te).stoppedReason === 'Timeout', { expected: 'Timeout', actual: txInfo(te).stoppedReason ?? 'absent', frames: frames(te), step: 5 });
      // The transaction is over (the restore need not stop it); the EV is not connected.
      s.authorized = false;
      s.evConnected = false;
      s.energy = false;
      if (te.payload['eventType'] === 'Ended') {
        s.transactionId = undefined;
        s.txEnded = true;
      }
    });
  },
});
