// OCPP 2.0.1 Part 6 §2.15, TC_N_15_CS: a second monitor of the same type and severity on one
// component/variable is a Duplicate (Part 2 N04.FR.10).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, resultFor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Duplicate Variable type/severity combination',
  useCases: ['N04'],
  requirements: ['N04.FR.10'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'in any order: one result Accepted with an id (statusInfo absent or NoError), the other Duplicate (statusInfo absent or InvalidValue); both Delta, <Configured severity>, EVSE <evseId> AvailabilityState' },
  ],
  detects: ['monitor-duplicate-accepted'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const { severity } = monitoringConfig(ctx);
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring with the same Delta monitor twice', async () => {
        const results = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, severity), monitoringData(target, 'Delta', 1, severity)]);
        const base = { type: 'Delta', severity, component: 'EVSE', evseId, variable: 'AvailabilityState' };
        const accepted = results.find((r) => r['status'] === 'Accepted') ?? results[0];
        checkResult(ctx, 'first monitor', accepted, { ...base, status: ['Accepted'], idRequired: true }, 2);
        checkResult(ctx, 'second monitor', resultFor(results, base, accepted ? [accepted] : []), { ...base, status: ['Duplicate'], reasonCodes: ['InvalidValue'] }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
