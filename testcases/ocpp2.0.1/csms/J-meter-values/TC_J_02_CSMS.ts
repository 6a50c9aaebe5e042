/**
 * OCPP 2.0.1 Part 6 §3.11, TC_J_02_CSMS: during a charging session, the simulated station sends
 * clock-aligned meter values (context Sample.Clock) at the configured interval: MeterValues for
 * the main meter (evseId 0) and every idle EVSE, and TransactionEvent Updated MeterValueClock for
 * the transaction. The CSMS must answer every one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clockAlignedIntervalMs, connectorsOf, energyReading, sendTransactionEvent, nextAlignedTick } from '../_shared/station.js';

/** Rounds of clock-aligned values before the case ends (OCTT: until the configured transaction duration). */
const rounds = 3;

export default defineTestCase({
  id: 'TC_J_02_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'J',
  title: 'Clock-aligned Meter Values - Transaction ongoing',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['EnergyTransferStarted'],
  detects: ['meter-values-evse0-error'],
  async run(ctx) {
    const intervalMs = clockAlignedIntervalMs(ctx);
    const idleMeters = [0, ...connectorsOf(ctx).map((c) => c.evseId).filter((id) => id !== ctx.config.evseId)];
    for (let round = 1; round <= rounds; round++) {
      await ctx.step(`Clock-aligned meter values ${round}/${rounds} (steps 1-4)`, async () => {
        const tick = nextAlignedTick(ctx, intervalMs);
        await ctx.sleep(tick.waitMs);
        for (const evseId of idleMeters) {
          await ctx.callExpect('MeterValues', { evseId, meterValue: [energyReading(ctx, 'Sample.Clock', 1000 * round + evseId, tick.timestamp)] });
        }
        await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'MeterValueClock', meterValue: [energyReading(ctx, 'Sample.Clock', 500 * round, tick.timestamp)] });
      });
    }
  },
});
