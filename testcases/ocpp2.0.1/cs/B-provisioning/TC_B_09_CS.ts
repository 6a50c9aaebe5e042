// OCPP 2.0.1 Part 6 §2.3, TC_B_09_CS: SetVariables for one mandatory OCPPCommCtrlr variable.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const offlineThreshold = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - single value',
  useCases: ['B05'],
  requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables OfflineThreshold = 300 (Actual) is Accepted' },
  ],
  detects: ['set-variables-reboot-required'],
  async run(ctx) {
    await stationReady(ctx);
    await rememberValues(ctx, [offlineThreshold]);
    await ctx.step('Steps 1-2: SetVariables OfflineThreshold = 300 (Actual) is Accepted', async () => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(offlineThreshold, { attributeValue: '300', attributeType: 'Actual' })] });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'setVariableResult', offlineThreshold), { attributeStatus: 'Accepted', attributeType: 'Actual', noErrorInfo: true });
    });
  },
});
