// OCPP 2.0.1 Part 6 §2.15, TC_N_11_CS: monitors on an EVSE the station does not have and on an
// unknown component are refused (Part 2 N04.FR.03).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, resultFor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Unknown component',
  useCases: ['N04'],
  requirements: ['N04.FR.03'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'EVSE 99: no id, UnknownComponent or Rejected, Delta, statusInfo absent or UnknownEVSE / NotFound; NonExistent.Power: no id, UnknownComponent (or UnknownVariable), UpperThreshold, statusInfo absent or NotFound' },
  ],
  detects: ['monitor-unknown-accepted'],
  async run(ctx) {
    await ready(ctx);
    const { severity } = monitoringConfig(ctx);
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring on EVSE 99 and on component NonExistent', async () => {
        const evse99 = { component: 'EVSE', evseId: 99, variable: 'AvailabilityState' };
        const none = { component: 'NonExistent', variable: 'Power' };
        const results = await setMonitoring(ctx, [monitoringData(evse99, 'Delta', 1, severity), monitoringData(none, 'UpperThreshold', 1234.0, severity)]);
        const a = { type: 'Delta', severity, component: 'EVSE', evseId: 99, variable: 'AvailabilityState' };
        checkResult(ctx, 'EVSE 99', resultFor(results, a), { ...a, status: ['UnknownComponent', 'Rejected'], reasonCodes: ['UnknownEVSE', 'NotFound'], idAbsent: true }, 2);
        // Part 6 lists variable.name "AvailabilityState" for this entry, but the request named Power; the echo of the request is what we match.
        const b = { type: 'UpperThreshold', severity, component: 'NonExistent', variable: 'Power' };
        checkResult(ctx, 'NonExistent', resultFor(results, b), { ...b, status: ['UnknownComponent', 'UnknownVariable'], reasonCodes: ['NotFound'], idAbsent: true }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
