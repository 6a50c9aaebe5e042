/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_09_CS — Start transaction options, EVConnected
 * (Part 2 E01 S2). TxStartPoint EVConnected (not ParkingBayOccupancy): connecting the EV, without
 * any authorization, makes the connector Occupied and starts the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus, expectTxEvent } from '../_shared/expect.js';
import { journalEnd, sessionOf, targetOf } from '../_shared/journal.js';
import { checkEvent, configurableOrNone, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - EVConnected',
  useCases: ['E01'],
  requirements: ['E01.FR.02', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-09.1 and (C-51 or NOT C-09.6).
  applies: { all: [{ item: 'C-09.1' }, configurableOrNone('C-51', 'C-09.6')] },
  validations: [
    { step: 1, checks: 'connector status Occupied (StatusNotification or NotifyEvent AvailabilityState)' },
    { step: 3, checks: 'TransactionEvent Started, triggerReason CablePluggedIn or ChargingStateChanged, evse with connectorId, chargingState EVConnected' },
  ],
  detects: ['no-start-on-ev-connected'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['EVConnected'], excludes: ['ParkingBayOccupancy'] }]);
    await ctx.step('Before: ParkingBayOccupied', () => ctx.state('ParkingBayOccupied'));
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: connect the EV; connector Occupied', async () => {
      await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
      sessionOf(ctx, t.evseId).evConnected = true;
      await expectConnectorStatus(ctx, 'Occupied', t, { from, step: 1 });
    });
    await ctx.step('Steps 3-4: TransactionEvent Started for the connected EV', async () => {
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the EV was connected');
      checkEvent(ctx, te, { step: 3, eventType: ['Started'], triggerReason: ['CablePluggedIn', 'ChargingStateChanged'], evse: true, chargingState: ['EVConnected'] });
    });
  },
});
