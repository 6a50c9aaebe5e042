// OCPP 2.0.1 Part 6 §2.3, TC_B_37_CS: SetVariables for an attribute type the variable does not have must be answered NotSupportedAttributeType.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const ref = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_37_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - Not supported attribute type',
  useCases: ['B05'],
  requirements: ['B05.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables OCPPCommCtrlr.OfflineThreshold (attributeType Target) is answered NotSupporte' },
  ],
  detects: ['ignores-attribute-type'],
  async run(ctx) {
    await stationReady(ctx);
    // Should the station wrongly apply the write, the restore puts the original back.
    await rememberValues(ctx, [{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }]);
    await ctx.step('Steps 1-2: SetVariables OCPPCommCtrlr.OfflineThreshold (attributeType Target) is answered NotSupportedAttributeType', async () => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(ref, { attributeValue: '300', attributeType: 'Target' })] });
      checkResult(ctx, ref, resultFor(ctx, res, 'setVariableResult', ref), { attributeStatus: 'NotSupportedAttributeType', attributeType: 'Target' });
    });
  },
});
