// OCPP 2.0.1 Part 6 §2.3, TC_B_39_CS: writing a read-only variable (MessageTimeout, instance Default) is Rejected.
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';
import { checkResult, rememberValues, resultFor, varData } from './variables.js';

const messageTimeout = { component: 'OCPPCommCtrlr', variable: 'MessageTimeout', instance: 'Default' };

export default defineTestCase({
  id: 'TC_B_39_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Set Variables - Read-only',
  useCases: ['B05'],
  requirements: ['B05.FR.09'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'SetVariables OCPPCommCtrlr.MessageTimeout[Default] (attributeType omitted) is Rejected' },
  ],
  detects: ['read-only-accepted'],
  async run(ctx) {
    await stationReady(ctx);
    // Should the station wrongly take the value, the restore puts the original back.
    await rememberValues(ctx, [messageTimeout]);
    await ctx.step('Steps 1-2: SetVariables OCPPCommCtrlr.MessageTimeout[Default] (attributeType omitted) is Rejected', async () => {
      // Any well-formed value will do: the variable may not be written at all.
      const res = await ctx.callExpect('SetVariables', { setVariableData: [varData(messageTimeout, { attributeValue: '45' })] });
      checkResult(ctx, messageTimeout, resultFor(ctx, res, 'setVariableResult', messageTimeout), { attributeStatus: 'Rejected', instance: 'Default' });
    });
  },
});
