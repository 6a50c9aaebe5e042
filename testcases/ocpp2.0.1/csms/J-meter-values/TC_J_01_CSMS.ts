/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_01_CSMS: with no transaction, the simulated station sends
 * clock-aligned meter values (context Sample.Clock) for the main meter (evseId 0) and every EVSE,
 * three times at the configured clock-aligned interval; the CSMS must answer every MeterValuesRequest.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clockAlignedIntervalMs, connectorsOf, energyReading, nextAlignedTick } from '../_shared/station.js';

/** Part 6: the OCTT ends after three rounds. */
const rounds = 3;

export default defineTestCase({
  id: 'TC_J_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Clock-aligned Meter Values - No transaction ongoing',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['meter-values-evse0-error'],
  async run(ctx) {
    const intervalMs = clockAlignedIntervalMs(ctx);
    const meters = [0, ...connectorsOf(ctx).map((c) => c.evseId)];
    for (let round = 1; round <= rounds; round++) {
      await ctx.step(`Clock-aligned meter values ${round}/${rounds} (steps 1-2)`, async () => {
        const tick = nextAlignedTick(ctx, intervalMs);
        await ctx.sleep(tick.waitMs);
        for (const evseId of meters) {
          await ctx.callExpect('MeterValues', { evseId, meterValue: [energyReading(ctx, 'Sample.Clock', 1000 * round + evseId, tick.timestamp)] });
        }
      });
    }
  },
});
