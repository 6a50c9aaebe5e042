/**
 * OCPP 2.0.1 Part 6 §2.11 (J MeterValues), TC_J_04_CS — Clock-aligned Meter Values, Signed: as
 * TC_J_03_CS with AlignedDataCtrlr.SignReadings true (J01.FR.21): every clock-aligned reading of
 * the Ended event carries a signedMeterValue, its publicKey "" or a valid key per
 * OCPPCommCtrlr.PublicKeyWithSignedMeterValue, and each signature the harness can read (OCMF) is
 * verified over the reported reading. Part 5: C-42 (signed meter values).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { checkSession } from '../E-transactions/session-checks.js';
import { configure, ready } from '../_shared/case-support.js';
import { checkEndedIntervalValues, checkSignedValues, contextOf, endedEvent, letTransactionRun, meterConfigured, readMeasurands } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'J',
  title: 'Clock-aligned Meter Values - Signed',
  useCases: ['J01'],
  requirements: ['J01.FR.21'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-42' },
  validations: [{ step: 'post', checks: 'TransactionEvent Ended: signed Sample.Clock values (signedMeterValue, publicKey per PublicKeyWithSignedMeterValue, signature verified), one AlignedDataCtrlr.TxEndedInterval apart' }],
  detects: ['unsigned-meter-values', 'meter-signature-mismatch', 'no-aligned-tx-ended-values'],
  async run(ctx) {
    await ready(ctx);
    const intervalS = meterConfigured(ctx).alignedTxEndedIntervalS;
    await configure(ctx, [
      { component: 'AlignedDataCtrlr', variable: 'TxEndedInterval', value: String(intervalS) },
      { component: 'AlignedDataCtrlr', variable: 'SendDuringIdle', value: 'false', ifImplemented: true },
      { component: 'AlignedDataCtrlr', variable: 'SignReadings', value: 'true' },
    ]);
    const measurands = await readMeasurands(ctx, 'AlignedDataCtrlr', 'TxEndedMeasurands');
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await letTransactionRun(ctx, 2.5 * intervalS);
    await ctx.step('Step 1: ParkingBayUnoccupied (ends the transaction)', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Post scenario: signed clock-aligned values in TransactionEvent Ended', async () => {
      const ended = endedEvent(ctx);
      // TC_J_04 leaves the sampled TxEnded values as configured: Sample.Periodic may come too.
      checkEndedIntervalValues(ctx, ended, { context: 'Sample.Clock', measurands, intervalS, transactionEnd: 'allowed', variable: 'AlignedDataCtrlr.TxEndedInterval', alsoAllowed: ['Sample.Periodic'] });
      await checkSignedValues(ctx, ended, (s) => contextOf(s) === 'Sample.Clock');
    });
    await checkSession(ctx, { ended: true });
  },
});
