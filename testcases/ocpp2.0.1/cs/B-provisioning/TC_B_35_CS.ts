// OCPP 2.0.1 Part 6 §2.3, TC_B_35_CS: SetVariables for an unknown component must be answered UnknownComponent.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const ref = { component: 'UnknownComponent', variable: 'OfflineThreshold' };

export default defineTestCase({
  id: 'TC_B_35_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - Unknown component',
  useCases: ['B05'],
  requirements: ['B05.FR.04'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables UnknownComponent.OfflineThreshold (attributeType omitted) is answered Unknown' },
  ],
  detects: ['unknown-variable-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    // Should the station wrongly apply the write, the restore puts the original back.
    await rememberValues(ctx, [{ component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' }]);
    await ctx.step('Steps 1-2: SetVariables UnknownComponent.OfflineThreshold (attributeType omitted) is answered UnknownComponent', async () => {
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(ref, { attributeValue: '300' })] });
      checkResult(ctx, ref, resultFor(ctx, res, 'setVariableResult', ref), { attributeStatus: 'UnknownComponent' });
    });
  },
});
