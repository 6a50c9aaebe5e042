/**
 * OCPP 1.6 TC_027_CS — Remote start transaction - connector id shall not be 0 (OCTT 1.6 document
 * §2.11.2): RemoteStartTransaction.req with connectorId 0 is answered Rejected or with a CALLERROR
 * (step 2: the document allows either; 1.6 §6.33 connectorId SHALL be > 0).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_027_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote Actions Non-Happy Flow',
  title: 'Remote start transaction - connector id shall not be 0',
  useCases: ['Remote Start Transaction'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §6.33'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction.conf status Rejected, or a CALLERROR (the document allows either)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_027_CS step 1 validates an own message of the Central System (RemoteStartTransaction.req with connectorId 0); the harness plays the Central System and sends it so (the harness sends connectorId 0): there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-remote-start-connector-0'],
  async run(ctx) {
    const idTag = ctx.config.idTokens.valid.idToken;
    await ctx.step('Steps 1-2: RemoteStartTransaction.req with connectorId 0: Rejected or a CALLERROR', async () => {
      const res = await ctx.call('RemoteStartTransaction', { connectorId: 0, idTag });
      // TC_027_CS step 2: "RemoteStartTransaction.conf ... OR with a CallError" (any code).
      const actual = res.status === 'result' ? String(res.payload['status']) : res.status === 'error' ? `CALLERROR ${res.errorCode}` : res.status === 'timeout' ? 'no response' : 'connection closed';
      ctx.check('RemoteStartTransaction.conf status Rejected, or a CALLERROR', res.status === 'error' || actual === 'Rejected', { expected: 'Rejected or a CALLERROR', actual, step: 2 });
    });
  },
});
