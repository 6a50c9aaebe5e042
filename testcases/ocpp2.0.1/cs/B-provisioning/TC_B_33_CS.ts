// OCPP 2.0.1 Part 6 §2.3, TC_B_33_CS: GetVariables for an unknown variable must be answered UnknownVariable.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, resultFor, varData } from './variables.js';

const ref = { component: 'OCPPCommCtrlr', variable: 'UnknownVariable' };

export default defineTestCase({
  id: 'TC_B_33_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Variables - Unknown variable',
  useCases: ['B06'],
  requirements: ['B06.FR.07'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetVariables OCPPCommCtrlr.UnknownVariable (attributeType omitted) is answered UnknownVari' },
  ],
  detects: ['unknown-variable-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: GetVariables OCPPCommCtrlr.UnknownVariable (attributeType omitted) is answered UnknownVariable', async () => {
      const res = await ctx.callExpect('GetVariables', { getVariableData: [varData(ref)] });
      checkResult(ctx, ref, resultFor(ctx, res, 'getVariableResult', ref), { attributeStatus: 'UnknownVariable' });
    });
  },
});
