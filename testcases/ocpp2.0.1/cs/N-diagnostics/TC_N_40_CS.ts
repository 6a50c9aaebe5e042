// OCPP 2.0.1 Part 6 §2.15, TC_N_40_CS: SetVariableMonitoring with the id of an existing Delta
// monitor (severity 5) and severity 4 replaces it: the report shows severity 4 (Part 2 N04.FR.12).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, checkMonitors, clearCreated, cvOf, monitoringData, monitoringReport, nameOfMonitor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_40_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Replace Variable Monitor',
  useCases: ['N04'],
  requirements: ['N04.FR.12'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: Accepted, Delta, EVSE, AvailabilityState' },
    { step: 4, checks: 'GetMonitoringReportResponse Accepted' },
    { step: 5, checks: 'NotifyMonitoringReport: EVSE AvailabilityState with severity 4 (our monitor replaced, not added)' },
    { step: 'post', checks: 'every report part received: seqNo 0, 1, … up to the part with tbc false' },
  ],
  detects: ['monitor-replace-adds'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      const id = await ctx.step('Memory state: a Delta monitor with severity 5', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, 5)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
        return r?.['id'] as number;
      });
      await ctx.step(`Steps 1-2: SetVariableMonitoring id ${id}, Delta, severity 4`, async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, 4, { id })]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['Accepted'], type: 'Delta', component: 'EVSE', variable: 'AvailabilityState', reasonCodes: [] }, 2);
      });
      await ctx.step('Steps 3-6: GetMonitoringReport EVSE AvailabilityState, DeltaMonitoring', async () => {
        const { monitors, parts } = await monitoringReport(ctx, { componentVariable: [cvOf(target)], monitoringCriteria: ['DeltaMonitoring'] }, { status: 'Accepted', reasonCodes: [], responseStep: 4, reportStep: 5 });
        checkMonitors(ctx, 'monitors are on EVSE AvailabilityState', monitors, (m) => m.component !== 'EVSE' || m.variable !== 'AvailabilityState', 'EVSE.AvailabilityState', 5);
        ctx.check('the replaced monitor reports severity 4', monitors.some((m) => m.id === id && m.severity === 4), { expected: `monitor ${id} severity 4`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: 5 });
        // Replaced, not added: the id reports severity 4 only (another severity-5 monitor, e.g. a
        // pre-configured one, may legitimately be there too).
        const stale = monitors.filter((m) => m.id === id && m.severity !== 4);
        ctx.check(`no other severity reported for monitor ${id}`, stale.length === 0, { expected: 'severity 4 only', actual: stale.map(nameOfMonitor).join('; ') || 'none', step: 5 });
        ctx.check('Post scenario: all report parts received', parts.length > 0 && parts.at(-1)?.['tbc'] !== true, { expected: 'the last part with tbc absent or false', actual: `${parts.length} parts` });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
