/**
 * TC_019_2_CSMS Retrieve Specific Configuration Key (OCTT 1.6 document §3.7.2, Table 134; OCPP
 * 1.6 §5.8 GetConfiguration, §9.1.29 SupportedFeatureProfiles).
 *
 * The operator makes the Central System read one key: the GetConfiguration.req asks for
 * SupportedFeatureProfiles exactly (step 1), so the answer has that key and no unknown one (step 2).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject } from '../../../../src/engine/authoring.js';
import { generalPreconditions, getConfigurationAnswer, triggeredCall } from '../_shared/charge-point.js';

const key = 'SupportedFeatureProfiles';

export default defineTestCase({
  id: 'TC_019_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Retrieve specific configuration key',
  requirements: ['OCPP 1.6 §5.8', 'OCPP 1.6 §9.1.29'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'GetConfiguration.req key is [SupportedFeatureProfiles]' },
    { step: 2, checks: 'the answer to that request: unknownKey empty, configurationKey.key SupportedFeatureProfiles' },
  ],
  detects: ['ignores-trigger', 'get-configuration-fixed-keys', 'config-key-wrong-case'],
  async run(ctx) {
    await generalPreconditions(ctx);
    await ctx.step(`Steps 1-2: GetConfiguration.req for ${key} → GetConfiguration.conf with that key`, async () => {
      const call = await triggeredCall(ctx, { action: 'GetConfiguration', trigger: 'triggerGetVariables', params: { key: [key] }, answer: (c) => getConfigurationAnswer(ctx, c.payload), step: 1 });
      const asked = call.payload.key;
      ctx.check(`GetConfiguration.req key is [${key}]`, Array.isArray(asked) && asked.length === 1 && asked[0] === key, { expected: [key], actual: asked ?? 'absent', frames: call.frames, step: 1 });
      const unknown = Array.isArray(call.reply.unknownKey) ? call.reply.unknownKey : [];
      const keys = (Array.isArray(call.reply.configurationKey) ? call.reply.configurationKey : []).map((k) => (k as JsonObject).key);
      ctx.check('GetConfiguration.conf unknownKey is empty and configurationKey.key is the key', unknown.length === 0 && keys.length === 1 && keys[0] === key, { expected: `unknownKey empty, configurationKey [${key}]`, actual: `unknownKey ${JSON.stringify(unknown)}, configurationKey ${JSON.stringify(keys)}`, frames: call.frames, step: 2 });
    });
  },
});
