/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_11_CS — Sampled Meter Values, Signed: as
 * TC_J_10_CS with SampledDataCtrlr.SignReadings true (J02.FR.21): the sampled readings of the Ended
 * event (Sample.Periodic and Transaction.End) carry a signedMeterValue, its publicKey "" or a valid
 * key per OCPPCommCtrlr.PublicKeyWithSignedMeterValue, and each signature the harness can read
 * (OCMF) is verified over the reported reading. Part 5: C-42.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkEndedIntervalValues, checkSignedValues, contextOf, endedEvent, letTransactionRun, meterConfigured, readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Sampled Meter Values - Signed',
  useCases: ['J02'],
  requirements: ['J02.FR.21'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-42' },
  validations: [{ step: 'post', checks: 'TransactionEvent Ended: signed Sample.Periodic and Transaction.End values (signedMeterValue, publicKey per PublicKeyWithSignedMeterValue, signature verified), one SampledDataCtrlr.TxEndedInterval apart' }],
  detects: ['unsigned-meter-values', 'meter-signature-mismatch', 'no-sampled-tx-ended-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = meterConfigured(ctx).sampledTxEndedIntervalS;
    await configure(ctx, [
      { component: 'SampledDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
      { component: 'SampledDataCtrlr', variable: 'SignReadings', value: 'true' },
    ]);
    const measurands = await readMeasurands(ctx, 'SampledDataCtrlr', 'TxEndedMeasurands');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await letTransactionRun(ctx, 2.5 * intervalS);
    await ctx.step('Step 1: ParkingBayUnoccupied (ends the transaction)', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Post scenario: signed sampled values in TransactionEvent Ended', async () => {
      const ended = endedEvent(ctx);
      // TC_J_11 leaves the clock-aligned TxEnded values as configured: Sample.Clock may come too.
      checkEndedIntervalValues(ctx, ended, { context: 'Sample.Periodic', measurands, intervalS, transactionEnd: 'required', variable: 'SampledDataCtrlr.TxEndedInterval', alsoAllowed: ['Sample.Clock'] });
      const sampled = new Set(measurands);
      await checkSignedValues(ctx, ended, (s) => contextOf(s) === 'Sample.Periodic' || (contextOf(s) === 'Transaction.End' && sampled.has(s.measurand ?? 'Energy.Active.Import.Register')));
    });
    await checkSession(ctx, { ended: true });
  },
});
