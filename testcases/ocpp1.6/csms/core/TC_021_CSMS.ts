/**
 * TC_021_CSMS Change/set Configuration (OCPP 1.6 edition 2 §5.3 ChangeConfiguration, §9.1.19
 * MeterValueSampleInterval; shape of 2.0.1 Part 6 TC_B_09_CSMS).
 *
 * The operator makes the Central System set a read-write Core key of the Charge Point. The
 * request must carry exactly the standard key name and the value asked for; the harness applies
 * it and answers Accepted. (The harness's own keys are put back by the general restore.)
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { answered, answerWith, changeConfigurationAnswer, chargePoint } from '../_shared/charge-point.js';

/** A read-write Core key every Charge Point has, and a value other than our default. */
const key = 'MeterValueSampleInterval';
const value = '30';

export default defineTestCase({
  id: 'TC_021_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Change/set Configuration',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'ChangeConfiguration … = … → Accepted' },
    { step: 2, checks: 'ChangeConfiguration … = … → Accepted' },
  ],
  detects: ['ignores-trigger', 'config-key-wrong-case'],
  async run(ctx) {
    await ctx.step(`1-2. ChangeConfiguration ${key} = ${value} → Accepted`, async () => {
      const sent = answerWith(ctx, 'ChangeConfiguration', (call) => changeConfigurationAnswer(ctx, call.payload));
      await ctx.dut('triggerSetVariables', { key, value });
      const call = await ctx.expectCall('ChangeConfiguration');
      const frames = call.frameSeq === undefined ? [] : [call.frameSeq];
      ctx.check('ChangeConfiguration.req key is the standard key name', call.payload.key === key, { expected: key, actual: call.payload.key ?? 'absent', frames });
      ctx.check('ChangeConfiguration.req value is the value asked for', call.payload.value === value, { expected: value, actual: call.payload.value ?? 'absent', frames });
      await answered(ctx, sent);
      const applied = chargePoint(ctx).configuration.get(key)?.value;
      ctx.check(`the harness applied ${key} (answered Accepted)`, applied === value, { expected: value, actual: applied ?? 'absent' });
    });
  },
});
