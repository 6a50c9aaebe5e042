// OCPP 2.0.1 Part 6 §2.15, TC_N_52_CS: a cleared UpperThreshold monitor is gone: ClearVariableMonitoring
// Accepted, the threshold report of its variable an EmptyResultSet, and stopping the energy transfer
// raises no event of it (Part 2 N07.FR.12). Memory State: the monitor (value 0.0 on Power), then
// EnergyTransferStarted.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { eventMatches, eventsOf } from './monitoring-events.js';
import { clearCreated, cvOf, monitoringConfig, monitoringData, monitoringReport, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_52_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Removing a VariableMonitor',
  useCases: ['N07'],
  requirements: ['N07.FR.12'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'clearMonitoringResult[0]: Accepted, the monitor id' },
    { step: 4, checks: 'GetMonitoringReportResponse EmptyResultSet' },
    { step: 6, checks: 'no NotifyEvent with the cleared variableMonitoringId' },
  ],
  detects: ['clear-monitoring-keeps'],
  async run(ctx) {
    await ready(ctx);
    const cfg = monitoringConfig(ctx);
    const target = { component: cfg.thresholdComponent, evseId: ctx.config.evseId, variable: cfg.thresholdVariable };
    try {
      const id = await ctx.step('Memory state: UpperThreshold 0.0 on the configured variable, EnergyTransferStarted', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'UpperThreshold', 0.0, cfg.severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
        await ctx.state('EnergyTransferStarted');
        return r?.['id'] as number;
      });
      await ctx.step(`Steps 1-2: ClearVariableMonitoring id ${id}`, async () => {
        const res = await ctx.callExpect('ClearVariableMonitoring', { id: [id] });
        const r = (res['clearMonitoringResult'] as Array<Record<string, unknown>> | undefined)?.[0];
        ctx.check('clearMonitoringResult[0].status', r?.['status'] === 'Accepted', { expected: 'Accepted', actual: r?.['status'] ?? 'absent', step: 2 });
        ctx.check('clearMonitoringResult[0].id', r?.['id'] === id, { expected: id, actual: r?.['id'] ?? 'absent', step: 2 });
      });
      await ctx.step('Steps 3-4: GetMonitoringReport ThresholdMonitoring of the variable', async () => {
        await monitoringReport(ctx, { componentVariable: [cvOf(target)], monitoringCriteria: ['ThresholdMonitoring'] }, { status: 'EmptyResultSet', reasonCodes: [], responseStep: 4 });
      });
      const from = journalMark(ctx);
      await ctx.step('Step 5: StopAuthorized', () => ctx.state('StopAuthorized'));
      await ctx.step('Step 6: no event of the cleared monitor', async () => {
        await ctx.sleep(Math.max(1_000, Math.min(ctx.config.messageTimeoutMs, ctx.toleranceMs)));
        const sent = ctx.journal().filter((e) => e.index >= from && e.kind === 'callIn' && e.action === 'NotifyEvent' && eventsOf(e.payload).some((d) => eventMatches(d, { ...target, monitorId: id })));
        ctx.check('no NotifyEvent with the cleared variableMonitoringId', sent.length === 0, { expected: 'none', actual: sent.length === 0 ? 'none' : `${sent.length} NotifyEvent`, step: 6 });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
