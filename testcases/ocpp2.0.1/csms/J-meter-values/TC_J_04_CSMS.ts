/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_04_CSMS: during a charging session the simulated station collects
 * clock-aligned values (Sample.Clock, one per configured clock-aligned Tx ended interval) and sends
 * them, closed by a Transaction.End reading, in the TransactionEvent Ended of the reusable state
 * EVDisconnected, each signed with the simulated meter's key (<Generated SignedMeterValueType>, OCMF). The CSMS must answer it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { evDisconnectedWith, intervalsOf, txEndedValues } from './tx-values.js';

export default defineTestCase({
  id: 'TC_J_04_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Clock-aligned Meter Values - Signed',
  useCases: ['J01'],
  requirements: ['J01.FR.21'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['signed-meter-value-error'],
  async run(ctx) {
    const startMs = ctx.clock.wallMs();
    await ctx.step('Step 1: EVDisconnected, TransactionEvent Ended with the clock-aligned values', async () => {
      const meterValue = await txEndedValues(ctx, { startMs, intervalMs: intervalsOf(ctx).alignedTxEndedMs, aligned: true, context: 'Sample.Clock', signed: true });
      await evDisconnectedWith(ctx, meterValue);
    });
  },
});
