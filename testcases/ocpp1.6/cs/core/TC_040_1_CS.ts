/**
 * OCPP 1.6 TC_040_1_CS — Configuration key - NotSupported. Derived from OCPP 1.6 edition 2 §5.3
 * (a key the charge point does not support: ChangeConfiguration.conf NotSupported, not Rejected)
 * and §5.8 (an unrecognised key is listed in unknownKey of GetConfiguration.conf), in the shape of
 * 2.0.1 Part 6 TC_B_10_CS (unknown variable).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { KeyValue } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_040_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Configuration Keys Non-Happy Flow',
  title: 'Configuration key - NotSupported',
  useCases: ['Change Configuration', 'Get Configuration'],
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §5.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ChangeConfiguration.conf status NotSupported for the key Testing' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_040_1_CS step 1 validates an own message of the Central System (ChangeConfiguration.req key Testing, value true); the harness plays the Central System and sends it so (the harness sends exactly that): there is nothing of the charge point to judge in it' },
  ],
  detects: ['unknown-key-rejected'],
  async run(ctx) {
    // OCTT 1.6 document TC_040_1_CS step 1: the key Testing with the value true.
    const key = 'Testing';
    await ctx.step(`ChangeConfiguration.req of an unsupported key (${key}): NotSupported`, async () => {
      await ctx.callExpect('ChangeConfiguration', { key, value: 'true' }, { match: { status: 'NotSupported' } });
    });
    await ctx.step(`GetConfiguration.req of ${key}: listed in unknownKey`, async () => {
      const res = await ctx.callExpect('GetConfiguration', { key: [key] });
      const unknown = (res['unknownKey'] as string[] | undefined) ?? [];
      const listed = ((res['configurationKey'] as KeyValue[] | undefined) ?? []).some((k) => k.key === key);
      ctx.check('the key is reported unknown', unknown.includes(key) && !listed, { expected: `unknownKey contains ${key}`, actual: { unknownKey: unknown, inConfigurationKey: listed } });
    });
  },
});
