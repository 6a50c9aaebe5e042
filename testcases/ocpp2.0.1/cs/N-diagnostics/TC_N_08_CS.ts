// OCPP 2.0.1 Part 6 §2.15, TC_N_08_CS: one Delta monitor on EVSE AvailabilityState is accepted
// and then reported by GetMonitoringReport (Part 2 N04.FR.01/02, N02).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkMonitors, checkResult, clearCreated, monitoringData, monitoringReport, nameOfMonitor, reported, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - one setMonitoringData element',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariableMonitoringResponse: Accepted, Delta, severity 8, EVSE <evseId> AvailabilityState, statusInfo absent or NoError' },
    { step: 4, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 5, checks: 'NotifyMonitoringReport: our requestId, a Delta monitor on EVSE <evseId> AvailabilityState' },
  ],
  detects: ['monitor-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    const severity = 8;
    let id: unknown;
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring Delta on EVSE AvailabilityState', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, severity)]);
        checkResult(ctx, 'setMonitoringResult', r, { status: ['Accepted'], type: 'Delta', severity, component: 'EVSE', evseId, variable: 'AvailabilityState' }, 2);
        id = r?.['id'];
      });
      await ctx.step('Steps 3-6: GetMonitoringReport for EVSE AvailabilityState', async () => {
        const { monitors } = await monitoringReport(ctx, { componentVariable: [{ component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' } }] }, { status: 'Accepted', reasonCodes: ['NoError'], responseStep: 4, reportStep: 5 });
        // Part 6 step 5 names no id (nor does step 2): ours by id when the station gave one.
        const mine = reported(monitors, target, 'Delta').filter((m) => typeof id !== 'number' || m.id === id);
        ctx.check('the new Delta monitor on EVSE AvailabilityState is reported', mine.length > 0, { expected: `EVSE[${evseId}].AvailabilityState Delta${typeof id === 'number' ? ` #${id}` : ''}`, actual: monitors.length === 0 ? 'no monitors' : monitors.map(nameOfMonitor).join('; '), step: 5 });
        checkMonitors(ctx, 'every reported monitor is on EVSE AvailabilityState', monitors, (m) => m.component !== 'EVSE' || m.evseId !== evseId || m.variable !== 'AvailabilityState', `EVSE[${evseId}].AvailabilityState`, 5);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
