// OCPP 2.0.1 Part 6 §2.15, TC_N_43_CS: of three monitors on the configured threshold variable, the
// Delta with -1.0 is Rejected and the UpperThreshold / LowerThreshold around it are Accepted.
// Part 6 lists "statusInfo absent or NoError" for the Rejected entry too; a refusal with a reason
// is what Part 2 N04.FR.14 asks for, so that entry's statusInfo is not judged.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_43_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - First SetMonitoringData and third SetMonitoringData are valid, but the second contains an out of range value',
  useCases: ['N04'],
  requirements: [],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'in any order: UpperThreshold Accepted (statusInfo absent or NoError), Delta Rejected, LowerThreshold Accepted (statusInfo absent or NoError)' },
  ],
  detects: ['monitor-negative-delta-accepted'],
  async run(ctx) {
    await ready(ctx);
    const cfg = monitoringConfig(ctx);
    const target = { component: cfg.thresholdComponent, evseId: ctx.config.evseId, variable: cfg.thresholdVariable };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring UpperThreshold, Delta -1.0, LowerThreshold', async () => {
        const results = await setMonitoring(ctx, [
          monitoringData(target, 'UpperThreshold', cfg.thresholdValue, cfg.severity),
          monitoringData(target, 'Delta', -1.0, cfg.severity),
          monitoringData(target, 'LowerThreshold', cfg.threshold2Value, cfg.severity),
        ]);
        const base = { component: target.component, variable: target.variable };
        const byType = (type: string): Record<string, unknown> | undefined => results.find((r) => r['type'] === type);
        checkResult(ctx, 'UpperThreshold', byType('UpperThreshold'), { ...base, type: 'UpperThreshold', status: ['Accepted'] }, 2);
        checkResult(ctx, 'Delta -1.0', byType('Delta'), { ...base, type: 'Delta', status: ['Rejected'], reasonCodes: [] }, 2);
        checkResult(ctx, 'LowerThreshold', byType('LowerThreshold'), { ...base, type: 'LowerThreshold', status: ['Accepted'] }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
