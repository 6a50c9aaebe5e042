// OCPP 2.0.1 Part 6 §2.15, TC_N_06_CS: after SetMonitoringBase HardWiredOnly the (pre-configured
// or custom) Delta monitor on ChargingStation AvailabilityState is gone: the report for it is an
// EmptyResultSet (Part 2 N03.FR.01/05, errata 2025-01 N03 remark). Preparations: the monitor (set
// by us when the station has none). SetMonitoringBase All afterwards brings pre-configured ones back.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkMonitors, clearCreated, cvOf, ensureDeltaMonitors, monitoringReport } from './monitoring-support.js';
import { checkStatus } from './monitoring-status.js';

export default defineTestCase({
  id: 'TC_N_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Monitoring Base - test removal custom monitors',
  useCases: ['N03'],
  requirements: ['N03.FR.01', 'N03.FR.05'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, tbc absent or false, Delta monitor on ChargingStation AvailabilityState' },
    { step: 6, checks: 'SetMonitoringBase HardWiredOnly Accepted, statusInfo absent or NoError' },
    { step: 8, checks: 'GetMonitoringReportResponse EmptyResultSet, statusInfo absent or NotFound' },
  ],
  detects: ['hard-wired-only-keeps-preconfigured'],
  async run(ctx) {
    await ready(ctx);
    const target = { component: 'ChargingStation', variable: 'AvailabilityState' };
    try {
      await ensureDeltaMonitors(ctx, [target]);
      await ctx.step('Steps 1-4: the AvailabilityState monitor exists', async () => {
        const { monitors, parts } = await monitoringReport(ctx, { componentVariable: [cvOf(target)] }, { status: 'Accepted', reasonCodes: ['NoError'], responseStep: 2, reportStep: 3 });
        ctx.check('tbc absent or false', parts.length === 1 && parts[0]?.['tbc'] !== true, { expected: 'one part, tbc absent or false', actual: `${parts.length} parts`, step: 3 });
        ctx.check('a Delta monitor is reported', monitors.some((m) => m.type === 'Delta'), { expected: 'Delta', actual: monitors.map((m) => m.type).join(', ') || 'none', step: 3 });
        checkMonitors(ctx, 'monitors are on ChargingStation AvailabilityState', monitors, (m) => m.component !== 'ChargingStation' || m.variable !== 'AvailabilityState', 'ChargingStation.AvailabilityState', 3);
      });
      await ctx.step('Steps 5-6: SetMonitoringBase HardWiredOnly', async () => {
        checkStatus(ctx, 'SetMonitoringBaseResponse', await ctx.callExpect('SetMonitoringBase', { monitoringBase: 'HardWiredOnly' }), ['Accepted'], ['NoError'], 6);
      });
      await ctx.step('Steps 7-8: the AvailabilityState monitor has been removed', async () => {
        await monitoringReport(ctx, { componentVariable: [cvOf(target)] }, { status: 'EmptyResultSet', reasonCodes: ['NotFound'], responseStep: 8 });
      });
    } finally {
      await clearCreated(ctx);
      await ctx.call('SetMonitoringBase', { monitoringBase: 'All' }).catch(() => undefined);
    }
  },
});
