// OCPP 2.0.1 Part 6 §2.15, TC_N_12_CS: a Delta monitor with a negative value is Rejected (Part 2
// N04.FR.14).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Value out of range - Delta monitor',
  useCases: ['N04'],
  requirements: ['N04.FR.14'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'no id, Rejected, Delta, <Configured severity>, EVSE <evseId> AvailabilityState, statusInfo absent or ValueOutOfRange / ValuePositiveOnly' },
  ],
  detects: ['monitor-negative-delta-accepted'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const { severity } = monitoringConfig(ctx);
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring Delta -1 on EVSE AvailabilityState', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData({ component: 'EVSE', evseId, variable: 'AvailabilityState' }, 'Delta', -1, severity)]);
        checkResult(ctx, 'setMonitoringResult', r, { status: ['Rejected'], type: 'Delta', severity, component: 'EVSE', evseId, variable: 'AvailabilityState', reasonCodes: ['ValueOutOfRange', 'ValuePositiveOnly'], idAbsent: true }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
