/**
 * OCPP 2.0.1 Part 6 §2.6 (E Transactions), TC_E_01_CS — Start transaction options, PowerPathClosed
 * (Part 2 E01 S5). TxStartPoint PowerPathClosed (without an earlier start point): authorized first,
 * then EVConnectedPreSession; the transaction must start with the cable, not at the authorization.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready, transactionEvents } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { checkSession } from './session-checks.js';
import { configurableOrNone, configurePoints } from './tx-points.js';

export default defineTestCase({
  id: 'TC_E_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'E',
  title: 'Start transaction options - PowerPathClosed',
  useCases: ['E01'],
  requirements: ['E01.FR.05', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: C-09.4 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.3 or C-09.6)).
  applies: { all: [{ item: 'C-09.4' }, configurableOrNone('C-51', 'C-09.1', 'C-09.2', 'C-09.3', 'C-09.6')] },
  detects: ['starts-at-authorized'],
  async run(ctx) {
    await ready(ctx);
    await configurePoints(ctx, [{ variable: 'TxStartPoint', needs: ['PowerPathClosed'], excludes: ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned'] }]);
    await ctx.step('Before: Authorized', () => ctx.state('Authorized'));
    const plugged = journalEnd(ctx);
    await ctx.step('Step 1: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('The transaction started with the closed power path, not before', () => {
      const events = transactionEvents(ctx);
      const early = events.filter((e) => e.index < plugged);
      const started = events.find((e) => e.payload['eventType'] === 'Started');
      ctx.check('no TransactionEvent before the EV was connected (TxStartPoint PowerPathClosed)', early.length === 0, { expected: 'none', actual: early.map((e) => `${String(e.payload['eventType'])}/${String(e.payload['triggerReason'])}`).join(', ') || 'none', frames: early.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])) });
      ctx.check('eventType Started after the EV was connected', started !== undefined && started.index >= plugged, { expected: 'Started after the cable', actual: started ? `Started at journal ${started.index}, cable at ${plugged}` : 'no Started', frames: started?.frameSeq === undefined ? [] : [started.frameSeq] });
      // The authorization came first: a transaction the authorization started says so (E01.FR.05), even when its event is late on the wire.
      ctx.check('the Started event was not triggered by the authorization', started !== undefined && started.payload['triggerReason'] !== 'Authorized', { expected: 'triggerReason of the cable or the power path (not Authorized)', actual: started ? String(started.payload['triggerReason']) : 'no Started', frames: started?.frameSeq === undefined ? [] : [started.frameSeq] });
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: false });
  },
});
