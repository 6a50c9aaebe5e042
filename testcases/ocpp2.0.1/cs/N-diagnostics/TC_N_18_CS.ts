// OCPP 2.0.1 Part 6 §2.15, TC_N_18_CS: ClearVariableMonitoring of the monitors on ChargingStation
// and EVSE AvailabilityState, then GetMonitoringReport for them is an EmptyResultSet (Part 2
// N06.FR.01/05). Memory State: a monitor on each (ours when the station has none); every monitor
// on these two variables is cleared (ID1, ID2 … of Part 6), and SetMonitoringBase All brings the
// pre-configured ones back afterwards.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { clearCreated, cvOf, ensureDeltaMonitors, monitoringReport, readMonitors } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Monitoring - Success',
  useCases: ['N06'],
  requirements: ['N06.FR.01', 'N06.FR.05'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'a clearMonitoringResult per id, in any order: Accepted, that id, statusInfo absent or NoError' },
    { step: 4, checks: 'GetMonitoringReportResponse EmptyResultSet, statusInfo absent or NotFound' },
  ],
  detects: ['clear-monitoring-keeps'],
  async run(ctx) {
    await ready(ctx);
    const targets = [{ component: 'ChargingStation', variable: 'AvailabilityState' }, { component: 'EVSE', evseId: ctx.config.evseId, variable: 'AvailabilityState' }];
    try {
      await ensureDeltaMonitors(ctx, targets);
      const ids = await ctx.step('Memory state: the ids of the monitors on both variables', async () => {
        const found = (await readMonitors(ctx, { componentVariable: targets.map(cvOf) })).flatMap((m) => (m.id === undefined ? [] : [m.id]));
        if (found.length === 0) ctx.inconclusive('the station reports no monitor on ChargingStation / EVSE AvailabilityState');
        return found;
      });
      await ctx.step(`Steps 1-2: ClearVariableMonitoring ${ids.join(', ')}`, async () => {
        const res = await ctx.callExpect('ClearVariableMonitoring', { id: ids });
        const results = Array.isArray(res['clearMonitoringResult']) ? (res['clearMonitoringResult'] as Array<Record<string, unknown>>) : [];
        for (const id of ids) {
          const r = results.find((x) => x['id'] === id);
          ctx.check(`clearMonitoringResult for ${id}: Accepted`, r?.['status'] === 'Accepted', { expected: 'Accepted', actual: r ? r['status'] : 'no entry', step: 2 });
          const info = r?.['statusInfo'] as Record<string, unknown> | undefined;
          ctx.check(`clearMonitoringResult for ${id}: statusInfo`, info === undefined || info['reasonCode'] === 'NoError', { expected: 'absent or reasonCode NoError', actual: info ?? 'absent', step: 2 });
        }
      });
      await ctx.step('Steps 3-4: GetMonitoringReport for both variables', async () => {
        await monitoringReport(ctx, { componentVariable: targets.map(cvOf) }, { status: 'EmptyResultSet', reasonCodes: ['NotFound'], responseStep: 4 });
      });
    } finally {
      await clearCreated(ctx);
      await ctx.call('SetMonitoringBase', { monitoringBase: 'All' }).catch(() => undefined);
    }
  },
});
