/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_14_CS — Stop transaction options, EVDisconnected,
 * Charging Station side (Part 2 E06 S2). TxStopPoint EVConnected only: from EVConnectedPostSession
 * the cable is disconnected; the connector becomes Available and the transaction ends
 * (EVCommunicationLost, Idle, stoppedReason Remote after a remote stop, else Local / EVDisconnected /
 * omitted).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus, expectTxEvent } from '../_shared/expect.js';
import { journalEnd, sessionOf, targetOf } from '../_shared/journal.js';
import { checkEvent, configurableOrNone, configurePoints, stopMethod } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - EVDisconnected - Charging Station side',
  useCases: ['E06'],
  requirements: ['E06.FR.02', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: HFS-1 and C-10.1 and (C-52 or NOT (C-10.2 or C-10.3 or C-10.4)).
  applies: { all: [{ item: 'HFS-1' }, { item: 'C-10.1' }, configurableOrNone('C-52', 'C-10.2', 'C-10.3', 'C-10.4')] },
  validations: [
    { step: 1, checks: 'connector status Available (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 3, checks: 'TransactionEvent triggerReason EVCommunicationLost, chargingState Idle, stoppedReason Remote (remote stop) else Local, EVDisconnected or omitted, eventType Ended' },
  ],
  detects: ['no-status-on-plug', 'wrong-stop-reason'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['EVConnected'], excludes: ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'Authorized'] }]);
    await ctx.step('Before: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession'));
    const t = targetOf(ctx, {});
    const s = sessionOf(ctx, t.evseId);
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: disconnect the cable; connector Available', async () => {
      await ctx.dut('unplug', { evseId: t.evseId, connectorId: t.connectorId });
      s.evConnected = false;
      s.disconnected = true;
      await expectConnectorStatus(ctx, 'Available', t, { from, step: 1 });
    });
    await ctx.step('Steps 3-4: TransactionEvent Ended for the disconnected EV', async () => {
      const te = await expectTxEvent(ctx, from, 'the TransactionEvent after the cable was disconnected');
      checkEvent(ctx, te, { step: 3, triggerReason: ['EVCommunicationLost'], chargingState: ['Idle'], stoppedReason: stopMethod(ctx) === 'remote' ? ['Remote'] : ['Local', 'EVDisconnected', 'omitted'], eventType: ['Ended'] });
      s.txEnded = te.payload['eventType'] === 'Ended';
    });
  },
});
