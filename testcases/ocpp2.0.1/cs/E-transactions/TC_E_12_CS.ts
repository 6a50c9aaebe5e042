/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_12_CS — Start transaction options,
 * ParkingBayOccupied (Part 2 E01 S1). TxStartPoint ParkingBayOccupancy: the EV driving into the bay
 * starts the transaction (Started, triggerReason EVDetected). The restore drives it out again.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { journalEnd, parkedEvses, sessionOf, targetOf } from '../_shared/journal.js';
import { checkEvent, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - ParkingBayOccupied',
  useCases: ['E01'],
  requirements: ['E01.FR.01', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-09.6' },
  validations: [{ step: 1, checks: 'TransactionEvent Started, triggerReason EVDetected' }],
  detects: ['no-start-on-parking-bay'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['ParkingBayOccupancy'] }]);
    const t = targetOf(ctx, {});
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: drive the EV into the parking bay; TransactionEvent Started', async () => {
      await ctx.dut('driveIn', { evseId: t.evseId });
      sessionOf(ctx, t.evseId).parked = true;
      parkedEvses.add(t.evseId);
      const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the EV entered the bay');
      checkEvent(ctx, te, { step: 1, eventType: ['Started'], triggerReason: ['EVDetected'] });
    });
  },
});
