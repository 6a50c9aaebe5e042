/**
 * OCPP 1.6 TC_040_1_CS — Configuration key - NotSupported (OCTT 1.6 document §2.15.1):
 * ChangeConfiguration.req of the key Testing, value true: NotSupported (step 2; 1.6 §5.3).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

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
    await ctx.step('Steps 1-2: ChangeConfiguration.req of the unsupported key Testing: NotSupported', async () => {
      const res = await ctx.call('ChangeConfiguration', { key: 'Testing', value: 'true' });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('ChangeConfiguration.conf status is NotSupported', answer === 'NotSupported', { expected: 'NotSupported', actual: answer, step: 2 });
    });
  },
});
