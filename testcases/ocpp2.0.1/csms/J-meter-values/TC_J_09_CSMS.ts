/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_09_CSMS: during a charging session the simulated station sends
 * TransactionEvent Updated, triggerReason MeterValuePeriodic, with a Sample.Periodic reading every
 * configured sampled Meter Values interval, three times. The CSMS must answer every one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { sendTransactionEvent } from '../_shared/station.js';
import { intervalsOf, reading } from './tx-values.js';

/** Part 6: the OCTT ends the case after three MeterValues. */
const rounds = 3;

export default defineTestCase({
  id: 'TC_J_09_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Sampled Meter Values - EventType Updated',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['periodic-meter-values-error'],
  async run(ctx) {
    const intervalMs = intervalsOf(ctx).sampledMs;
    let next = ctx.clock.wallMs() + intervalMs;
    for (let round = 1; round <= rounds; round++) {
      await ctx.step(`Steps 1-2: periodic meter values ${round}/${rounds}`, async () => {
        await ctx.sleep(Math.max(0, next - ctx.clock.wallMs()));
        await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', meterValue: [reading(ctx, 'Sample.Periodic', 1000 + 250 * round, next)] });
        next += intervalMs;
      });
    }
  },
});
