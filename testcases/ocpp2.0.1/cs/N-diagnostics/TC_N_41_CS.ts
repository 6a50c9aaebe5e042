// OCPP 2.0.1 Part 6 §2.15, TC_N_41_CS (prerequisite as errata 2025-01 §6.2.24): a custom monitor
// that overrules a pre-configured one (SetVariableMonitoring with its id) is replaced by the
// pre-configured monitor again after SetMonitoringBase FactoryDefault (Part 2 N03.FR.04, N04.FR.15).
// The pre-configured monitor: extra.preconfiguredMonitorId, else the Delta monitor on EVSE
// AvailabilityState with the lowest id. Part 6 overrules it with severity + 1; a monitor of
// severity 9 (the highest number) is overruled with 8 instead, since 10 does not exist.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, cvOf, monitoringData, monitoringReport, nameOfMonitor, readMonitors, setMonitoring } from './monitoring-support.js';
import { checkStatus } from './monitoring-status.js';

export default defineTestCase({
  id: 'TC_N_41_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Return to FactoryDefault',
  useCases: ['N03'],
  requirements: ['N03.FR.04', 'N04.FR.15'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: Accepted, Delta, EVSE, AvailabilityState' },
    { step: 4, checks: 'GetMonitoringReportResponse Accepted' },
    { step: 5, checks: 'NotifyMonitoringReport: EVSE AvailabilityState, the pre-configured id with the new severity' },
    { step: 11, checks: 'NotifyMonitoringReport: EVSE AvailabilityState, the pre-configured id with its own severity again' },
    { step: 'post', checks: 'every report part received: seqNo 0, 1, … up to the part with tbc false' },
  ],
  detects: ['factory-default-not-restored', 'monitoring-base-keeps-custom'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    const request = { componentVariable: [cvOf(target)], monitoringCriteria: ['DeltaMonitoring'] };
    try {
      const pre = await ctx.step('Prerequisite: the pre-configured Delta monitor on EVSE AvailabilityState', async () => {
        const delta = (await readMonitors(ctx, request)).filter((m) => m.type === 'Delta' && m.id !== undefined && m.severity !== undefined);
        const given = Number(ctx.config.extra['preconfiguredMonitorId']);
        const m = Number.isInteger(given) && given > 0 ? delta.find((x) => x.id === given) : delta.sort((a, b) => (a.id ?? 0) - (b.id ?? 0))[0];
        if (!m) ctx.inconclusive('no pre-configured Delta monitor on EVSE AvailabilityState is reported');
        return { id: m?.id as number, severity: m?.severity as number };
      });
      const severity = pre.severity < 9 ? pre.severity + 1 : pre.severity - 1;
      await ctx.step(`Steps 1-2: SetVariableMonitoring id ${pre.id}, Delta, severity ${severity}`, async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, severity, { id: pre.id })]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['Accepted'], type: 'Delta', component: 'EVSE', variable: 'AvailabilityState', reasonCodes: [] }, 2);
      });
      const judge = async (want: number, responseStep: number | undefined, reportStep: number): Promise<void> => {
        const { monitors, parts } = await monitoringReport(ctx, request, { status: 'Accepted', reasonCodes: [], ...(responseStep === undefined ? {} : { responseStep }), reportStep });
        ctx.check(`monitor ${pre.id} with severity ${want}`, monitors.some((m) => m.id === pre.id && m.severity === want && m.component === 'EVSE' && m.variable === 'AvailabilityState'), { expected: `EVSE[${evseId}].AvailabilityState #${pre.id} severity ${want}`, actual: monitors.map(nameOfMonitor).join('; ') || 'none', step: reportStep });
        const others = monitors.filter((m) => m.id === pre.id && m.severity !== want);
        ctx.check(`no other severity reported for monitor ${pre.id}`, others.length === 0, { expected: `only severity ${want}`, actual: others.map(nameOfMonitor).join('; ') || 'none', step: reportStep });
        ctx.check('Post scenario: all report parts received', parts.length > 0 && parts.at(-1)?.['tbc'] !== true, { expected: 'the last part with tbc absent or false', actual: `${parts.length} parts` });
      };
      await ctx.step('Steps 3-6: GetMonitoringReport: the overruled monitor', () => judge(severity, 4, 5));
      await ctx.step('Steps 7-8: SetMonitoringBase FactoryDefault', async () => {
        checkStatus(ctx, 'SetMonitoringBaseResponse', await ctx.callExpect('SetMonitoringBase', { monitoringBase: 'FactoryDefault' }), ['Accepted'], ['NoError']);
      });
      await ctx.step('Steps 9-12: GetMonitoringReport: the pre-configured monitor is back', () => judge(pre.severity, undefined, 11));
    } finally {
      await ctx.call('SetMonitoringBase', { monitoringBase: 'All' }).catch(() => undefined);
    }
  },
});
