// OCPP 2.0.1 Part 6 §2.15, TC_N_09_CS: Delta monitors on EVSE and ChargingStation
// AvailabilityState in one request are both accepted and reported (Part 2 N04.FR.01/02).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, cvOf, monitoringConfig, monitoringData, monitoringReport, nameOfMonitor, resultFor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Multiple elements on different component and variable',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'two results: an id, Accepted, Delta, <Configured severity>, EVSE <evseId> resp. ChargingStation AvailabilityState, statusInfo absent or NoError' },
    { step: 4, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 5, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, 1, … while tbc; both new monitors reported' },
  ],
  detects: ['monitor-not-stored'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const { severity } = monitoringConfig(ctx);
    const targets = [{ component: 'EVSE', evseId, variable: 'AvailabilityState' }, { component: 'ChargingStation', variable: 'AvailabilityState' }];
    const ids: unknown[] = [];
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring Delta on EVSE and ChargingStation AvailabilityState', async () => {
        const results = await setMonitoring(ctx, targets.map((t) => monitoringData(t, 'Delta', 1, severity)));
        for (const t of targets) {
          const want = { status: ['Accepted'], idRequired: true, type: 'Delta', severity, component: t.component, ...(t.evseId === undefined ? {} : { evseId: t.evseId }), variable: t.variable };
          const r = resultFor(results, want);
          checkResult(ctx, `${t.component} AvailabilityState`, r, want, 2);
          ids.push(r?.['id']);
        }
      });
      await ctx.step('Steps 3-6: GetMonitoringReport for both variables', async () => {
        const { monitors } = await monitoringReport(ctx, { componentVariable: targets.map(cvOf) }, { status: 'Accepted', reasonCodes: ['NoError'], responseStep: 4, reportStep: 5 });
        for (const id of ids) ctx.check(`monitor ${String(id)} reported`, monitors.some((m) => m.id === id), { expected: `monitor ${String(id)}`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: 5 });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
