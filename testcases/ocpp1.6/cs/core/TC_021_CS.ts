/**
 * OCPP 1.6 TC_021_CS — Change/set Configuration. Derived from OCPP 1.6 edition 2 §5.3 (Accepted:
 * applied and effective at once) and §5.8 (the new value is read back), in the shape of 2.0.1
 * Part 6 TC_B_07_CS. The key written is MeterValueSampleInterval (§9.1.19, required, RW).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getConfiguration, noteConfigurationChange } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_021_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Configuration Happy flow',
  title: 'Change/set Configuration',
  useCases: ['Change Configuration', 'Get Configuration'],
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §5.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'ChangeConfiguration.conf status Accepted' },
    { step: 4, checks: 'GetConfiguration.conf MeterValueSampleInterval reads back the value written' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_021_CS step 1 validates an own message of the Central System (ChangeConfiguration.req MeterValueSampleInterval); the harness plays the Central System and sends it so (the harness writes a value other than the current one, so that step 4 can tell a write from no write): there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_021_CS step 3 validates an own message of the Central System (GetConfiguration.req key MeterValueSampleInterval); the harness plays the Central System and sends it so (the harness asks for exactly that key): there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-set-variables'],
  async run(ctx) {
    const key = 'MeterValueSampleInterval';
    const original = (await getConfiguration(ctx, [key])).get(key)?.value;
    if (original === undefined) return ctx.fail(`${key} (required by OCPP 1.6 §9.1) is not reported`);
    const value = original === '15' ? '20' : '15';
    await ctx.step(`ChangeConfiguration.req ${key} = ${value}: Accepted`, async () => {
      await ctx.callExpect('ChangeConfiguration', { key, value }, { match: { status: 'Accepted' } });
      noteConfigurationChange(ctx, key, original);
    });
    await ctx.step(`GetConfiguration.req ${key}: the new value`, async () => {
      const after = (await getConfiguration(ctx, [key])).get(key);
      ctx.check(`${key} reads back as written`, after?.value === value, { expected: value, actual: after?.value ?? 'absent' });
    });
  },
});
