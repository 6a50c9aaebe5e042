/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_17_CS — Stop transaction options, Deauthorized, EV
 * side disconnect (Part 2 E06 S3, E09; prerequisites per errata 2025-01 §6.2.10). TxStopPoint
 * Authorized (not EVConnected, PowerPathClosed, EnergyTransfer), StopTxOnEVSideDisconnect true,
 * UnlockOnEVSideDisconnect false: the cable leaving the EV deauthorizes and so ends the transaction;
 * with a detachable cable the idToken unlocks it and the connector becomes Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authConfiguration } from '../C-authorization/rejected-token.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { sessionOf, targetOf } from '../_shared/journal.js';
import { checkEvent, configurePoints } from './tx-points.js';
import { evSideDisconnect } from './tx-stops.js';

export default defineTestCase({
  id: 'TC_E_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - Deauthorized - EV side disconnect',
  useCases: ['E06'],
  requirements: ['E06.FR.04', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Errata 2025-01 §5.3: C-10.2 and C-06.2 and AQ-9 and NOT (NOT C-52 AND (C-10.1 or C-10.3 or C-10.4)).
  applies: { all: [{ item: 'C-10.2' }, { item: 'C-06.2' }, { item: 'AQ-9' }, { not: { all: [{ not: { item: 'C-52' } }, { any: [{ item: 'C-10.1' }, { item: 'C-10.3' }, { item: 'C-10.4' }] }] } }] },
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason EVCommunicationLost, chargingState Idle, stoppedReason EVDisconnected, eventType Ended' },
    { step: 3, checks: 'connector status Available (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['ignores-stop-tx-on-ev-side-disconnect'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(
      ctx,
      [{ variable: 'TxStopPoint', needs: ['Authorized'], excludes: ['EVConnected', 'PowerPathClosed', 'EnergyTransfer'] }],
      [
        { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'true' },
        { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
        ...authConfiguration,
      ],
    );
    await ctx.step('Before: EnergyTransferSuspended', () => ctx.state('EnergyTransferSuspended'));
    const t = targetOf(ctx, {});
    const s = sessionOf(ctx, t.evseId);
    const token = s.idToken ?? t.idToken;
    const { from } = await ctx.step('Manual action and steps 1-2: disconnect the cable at the EV side; the transaction ends', async () => {
      const out = await evSideDisconnect(ctx);
      checkEvent(ctx, out.te, { step: 1, triggerReason: ['EVCommunicationLost'], chargingState: ['Idle'], stoppedReason: ['EVDisconnected'], eventType: ['Ended'] });
      return out;
    });
    await ctx.step('Manual actions and steps 3-4: unlock with the idToken, disconnect at the station side; connector Available', async () => {
      // Part 6: both manual actions only for a detachable cable (PICS HFS-1; a fixed cable is Available already).
      if (ctx.pics.items['HFS-1'] !== false) {
        await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: token.idToken, type: token.type });
        await ctx.dut('unplugStationSide', { evseId: t.evseId, connectorId: t.connectorId });
      }
      s.evConnected = false;
      s.disconnected = true;
      await expectConnectorStatus(ctx, 'Available', t, { from, step: 3 });
    });
  },
});
