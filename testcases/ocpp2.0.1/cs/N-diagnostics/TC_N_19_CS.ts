// OCPP 2.0.1 Part 6 §2.15, TC_N_19_CS: ClearVariableMonitoring of an id no monitor has is NotFound
// (Part 2 N06.FR.02). The id is one above the highest the station reports (the Preparations), or
// 123456 when it reports none.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { readMonitors } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Monitoring - Not found',
  useCases: ['N06'],
  requirements: ['N06.FR.02'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'clearMonitoringResult: NotFound, our id, statusInfo absent or NotFound' },
  ],
  detects: ['clear-unknown-monitor-accepted'],
  async run(ctx) {
    await ready(ctx);
    const id = await ctx.step('Preparations: an id above every reported monitor', async () => {
      const ids = (await readMonitors(ctx, {})).map((m) => m.id ?? 0);
      return ids.length === 0 ? 123456 : Math.max(...ids) + 1;
    });
    await ctx.step(`Steps 1-2: ClearVariableMonitoring id ${id}`, async () => {
      const res = await ctx.callExpect('ClearVariableMonitoring', { id: [id] });
      const results = Array.isArray(res['clearMonitoringResult']) ? (res['clearMonitoringResult'] as Array<Record<string, unknown>>) : [];
      const r = results.find((x) => x['id'] === id) ?? results[0];
      ctx.check('clearMonitoringResult id', r?.['id'] === id, { expected: id, actual: r?.['id'] ?? 'absent', step: 2 });
      ctx.check('clearMonitoringResult status', r?.['status'] === 'NotFound', { expected: 'NotFound', actual: r?.['status'] ?? 'absent', step: 2 });
      const info = r?.['statusInfo'] as Record<string, unknown> | undefined;
      ctx.check('clearMonitoringResult statusInfo', info === undefined || info['reasonCode'] === 'NotFound', { expected: 'absent or reasonCode NotFound', actual: info ?? 'absent', step: 2 });
    });
  },
});
