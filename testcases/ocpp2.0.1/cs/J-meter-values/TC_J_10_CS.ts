/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_10_CS — Sampled Meter Values, EventType Ended:
 * with SampledDataCtrlr.TxEndedInterval set (and no clock-aligned TxEnded measurands), the
 * TransactionEvent Ended carries the values sampled during the transaction (Sample.Periodic, one per
 * SampledDataCtrlr.TxEndedMeasurands entry, one interval apart) and a Transaction.End reading.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkEndedIntervalValues, endedEvent, letTransactionRun, meterConfigured, readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Sampled Meter Values - EventType Ended',
  useCases: ['J02', 'E06', 'E07', 'E08', 'E09', 'E10', 'E12'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E06.FR.11', 'E06.FR.17', 'E07.FR.08', 'E07.FR.13', 'E08.FR.09', 'E09.FR.05', 'E10.FR.04', 'E12.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 'post', checks: 'TransactionEvent Ended: Sample.Periodic values per SampledDataCtrlr.TxEndedMeasurands one SampledDataCtrlr.TxEndedInterval apart, and a Transaction.End reading' }],
  detects: ['no-sampled-tx-ended-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = meterConfigured(ctx).sampledTxEndedIntervalS;
    await configure(ctx, [
      { component: 'SampledDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
      { component: 'AlignedDataCtrlr', variable: 'TxEndedMeasurands', value: '' },
    ]);
    const measurands = await readMeasurands(ctx, 'SampledDataCtrlr', 'TxEndedMeasurands');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    // Two sampling moments at least, so the interval between them can be judged.
    await letTransactionRun(ctx, 2.5 * intervalS);
    await ctx.step('Step 1: ParkingBayUnoccupied (ends the transaction)', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Post scenario: sampled values in TransactionEvent Ended', () => {
      checkEndedIntervalValues(ctx, endedEvent(ctx), { context: 'Sample.Periodic', measurands, intervalS, transactionEnd: 'required', variable: 'SampledDataCtrlr.TxEndedInterval' });
      return Promise.resolve();
    });
    await checkSession(ctx, { ended: true });
  },
});
