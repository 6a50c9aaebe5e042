/**
 * TC_019_1_CSMS Retrieve all configuration keys (OCPP 1.6 edition 2 §5.8 GetConfiguration; shape
 * of the 2.0.1 Part 6 GetVariables / GetBaseReport CSMS cases TC_B_06_CSMS, TC_B_13_CSMS).
 *
 * The operator asks the Central System for the Charge Point's whole configuration. §5.8: a
 * GetConfiguration.req whose key list is empty or missing asks for every key, so the request must
 * not name any key. The harness answers with all its Core keys.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answered, answerWith, getConfigurationAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_019_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Retrieve all configuration keys',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'GetConfiguration for all keys → every configuration key' },
    { step: 2, checks: 'GetConfiguration for all keys → every configuration key' },
  ],
  detects: ['ignores-trigger', 'get-configuration-fixed-keys'],
  async run(ctx) {
    await ctx.step('1-2. GetConfiguration for all keys → every configuration key', async () => {
      const sent = answerWith(ctx, 'GetConfiguration', (call) => getConfigurationAnswer(ctx, call.payload));
      await ctx.dut('triggerGetVariables', {});
      const call = await ctx.expectCall('GetConfiguration');
      const key = call.payload.key;
      ctx.check('GetConfiguration.req key is missing or empty (all keys, §5.8)', key === undefined || (Array.isArray(key) && key.length === 0), {
        expected: 'no key list, or an empty one',
        actual: key ?? 'absent',
        frames: call.frameSeq === undefined ? [] : [call.frameSeq],
      });
      await answered(ctx, sent);
    });
  },
});
