/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_08_CS — Sampled Meter Values, Context
 * Transaction.Begin, EVSE not known: with a transaction that starts before the cable is plugged in
 * (TxStartPoint Authorized or ParkingBayOccupancy), the Transaction.Begin values (one per
 * SampledDataCtrlr.TxStartedMeasurands entry) come in the first TransactionEvent that reports the
 * EVSE — as soon as the EVSE is known (Part 2 E01.FR.16/17). Part 5: NOT AQ-8 and C-09.2 or C-09.6.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { ready, transactionEvents } from '../_shared/case-support.js';
import { checkBeginValues, ensureStartPoint } from './begin-values.js';
import { readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.16', 'E01.FR.17', 'E03.FR.11', 'E04.FR.11', 'E05.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a station that does not enforce the EVSE before the authorization (NOT AQ-8), starting at Authorized or ParkingBayOccupancy.
  applies: { all: [{ not: { item: 'AQ-8' } }, { any: [{ item: 'C-09.2' }, { item: 'C-09.6' }] }] },
  validations: [{ step: 'post', checks: 'the first TransactionEvent with evse: meterValue with Transaction.Begin values per SampledDataCtrlr.TxStartedMeasurands' }],
  detects: ['no-tx-started-meter-values'],
  async run(ctx) {
    await ready(ctx);
    await ensureStartPoint(ctx, ['Authorized', 'ParkingBayOccupancy'], 'Authorized', false);
    const measurands = await readMeasurands(ctx, 'SampledDataCtrlr', 'TxStartedMeasurands');
    await ctx.step('Step 1: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Post scenario: Transaction.Begin values in the first TransactionEvent with evse', () => {
      const withEvse = transactionEvents(ctx).find((e) => e.payload['evse'] !== undefined);
      if (!withEvse) return ctx.fail('no TransactionEvent reported the evse');
      checkBeginValues(ctx, withEvse, measurands, `the first TransactionEvent with evse (${String(withEvse.payload['eventType'])} ${String(withEvse.payload['triggerReason'])})`);
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: false });
  },
});
