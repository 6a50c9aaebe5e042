// OCPP 2.0.1 Part 6 §2.15, TC_N_01_CS: GetMonitoringReport with monitoringCriteria reports only the
// monitor types asked for: Threshold, then Threshold + Delta, then Delta + Periodic (Part 2 N02.FR.01,
// 03-06, 09, 12-14). Preparations: monitors of all five types (set by us on the configured numeric
// variable and on EVSE AvailabilityState when the station has none of a type).
import { defineTestCase, type TestContext } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkMonitors, clearCreated, monitoringConfig, monitoringData, monitoringReport, readMonitors, setMonitoring } from './monitoring-support.js';

async function prepare(ctx: TestContext): Promise<void> {
  await ctx.step('Preparations: a LowerThreshold, UpperThreshold, Delta, Periodic and PeriodicClockAligned monitor', async () => {
    const have = new Set((await readMonitors(ctx, {})).map((m) => m.type));
    const cfg = monitoringConfig(ctx);
    const numeric = { component: cfg.thresholdComponent, evseId: ctx.config.evseId, variable: cfg.thresholdVariable };
    const avail = { component: 'EVSE', evseId: ctx.config.evseId, variable: 'AvailabilityState' };
    const wanted = [
      monitoringData(numeric, 'LowerThreshold', cfg.threshold2Value, cfg.severity),
      monitoringData(numeric, 'UpperThreshold', cfg.thresholdValue, cfg.severity),
      monitoringData(avail, 'Delta', 1, cfg.severity),
      // Long periods: the case is about the report, not the events.
      monitoringData(avail, 'Periodic', 3600, cfg.severity),
      monitoringData(avail, 'PeriodicClockAligned', 3600, cfg.severity),
    ].filter((d) => !have.has(String(d['type'])));
    if (wanted.length === 0) return;
    const results = await setMonitoring(ctx, wanted);
    if (results.some((r) => r['status'] !== 'Accepted')) ctx.inconclusive(`could not install the monitors the case needs: ${results.map((r) => `${String(r['type'])} ${String(r['status'])}`).join(', ')}`);
  });
}

const rounds: ReadonlyArray<{ criteria: string[]; types: string[]; steps: [number, number] }> = [
  { criteria: ['ThresholdMonitoring'], types: ['UpperThreshold', 'LowerThreshold'], steps: [2, 3] },
  { criteria: ['ThresholdMonitoring', 'DeltaMonitoring'], types: ['UpperThreshold', 'LowerThreshold', 'Delta'], steps: [6, 7] },
  { criteria: ['DeltaMonitoring', 'PeriodicMonitoring'], types: ['Delta', 'Periodic', 'PeriodicClockAligned'], steps: [10, 11] },
];

export default defineTestCase({
  id: 'TC_N_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Get Monitoring Report - with monitoringCriteria',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.03', 'N02.FR.04', 'N02.FR.05', 'N02.FR.06', 'N02.FR.09', 'N02.FR.12', 'N02.FR.13', 'N02.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 3, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, 1, … while tbc; only UpperThreshold / LowerThreshold' },
    { step: 6, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 7, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, 1, …; only UpperThreshold / LowerThreshold / Delta' },
    { step: 10, checks: 'GetMonitoringReportResponse Accepted, statusInfo absent or NoError' },
    { step: 11, checks: 'NotifyMonitoringReport: our requestId, generatedAt, seqNo 0, 1, …; only Delta / Periodic / PeriodicClockAligned' },
  ],
  detects: ['monitoring-report-ignores-criteria'],
  async run(ctx) {
    await ready(ctx);
    try {
      await prepare(ctx);
      for (const r of rounds) {
        await ctx.step(`Steps ${r.steps[0] - 1}-${r.steps[1] + 1}: GetMonitoringReport ${r.criteria.join(' + ')}`, async () => {
          const { monitors } = await monitoringReport(ctx, { monitoringCriteria: r.criteria }, { status: 'Accepted', reasonCodes: ['NoError'], responseStep: r.steps[0], reportStep: r.steps[1] });
          checkMonitors(ctx, `monitor types ${r.types.join(' / ')}`, monitors, (m) => !r.types.includes(m.type ?? ''), r.types.join(' or '), r.steps[1]);
        });
      }
    } finally {
      await clearCreated(ctx);
    }
  },
});
