// OCPP 2.0.1 Part 6 §2.3, TC_B_32_CS: GetVariables for an unknown component must be answered UnknownComponent.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, resultFor, varData } from './variables.js';

const ref = { component: 'UnknownComponent', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_32_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Get Variables - Unknown component',
  useCases: ['B06'],
  requirements: ['B06.FR.06'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'GetVariables UnknownComponent.OfflineThreshold (attributeType omitted) is answered Unknown' },
  ],
  detects: ['unknown-variable-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    await ctx.step('Steps 1-2: GetVariables UnknownComponent.OfflineThreshold (attributeType omitted) is answered UnknownComponent', async () => {
      const res = await ctx.callExpect('GetVariables', { getVariableData: [varData(ref)] });
      checkResult(ctx, ref, resultFor(ctx, res, 'getVariableResult', ref), { attributeStatus: 'UnknownComponent' });
    });
  },
});
