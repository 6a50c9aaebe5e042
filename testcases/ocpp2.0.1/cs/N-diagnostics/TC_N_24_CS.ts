// OCPP 2.0.1 Part 6 §2.15, TC_N_24_CS as errata 2025-01 §6.2.23 has it: a Periodic monitor of 2 s
// on a monitorable variable (EVSE AvailabilityState) reports every 2 s (Part 2 N08.FR.05/06): two
// consecutive Periodic events, their gap within the tolerance of the interval.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { expectEvent } from './monitoring-events.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Periodic event',
  useCases: ['N07', 'N08'],
  requirements: ['N04.FR.01', 'N04.FR.08', 'N08.FR.05', 'N08.FR.06'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: Accepted, EVSE <evseId>, AvailabilityState, statusInfo absent or NoError' },
    { step: 3, checks: 'a NotifyEvent with trigger Periodic for EVSE <evseId> AvailabilityState every 2 seconds (errata 2025-01)' },
  ],
  detects: ['no-periodic-event'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    // Errata 2025-01 §6.2.23: value 2 (was <Configured Clock Aligned MeterValues Interval>).
    const intervalS = 2;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      const from = journalMark(ctx);
      const id = await ctx.step(`Steps 1-2: SetVariableMonitoring Periodic ${intervalS} s on EVSE AvailabilityState`, async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Periodic', intervalS, monitoringConfig(ctx).severity)]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['Accepted'], type: 'Periodic', component: 'EVSE', evseId, variable: 'AvailabilityState' }, 2);
        return r?.['id'];
      });
      await ctx.step('Step 3: a Periodic NotifyEvent every interval', async () => {
        const want = { ...target, trigger: 'Periodic', ...(typeof id === 'number' ? { monitorId: id } : {}) };
        const within = intervalS * 1000 + ctx.toleranceMs;
        const first = await expectEvent(ctx, want, 3, { from, withinMs: within });
        const second = await expectEvent(ctx, want, 3, { from: first.call.index + 1, withinMs: within });
        const gapMs = second.call.monoMs - first.call.monoMs;
        ctx.check('interval between two Periodic events', Math.abs(gapMs - intervalS * 1000) <= ctx.toleranceMs, { expected: `${intervalS * 1000} ms ± ${ctx.toleranceMs} ms`, actual: `${Math.round(gapMs)} ms`, step: 3 });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
