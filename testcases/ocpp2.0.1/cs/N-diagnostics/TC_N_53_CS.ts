// OCPP 2.0.1 Part 6 §2.15, TC_N_53_CS: a custom UpperThreshold monitor survives a reboot: after
// Booted, GetMonitoringReport ThresholdMonitoring still lists it with its id (Part 2 N07.FR.13).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { clearCreated, monitoringConfig, monitoringData, monitoringReport, nameOfMonitor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_53_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Alert Event - Persistant over reboot',
  useCases: ['N07'],
  requirements: ['N07.FR.13'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 3, checks: 'NotifyMonitoringReport: our requestId, the monitor id the station gave, type UpperThreshold' },
    { step: 'post', checks: 'every report part received: seqNo 0, 1, … up to the part with tbc false' },
  ],
  detects: ['monitor-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    const cfg = monitoringConfig(ctx);
    const target = { component: cfg.thresholdComponent, evseId: ctx.config.evseId, variable: cfg.thresholdVariable };
    try {
      const id = await ctx.step('Memory state: an UpperThreshold monitor, then Booted', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'UpperThreshold', cfg.thresholdValue, cfg.severity)]);
        if (r?.['status'] !== 'Accepted' || typeof r['id'] !== 'number') ctx.inconclusive(`the station did not take the monitor: ${String(r?.['status'])}`);
        await ctx.state('Booted');
        return r?.['id'] as number;
      });
      await ctx.step('Steps 1-4: GetMonitoringReport ThresholdMonitoring', async () => {
        const { monitors, parts } = await monitoringReport(ctx, { monitoringCriteria: ['ThresholdMonitoring'] }, { status: 'Accepted', reasonCodes: [], reportStep: 3 });
        ctx.check('the monitor set before the reboot is reported as UpperThreshold', monitors.some((m) => m.id === id && m.type === 'UpperThreshold'), { expected: `monitor ${id} UpperThreshold`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: 3 });
        ctx.check('Post scenario: all report parts received', parts.length > 0 && parts.at(-1)?.['tbc'] !== true, { expected: 'the last part with tbc absent or false', actual: `${parts.length} parts` });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
