// OCPP 2.0.1 Part 6 §2.3, TC_B_34_CS: GetVariables for an attribute type the variable does not have must be answered NotSupportedAttributeType.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, resultFor, varData } from './variables.js';

const ref = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_34_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Variables - Not supported attribute type',
  useCases: ['B06'],
  requirements: ['B06.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetVariables OCPPCommCtrlr.OfflineThreshold (attributeType Target) is answered NotSupporte' },
  ],
  detects: ['ignores-attribute-type'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: GetVariables OCPPCommCtrlr.OfflineThreshold (attributeType Target) is answered NotSupportedAttributeType', async () => {
      const res = await ctx.callExpect('GetVariables', { getVariableData: [varData(ref, { attributeType: 'Target' })] });
      checkResult(ctx, ref, resultFor(ctx, res, 'getVariableResult', ref), { attributeStatus: 'NotSupportedAttributeType', attributeType: 'Target' });
    });
  },
});
