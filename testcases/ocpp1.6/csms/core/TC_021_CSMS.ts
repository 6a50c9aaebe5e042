/**
 * TC_021_CSMS Change/set Configuration (OCTT 1.6 document §3.7.3, Table 135; OCPP 1.6 §5.3
 * ChangeConfiguration, §9.1.19 MeterValueSampleInterval).
 *
 * The operator makes the Central System set MeterValueSampleInterval to 60: the request carries
 * exactly that key and value (step 1), which the Charge Point applies and answers Accepted
 * (step 2). The general restore puts the harness's keys back.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { changeConfigurationAnswer, checkReply, generalPreconditions, triggeredCall } from '../_shared/charge-point.js';

const key = 'MeterValueSampleInterval';
const value = '60';

export default defineTestCase({
  id: 'TC_021_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Change/set Configuration',
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §9.1.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'ChangeConfiguration.req key MeterValueSampleInterval, value 60' },
    { step: 2, checks: 'the Charge Point applies it and answers Accepted' },
  ],
  detects: ['ignores-trigger', 'config-key-wrong-case'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step(`Steps 1-2: ChangeConfiguration.req ${key} = ${value} → Accepted`, async () => {
      const call = await triggeredCall(ctx, { action: 'ChangeConfiguration', trigger: 'triggerSetVariables', params: { key, value }, answer: (c) => changeConfigurationAnswer(ctx, c.payload), step: 1 });
      ctx.check('ChangeConfiguration.req key', call.payload.key === key, { expected: key, actual: call.payload.key ?? 'absent', frames: call.frames, step: 1 });
      ctx.check('ChangeConfiguration.req value', call.payload.value === value, { expected: value, actual: call.payload.value ?? 'absent', frames: call.frames, step: 1 });
      checkReply(ctx, 'ChangeConfiguration', call.reply, 'Accepted', call.frames, 2);
    });
  },
});
