// OCPP 2.0.1 Part 6 §2.15, TC_N_37_CS: a monitor on a variable the EVSE component does not have
// is UnknownVariable (Part 2 N04.FR.04).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkResult, clearCreated, monitoringConfig, monitoringData, setMonitoring } from './monitoring-support.js';

export default defineTestCase({
  id: 'TC_N_37_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'N',
  title: 'Set Variable Monitoring - Unknown Variable',
  useCases: ['N04'],
  requirements: ['N04.FR.04'],
  certification: [{ profile: 'Advanced Device Management', need: 'M' }],
  validations: [
    { step: 2, checks: 'setMonitoringResult[0]: UnknownVariable, Delta, <Configured severity>, EVSE, variable unknownVariable' },
  ],
  detects: ['monitor-unknown-accepted'],
  async run(ctx) {
    await ready(ctx);
    const { severity } = monitoringConfig(ctx);
    const target = { component: 'EVSE', evseId: ctx.config.evseId, variable: 'unknownVariable' };
    try {
      await ctx.step('Steps 1-2: SetVariableMonitoring Delta on EVSE unknownVariable', async () => {
        const [r] = await setMonitoring(ctx, [monitoringData(target, 'Delta', 1, severity)]);
        checkResult(ctx, 'setMonitoringResult[0]', r, { status: ['UnknownVariable'], type: 'Delta', severity, component: 'EVSE', variable: 'unknownVariable', reasonCodes: [] }, 2);
      });
    } finally {
      await clearCreated(ctx);
    }
  },
});
