// OCPP 2.0.1 Part 6 §2.15, TC_N_02_CS: GetMonitoringReport for ChargingStation.AvailabilityState and
// for every variable of the configured EVSE reports just those: the Delta monitors on both
// AvailabilityStates, other monitors only of that EVSE (Part 2 N02.FR.01/03/04/05/08/09).
// Memory State: the two Delta monitors (set by us when the station has none).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkMonitors, clearCreated, ensureDeltaMonitors, monitoringReport, nameOfMonitor, reported } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Monitoring Report - with component/variable',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.03', 'N02.FR.04', 'N02.FR.05', 'N02.FR.08', 'N02.FR.09'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, 1, … while tbc; AvailabilityState monitors are Delta; only ChargingStation AvailabilityState and the configured EVSE' },
    { step: 'post', checks: 'a Delta monitor on AvailabilityState reported for both ChargingStation and the configured EVSE' },
  ],
  detects: ['monitoring-report-ignores-components'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const targets = [{ component: 'ChargingStation', variable: 'AvailabilityState' }, { component: 'EVSE', evseId, variable: 'AvailabilityState' }];
    try {
      await ensureDeltaMonitors(ctx, targets);
      await ctx.step('Steps 1-4: GetMonitoringReport ChargingStation.AvailabilityState and EVSE <evseId>', async () => {
        const request = { componentVariable: [{ component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' } }, { component: { name: 'EVSE', evse: { id: evseId } } }] };
        const { monitors } = await monitoringReport(ctx, request, { status: 'Accepted', reasonCodes: ['NoError'], responseStep: 2, reportStep: 3 });
        checkMonitors(ctx, 'AvailabilityState monitors are Delta', monitors.filter((m) => m.variable === 'AvailabilityState'), (m) => m.type !== 'Delta', 'Delta', 3);
        checkMonitors(ctx, 'only the requested components', monitors, (m) => !((m.component === 'ChargingStation' && m.variable === 'AvailabilityState') || (m.component === 'EVSE' && m.evseId === evseId)), `ChargingStation.AvailabilityState or EVSE[${evseId}]`, 3);
        for (const t of targets) ctx.check(`Post scenario: Delta monitor on ${t.component} AvailabilityState reported`, reported(monitors, t, 'Delta').length > 0, { expected: `${t.component}.AvailabilityState Delta`, actual: monitors.map(nameOfMonitor).join('; ') || 'none' });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
