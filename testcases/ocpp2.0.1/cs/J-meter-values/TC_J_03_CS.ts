/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_03_CS — Clock-aligned Meter Values, EventType
 * Ended: with AlignedDataCtrlr.TxEndedInterval set (and no sampled TxEnded measurands), the
 * TransactionEvent Ended carries the clock-aligned values collected during the transaction
 * (Sample.Clock, one per AlignedDataCtrlr.TxEndedMeasurands entry, one interval apart), optionally
 * closed by a Transaction.End reading (Part 6 TC_J_03_CSMS: "the last one has Transaction.End").
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkEndedIntervalValues, endedEvent, letTransactionRun, meterConfigured, readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Clock-aligned Meter Values - EventType Ended',
  useCases: ['J01', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 'post', checks: 'TransactionEvent Ended: meterValue with Sample.Clock values per AlignedDataCtrlr.TxEndedMeasurands, one AlignedDataCtrlr.TxEndedInterval apart' }],
  detects: ['no-aligned-tx-ended-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = meterConfigured(ctx).alignedTxEndedIntervalS;
    await configure(ctx, [
      { component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
      { component: 'SampledDataCtrlr', variable: 'TxEndedMeasurands', value: '' },
      { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', ifImplemented: true },
    ]);
    const measurands = await readMeasurands(ctx, 'AlignedDataCtrlr', 'TxEndedMeasurands');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    // Two clock-aligned moments at least, so the interval between them can be judged.
    await letTransactionRun(ctx, 2.5 * intervalS);
    await ctx.step('Step 1: ParkingBayUnoccupied (ends the transaction)', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Post scenario: clock-aligned values in TransactionEvent Ended', () => {
      checkEndedIntervalValues(ctx, endedEvent(ctx), { context: 'Sample.Clock', measurands, intervalS, transactionEnd: 'allowed', variable: 'AlignedDataCtrlr.TxEndedInterval' });
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: true });
  },
});
