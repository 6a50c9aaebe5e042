// OCPP 2.0.1 Part 6 §2.15, TC_N_10_CS: two Delta monitors of different severity on one
// component/variable are both accepted (Part 2 N04.FR.01/02).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringData, resultFor, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_10_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Multiple monitors on the same component and variable',
  useCases: ['N04'],
  requirements: ['N04.FR.01', 'N04.FR.02', 'N04.FR.08', 'N04.FR.11'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'two results in any order: Accepted with an id, Delta, severity 8 and 7, EVSE <evseId> AvailabilityState, statusInfo absent or NoError' },
  ],
  detects: ['monitor-duplicate-ignores-severity'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    const target = { component: 'EVSE', evseId, variable: 'AvailabilityState' };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring with two Delta monitors (severity 8 and 7)', async () => {
        const results = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, 8), monitoringData(target, 'Delta', 1, 7)]);
        for (const severity of [8, 7]) {
          const want = { status: ['Accepted'], idRequired: true, type: 'Delta', severity, component: 'EVSE', evseId, variable: 'AvailabilityState' };
          checkResult(ctx, `result for severity ${severity}`, resultFor(results, want), want, 2);
        }
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
