/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_03_CSMS: during a charging session the simulated station collects
 * clock-aligned values (Sample.Clock, one per configured clock-aligned Tx ended interval) and sends
 * them, closed by a Transaction.End reading, in the TransactionEvent Ended of the reusable state
 * EVDisconnected. The CSMS must answer it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { evDisconnectedWith, intervalsOf, txEndedValues } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Clock-aligned Meter Values - EventType Ended',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['ended-meter-values-error'],
  async run(ctx) {
    const startMs = ctx.clock.wallMs();
    await ctx.step('Step 1: EVDisconnected, TransactionEvent Ended with the clock-aligned values', async () => {
      const meterValue = await txEndedValues(ctx, { startMs, intervalMs: intervalsOf(ctx).alignedTxEndedMs, aligned: true, context: 'Sample.Clock', signed: false });
      await evDisconnectedWith(ctx, meterValue);
    });
  },
});
