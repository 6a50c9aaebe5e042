/**
 * OCPP 1.6 TC_021_CS — Change/set Configuration (OCTT 1.6 document §2.8.2): with
 * MeterValueSampleInterval not yet the configured meter value interval, ChangeConfiguration.req of
 * that value: Accepted (step 2), and GetConfiguration.req reads it back (step 4). 1.6 §5.3, §5.8.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getConfiguration, noteConfigurationChange, setConfiguration, type KeyValue } from '../_shared/charge-point.js';
import { configuredMeterValueIntervalS } from '../_shared/configured.js';

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
    { step: 1, reason: 'OCTT 1.6 document TC_021_CS step 1 validates an own message of the Central System (ChangeConfiguration.req MeterValueSampleInterval); the harness plays the Central System and writes the configured meter value interval (extra.meterValueSampleIntervalS), which the Before state made differ from the current value: there is nothing of the charge point to judge in it' },
    { step: 3, reason: 'OCTT 1.6 document TC_021_CS step 3 validates an own message of the Central System (GetConfiguration.req key MeterValueSampleInterval); the harness plays the Central System and sends it so (the harness asks for exactly that key): there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-set-variables'],
  async run(ctx) {
    const key = 'MeterValueSampleInterval';
    const value = String(configuredMeterValueIntervalS(ctx));
    await ctx.step(`Before: ${key} is not the configured meter value interval (${value})`, async () => {
      const current = (await getConfiguration(ctx, [key])).get(key)?.value;
      if (current === undefined) return ctx.fail(`${key} (required by OCPP 1.6 §9.1) is not reported`);
      if (current === value) await setConfiguration(ctx, key, String(Number(value) + 5), { required: true });
      else noteConfigurationChange(ctx, key, current);
      return undefined;
    });
    await ctx.step(`Steps 1-2: ChangeConfiguration.req ${key} = ${value}: Accepted`, async () => {
      const res = await ctx.call('ChangeConfiguration', { key, value });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('ChangeConfiguration.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 2 });
    });
    await ctx.step(`Steps 3-4: GetConfiguration.req ${key}: the configured value`, async () => {
      const res = await ctx.callExpect('GetConfiguration', { key: [key] });
      const entry = ((res['configurationKey'] as KeyValue[] | undefined) ?? []).find((k) => k.key === key);
      ctx.check(`configurationKey.key is ${key}`, entry !== undefined, { expected: key, actual: entry?.key ?? 'not reported', step: 4 });
      ctx.check(`configurationKey.value is ${value}`, entry?.value === value, { expected: value, actual: entry?.value ?? 'absent', step: 4 });
    });
  },
});
