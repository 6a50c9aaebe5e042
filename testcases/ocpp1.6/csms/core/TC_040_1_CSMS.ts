/**
 * TC_040_1_CSMS Configuration Keys - NotSupported (OCTT 1.6 document §3.13.1, Table 148; OCPP
 * 1.6 §5.3 ChangeConfiguration: NotSupported for a key the Charge Point does not have).
 *
 * The operator makes the Central System set a key this Charge Point does not have; the request
 * must carry that key, so the Charge Point answers NotSupported (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { changeConfigurationAnswer, checkReply, generalPreconditions, triggeredCall } from '../_shared/charge-point.js';

/** A vendor-style key no Charge Point implements, in the CamelCase of OCPP keys. */
const key = 'OcppConformUnknownKey';
const value = '123';

export default defineTestCase({
  id: 'TC_040_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Keys Non-Happy Flow',
  title: 'Configuration keys',
  requirements: ['OCPP 1.6 §5.3'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 2, checks: 'ChangeConfiguration.req for the unknown key, so the Charge Point answers NotSupported' }],
  detects: ['ignores-trigger', 'config-key-wrong-case'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step(`Steps 1-2: ChangeConfiguration.req ${key} = ${value} → NotSupported`, async () => {
      const call = await triggeredCall(ctx, { action: 'ChangeConfiguration', trigger: 'triggerSetVariables', params: { key, value }, answer: (c) => changeConfigurationAnswer(ctx, c.payload), step: 2 });
      ctx.check('ChangeConfiguration.req key is the key asked for', call.payload.key === key, { expected: key, actual: call.payload.key ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'ChangeConfiguration', call.reply, 'NotSupported', call.frames, 2);
    });
  },
});
