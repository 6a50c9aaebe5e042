/**
 * OCPP 1.6 TC_040_2_CS — Configuratoin key - Invalid value (OCTT 1.6 document §2.15.2, title as
 * the document spells it): ChangeConfiguration.req of MeterValueSampleInterval with -1 (an
 * interval in seconds cannot be negative, 1.6 §9.1.17) is answered Rejected (1.6 §5.3) or with a
 * CALLERROR PropertyConstraintViolation; the value is not taken.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { getConfiguration, noteConfigurationChange } from '../_shared/charge-point.js';
import { callFrames } from './_states-extra.js';

export default defineTestCase({
  id: 'TC_040_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Configuration Keys Non-Happy Flow',
  title: 'Configuratoin key - Invalid value',
  useCases: ['Change Configuration'],
  requirements: ['OCPP 1.6 §5.3', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [{ step: 2, checks: 'ChangeConfiguration.conf status Rejected, or CALLERROR PropertyConstraintViolation' }],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_040_2_CS step 1 validates an own message of the Central System (ChangeConfiguration.req key MeterValueSampleInterval, value -1); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-invalid-values'],
  async run(ctx) {
    const key = 'MeterValueSampleInterval';
    const before = (await getConfiguration(ctx, [key])).get(key)?.value;
    await ctx.step(`Steps 1-2: ChangeConfiguration.req ${key} = -1: Rejected (or CALLERROR PropertyConstraintViolation)`, async () => {
      const res = await ctx.call('ChangeConfiguration', { key, value: '-1' });
      const answer = res.status === 'result' ? `status ${String(res.payload['status'])}` : res.status === 'error' ? `CALLERROR ${res.errorCode}` : res.status;
      // An accepted -1 is put back after the case.
      if (res.status === 'result' && res.payload['status'] !== 'Rejected' && before !== undefined) noteConfigurationChange(ctx, key, before);
      const ok = (res.status === 'result' && res.payload['status'] === 'Rejected') || (res.status === 'error' && res.errorCode === 'PropertyConstraintViolation');
      ctx.check('the invalid value is refused', ok, { expected: 'status Rejected, or CALLERROR PropertyConstraintViolation', actual: answer, frames: callFrames(ctx, res.messageId), step: 2 });
    });
  },
});
