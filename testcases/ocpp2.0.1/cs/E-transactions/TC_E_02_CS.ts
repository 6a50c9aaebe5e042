/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_02_CS — Start transaction options, EnergyTransfer
 * (Part 2 E01 S6). TxStartPoint EnergyTransfer alone: authorized, then the cable; the connector is
 * Occupied and the transaction starts only with the energy: Started with chargingState Charging.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus, expectTxEvent } from '../_shared/expect.js';
import { journalEnd, targetOf } from '../_shared/journal.js';
import { checkEvent, configurableOrNone, configurePoints, startMethod } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - EnergyTransfer',
  useCases: ['E01'],
  requirements: ['E01.FR.06', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-09.5 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.3 or C-09.4 or C-09.6)).
  applies: { all: [{ item: 'C-09.5' }, configurableOrNone('C-51', 'C-09.1', 'C-09.2', 'C-09.3', 'C-09.4', 'C-09.6')] },
  validations: [
    { step: 1, checks: 'connector status Occupied (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 3, checks: 'TransactionEvent Started, triggerReason RemoteStart (remote) else ChargingStateChanged or Authorized, configured idToken, evse with connectorId, chargingState Charging' },
  ],
  detects: ['energy-transfer-start-early', 'starts-at-authorized'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['EnergyTransfer'], excludes: ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned', 'PowerPathClosed'] }]);
    await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: connect the EV; connector Occupied', async () => {
      await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
      await expectConnectorStatus(ctx, 'Occupied', t, { from, step: 1 });
    });
    await ctx.step('Steps 3-4: TransactionEvent Started with the energy transfer', async () => {
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the EV was connected');
      checkEvent(ctx, te, { step: 3, eventType: ['Started'], triggerReason: startMethod(ctx) === 'remote' ? ['RemoteStart'] : ['ChargingStateChanged', 'Authorized'], idToken: t.idToken, evse: true, chargingState: ['Charging'] });
    });
  },
});
