// OCPP 2.0.1 Part 6 §2.15, TC_N_13_CS: an UpperThreshold beyond the variable's maxLimit is
// Rejected (Part 2 N04.FR.13). The out-of-range value is its own configured value
// (thresholdMonitorOutOfRangeValue), since TC_N_43_CS needs <Configured threshold monitor value> in range.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Value out of range - Threshold monitor',
  useCases: ['N04'],
  requirements: ['N04.FR.13'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'no id, Rejected, UpperThreshold, <Configured severity>, the configured threshold component/variable on <evseId>, statusInfo absent or ValueOutOfRange' },
  ],
  detects: ['monitor-out-of-range-accepted'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const cfg = monitoringConfig(ctx);
    const target = { component: cfg.thresholdComponent, evseId, variable: cfg.thresholdVariable };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring UpperThreshold above the maxLimit', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'UpperThreshold', cfg.outOfRangeThresholdValue, cfg.severity)]);
        checkResult(ctx, 'setMonitoringResult', r, { status: ['Rejected'], type: 'UpperThreshold', severity: cfg.severity, component: target.component, evseId, variable: target.variable, reasonCodes: ['ValueOutOfRange'], idAbsent: true }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
