// OCPP 2.0.1 Part 6 §2.15, TC_N_39_CS: a monitor on a component/variable pair that does not exist
// together (ChargingStation.Power) is Rejected, and the monitors already there are still reported
// (Part 2 N04.FR.16).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, ensureDeltaMonitors, monitoringConfig, monitoringData, monitoringReport, nameOfMonitor, reported, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_39_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Component/Variable combination does NOT correspond',
  useCases: ['N04'],
  requirements: ['N04.FR.16'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: Rejected, UpperThreshold, <Configured severity>, ChargingStation, Power' },
    { step: 4, checks: 'GetMonitoringReportResponse Accepted' },
    { step: 5, checks: 'NotifyMonitoringReport lists the EVSE AvailabilityState monitor' },
    { step: 'post', checks: 'every report part received: seqNo 0, 1, … up to the part with tbc false' },
  ],
  detects: ['monitor-mismatch-accepted'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const { severity } = monitoringConfig(ctx);
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      await ensureDeltaMonitors(ctx, [target]);
      await ctx.step('Steps 1-2: SetVariableMonitoring UpperThreshold on ChargingStation.Power', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData({ component: 'ChargingStation', variable: 'Power' }, 'UpperThreshold', 1000, severity)]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['Rejected'], type: 'UpperThreshold', severity, component: 'ChargingStation', variable: 'Power', reasonCodes: [] }, 2);
      });
      await ctx.step('Steps 3-6: GetMonitoringReport', async () => {
        const { monitors, parts } = await monitoringReport(ctx, {}, { status: 'Accepted', reasonCodes: [], responseStep: 4, reportStep: 5 });
        ctx.check('Post scenario: all report parts received', parts.length > 0 && parts.at(-1)?.['tbc'] !== true, { expected: 'the last part with tbc absent or false', actual: `${parts.length} parts` });
        ctx.check('the EVSE AvailabilityState monitor is reported', reported(monitors, target).length > 0, { expected: `EVSE[${evseId}].AvailabilityState`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: 5 });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
