/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_10_CSMS: during a charging session the simulated station samples
 * the meter (Sample.Periodic, every configured sampled Tx ended interval from the start) and sends
 * the values, closed by a Transaction.End reading, in the TransactionEvent Ended of the reusable
 * state EVDisconnected. The CSMS must answer it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { evDisconnectedWith, intervalsOf, txEndedValues } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_10_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Sampled Meter Values - EventType Ended',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['ended-meter-values-error'],
  async run(ctx) {
    const startMs = ctx.clock.wallMs();
    await ctx.step('Step 1: EVDisconnected, TransactionEvent Ended with the sampled values', async () => {
      const meterValue = await txEndedValues(ctx, { startMs, intervalMs: intervalsOf(ctx).sampledTxEndedMs, aligned: false, context: 'Sample.Periodic', signed: false });
      await evDisconnectedWith(ctx, meterValue);
    });
  },
});
