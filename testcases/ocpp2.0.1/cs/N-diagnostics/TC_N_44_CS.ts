// OCPP 2.0.1 Part 6 §2.15, TC_N_44_CS: a hard-wired monitor cannot be cleared: ClearVariableMonitoring
// with its id is Rejected (Part 2 N06.FR.03). The id is the first hard-wired one of the report
// (Preparations); the report does not say which monitors are hard-wired, so a station can name it
// in the run configuration (extra.hardWiredMonitorId), else the first reported monitor is used.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { readMonitors } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_44_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Clear Monitoring - Rejected',
  useCases: ['N06'],
  requirements: ['N06.FR.03'],
  certification: [{ profile: 'Advanced Device Management', need: 'C' }],
  applies: { item: 'AQ-5' },
  validations: [
    { step: 2, checks: 'clearMonitoringResult[0].status Rejected' },
  ],
  detects: ['clear-hard-wired-monitor'],
  async run(ctx) {
    await ready(ctx);
    const id = await ctx.step('Preparations: the hard-wired monitor from the report', async () => {
      const given = Number(ctx.config.extra['hardWiredMonitorId']);
      if (Number.isInteger(given) && given > 0) return given;
      const ids = (await readMonitors(ctx, {})).flatMap((m) => (m.id === undefined ? [] : [m.id]));
      if (ids.length === 0) ctx.inconclusive('the station reports no monitor (a hard-wired one is a prerequisite)');
      return Math.min(...ids);
    });
    await ctx.step(`Steps 1-2: ClearVariableMonitoring id ${id}`, async () => {
      const res = await ctx.callExpect('ClearVariableMonitoring', { id: [id] });
      const r = (res['clearMonitoringResult'] as Array<Record<string, unknown>> | undefined)?.[0];
      ctx.check('clearMonitoringResult[0].status', r?.['status'] === 'Rejected', { expected: 'Rejected', actual: r?.['status'] ?? 'absent', step: 2 });
    });
  },
});
