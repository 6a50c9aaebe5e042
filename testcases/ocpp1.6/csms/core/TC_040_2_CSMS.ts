/**
 * TC_040_2_CSMS Configuration keys - Invalid value (OCTT 1.6 document §3.13.2, Table 149; OCPP
 * 1.6 §5.3 ChangeConfiguration: Rejected for a value the key cannot take).
 *
 * The operator makes the Central System set MeterValueSampleInterval to -1: the request carries
 * exactly that key and value (step 1), and the Charge Point rejects a negative interval (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { changeConfigurationAnswer, checkReply, generalPreconditions, triggeredCall } from '../_shared/charge-point.js';

const key = 'MeterValueSampleInterval';
const value = '-1';

export default defineTestCase({
  id: 'TC_040_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Keys Non-Happy Flow',
  title: 'Configuration keys',
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §9.1.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'ChangeConfiguration.req key MeterValueSampleInterval, value -1' },
    { step: 2, checks: 'the Charge Point answers that request Rejected' },
  ],
  detects: ['ignores-trigger', 'config-key-wrong-case'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step(`Steps 1-2: ChangeConfiguration.req ${key} = ${value} → Rejected`, async () => {
      const call = await triggeredCall(ctx, { action: 'ChangeConfiguration', trigger: 'triggerSetVariables', params: { key, value }, answer: (c) => changeConfigurationAnswer(ctx, c.payload), step: 1 });
      ctx.check('ChangeConfiguration.req key', call.payload.key === key, { expected: key, actual: call.payload.key ?? 'absent', frames: call.frames, step: 1 });
      ctx.check('ChangeConfiguration.req value', call.payload.value === value, { expected: value, actual: call.payload.value ?? 'absent', frames: call.frames, step: 1 });
      checkReply(ctx, 'ChangeConfiguration', call.reply, 'Rejected', call.frames, 2);
    });
  },
});
