// OCPP 2.0.1 Part 6 §2.3, TC_B_36_CS: SetVariables for an unknown variable must be answered UnknownVariable.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const ref = { component: 'OCPPCommCtrlr', variable: 'UnknownVariable' };

export default defineTestCase({
  id: 'TC_B_36_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - Unknown variable',
  useCases: ['B05'],
  requirements: ['B05.FR.05'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables OCPPCommCtrlr.UnknownVariable (attributeType omitted) is answered UnknownVari' },
  ],
  detects: ['unknown-variable-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    // Should the station wrongly apply the write, the restore puts the original back.
    await rememberValues(ctx, [{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }]);
    await ctx.step('Steps 1-2: SetVariables OCPPCommCtrlr.UnknownVariable (attributeType omitted) is answered UnknownVariable', async () => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(ref, { attributeValue: '300' })] });
      checkResult(ctx, ref, resultFor(ctx, res, 'setVariableResult', ref), { attributeStatus: 'UnknownVariable' });
    });
  },
});
