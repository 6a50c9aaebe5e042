/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_19_CS — Stop transaction options,
 * ParkingBayUnoccupied (Part 2 E06 S1). TxStopPoint ParkingBayOccupancy only: the session runs in
 * the bay up to EVDisconnected (the EV is driven in first, whatever TxStartPoint says); the EV
 * leaving the bay ends the transaction (EVDeparted, stoppedReason Remote after a remote stop, else
 * Local, or omitted after a local stop per Part 6 §2.1).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectTxEvent } from '../_shared/expect.js';
import { journalEnd, parkedEvses, sessionOf, targetOf } from '../_shared/journal.js';
import { checkEvent, configurableOrNone, configurePoints, stopMethod } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Stop transaction options - ParkingBayUnoccupied',
  useCases: ['E06'],
  requirements: ['E06.FR.01', 'E06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-10.5 and (C-52 or NOT (C-10.1 or C-10.2 or C-10.3 or C-10.4)).
  applies: { all: [{ item: 'C-10.5' }, configurableOrNone('C-52', 'C-10.1', 'C-10.2', 'C-10.3', 'C-10.4')] },
  validations: [{ step: 1, checks: 'TransactionEvent triggerReason EVDeparted, stoppedReason Remote (remote stop) else Local (or omitted, §2.1), eventType Ended' }],
  detects: ['no-stop-on-parking-bay'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStopPoint', needs: ['ParkingBayOccupancy'], excludes: ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'Authorized', 'EVConnected'] }]);
    await ctx.step('Before: EVDisconnected (EV in the parking bay)', () => ctx.state('EVDisconnected', { parkingBay: true }));
    const t = targetOf(ctx, {});
    const s = sessionOf(ctx, t.evseId);
    const from = journalEnd(ctx);
    await ctx.step('Manual action and steps 1-2: drive the EV out of the bay; the transaction ends', async () => {
      await ctx.dut('driveOut', { evseId: t.evseId });
      s.parked = false;
      parkedEvses.delete(t.evseId);
      const te = await expectTxEvent(ctx, from, 'the TransactionEvent after the EV left the bay');
      checkEvent(ctx, te, { step: 1, triggerReason: ['EVDeparted'], stoppedReason: stopMethod(ctx) === 'remote' ? ['Remote'] : ['Local', 'omitted'], eventType: ['Ended'] });
      s.txEnded = te.payload['eventType'] === 'Ended';
    });
  },
});
