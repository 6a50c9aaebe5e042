// OCPP 2.0.1 Part 6 §2.15, TC_N_47_CS: GetMonitoringReport without criteria or components reports
// every monitor, among them the Delta monitors on ChargingStation and EVSE AvailabilityState
// (Part 2 N02.FR.01/11). Memory State: those monitors (set by us when the station has none).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { clearCreated, ensureDeltaMonitors, monitoringReport, nameOfMonitor, reported } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_47_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Monitoring report - Report all',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.11'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 3, checks: 'NotifyMonitoringReport: our requestId; Delta monitors on AvailabilityState of ChargingStation and of the configured EVSE are among the reported ones' },
    { step: 'post', checks: 'every report part received: seqNo 0, 1, … up to the part with tbc false' },
  ],
  detects: ['monitoring-report-all-custom-only'],
  async run(ctx) {
    await ready(ctx);
    const targets = [{ component: 'ChargingStation', variable: 'AvailabilityState' }, { component: 'EVSE', evseId: ctx.config.evseId, variable: 'AvailabilityState' }];
    try {
      await ensureDeltaMonitors(ctx, targets);
      await ctx.step('Steps 1-4: GetMonitoringReport without monitoringCriteria and componentVariable', async () => {
        const { monitors, parts } = await monitoringReport(ctx, {}, { status: 'Accepted', reasonCodes: [], reportStep: 3 });
        for (const t of targets) ctx.check(`Delta monitor on ${t.component} AvailabilityState reported`, reported(monitors, t, 'Delta').length > 0, { expected: `${t.component}.AvailabilityState Delta`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: 3 });
        ctx.check('Post scenario: all report parts received', parts.length > 0 && parts.at(-1)?.['tbc'] !== true, { expected: 'the last part with tbc absent or false', actual: `${parts.length} parts` });
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
