// OCPP 2.0.1 Part 6 §2.15, TC_N_38_CS: an UpperThreshold monitor on EVSE AvailabilityState (not a
// number) is a monitor type the station does not support there: UnsupportedMonitorType or Rejected
// (Part 2 N04.FR.05).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_38_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Not supported MonitorType',
  useCases: ['N04'],
  requirements: ['N04.FR.05'],
  certification: [],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: UnsupportedMonitorType or Rejected, UpperThreshold, EVSE, AvailabilityState' },
  ],
  detects: ['monitor-unsupported-type-accepted'],
  async run(ctx) {
    await ready(ctx);
    const target = { component: 'EVSE', evseId: ctx.config.evseId, variable: 'AvailabilityState' };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring UpperThreshold on EVSE AvailabilityState', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'UpperThreshold', 1, monitoringConfig(ctx).severity)]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['UnsupportedMonitorType', 'Rejected'], type: 'UpperThreshold', component: 'EVSE', variable: 'AvailabilityState', reasonCodes: [] }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
