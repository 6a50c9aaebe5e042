// OCPP 2.0.1 Part 6 §2.3, TC_B_06_CS: GetVariables for one mandatory OCPPCommCtrlr variable.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepareVariables } from '../_shared/expect.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, resultFor, varData } from './variables.js';

const offlineThreshold = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Variables - single value',
  useCases: ['B06'],
  requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetVariables OfflineThreshold (Actual) returns 300' },
  ],
  detects: ['ignores-set-variables'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Before: OCPPCommCtrlr.OfflineThreshold is 300', () => prepareVariables(ctx, [{ ...offlineThreshold, value: '300' }]));
    await ctx.step('Steps 1-2: GetVariables OfflineThreshold (Actual) returns 300', async () => {
      const res = await ctx.callExpect('GetVariables', { getVariableData: [varData(offlineThreshold, { attributeType: 'Actual' })] });
      checkResult(ctx, offlineThreshold, resultFor(ctx, res, 'getVariableResult', offlineThreshold), { attributeStatus: 'Accepted', attributeType: 'Actual', attributeValue: '300', noErrorInfo: true });
    });
  },
});
