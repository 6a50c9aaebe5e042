/**
 * TC_040_1_CSMS Configuration keys - NotSupported (OCPP 1.6 edition 2 §5.3 ChangeConfiguration:
 * a key the Charge Point does not have is answered NotSupported).
 *
 * The operator makes the Central System set a key this Charge Point does not know. The request
 * must carry the key and value exactly as asked for; the harness answers NotSupported, which the
 * Central System must take as an answer (the exchange completes without an error from it).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answered, answerWith, changeConfigurationAnswer } from '../_shared/charge-point.js';

/** A vendor-style key no Charge Point implements, in the CamelCase of OCPP keys. */
const key = 'OcppConformUnknownKey';
const value = '123';

export default defineTestCase({
  id: 'TC_040_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Keys Non-Happy Flow',
  title: 'Configuration keys',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ChangeConfiguration … = … → NotSupported' },
  ],
  detects: ['ignores-trigger', 'config-key-wrong-case'],
  async run(ctx) {
    await ctx.step(`1-2. ChangeConfiguration ${key} = ${value} → NotSupported`, async () => {
      let status: unknown;
      const sent = answerWith(ctx, 'ChangeConfiguration', (call) => {
        const answer = changeConfigurationAnswer(ctx, call.payload);
        status = answer.status;
        return answer;
      });
      await ctx.dut('triggerSetVariables', { key, value });
      const call = await ctx.expectCall('ChangeConfiguration');
      const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
      ctx.check('ChangeConfiguration.req key is the key asked for', call.payload.key === key, { expected: key, actual: call.payload.key ?? 'absent', frames });
      ctx.check('ChangeConfiguration.req value is the value asked for', call.payload.value === value, { expected: value, actual: call.payload.value ?? 'absent', frames });
      await answered(ctx, sent);
      ctx.check('the harness answered NotSupported', status === 'NotSupported', { expected: 'NotSupported', actual: status ?? 'no answer' });
    });
  },
});
