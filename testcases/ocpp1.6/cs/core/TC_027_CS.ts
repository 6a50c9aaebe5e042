/**
 * OCPP 1.6 TC_027_CS — Remote start transaction - connector id shall not be 0. Derived from OCPP
 * 1.6 edition 2 §6.33 (RemoteStartTransaction.req connectorId SHALL be > 0; connector 0 is the
 * charge point as a whole, §3.8): the charge point must not start anything. Its answer is
 * RemoteStartTransaction.conf Rejected; the OCPP-J 1.6 §4.2.3 CALLERROR for an invalid field
 * value, PropertyConstraintViolation, is also a refusal and passes with a warning (the 1.6 test
 * tool is known to expect Rejected).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, fromNow } from '../_shared/charge-point.js';

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
    { step: 2, checks: 'RemoteStartTransaction.conf status Rejected (a CALLERROR PropertyConstraintViolation is a warning), nothing starts' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_027_CS step 1 validates an own message of the Central System (RemoteStartTransaction.req with connectorId 0); the harness plays the Central System and sends it so (the harness sends connectorId 0): there is nothing of the charge point to judge in it' },
  ],
  detects: ['accepts-remote-start-connector-0'],
  async run(ctx) {
    const idTag = ctx.config.idTokens.valid.idToken;
    const since = await ctx.step('RemoteStartTransaction.req with connectorId 0: refused', async () => {
      fromNow(ctx);
      const mark = ctx.cursor();
      const res = await ctx.call('RemoteStartTransaction', { connectorId: 0, idTag });
      if (res.status === 'error') {
        ctx.check('CALLERROR code for an invalid field value (OCPP-J 1.6 spelling)', res.errorCode === 'PropertyConstraintViolation', { expected: 'PropertyConstraintViolation (or a Rejected RemoteStartTransaction.conf)', actual: res.errorCode });
        ctx.check('answered with RemoteStartTransaction.conf Rejected', false, { expected: 'Rejected', actual: `CALLERROR ${res.errorCode}`, severity: 'warning' });
      } else {
        const actual = res.status === 'result' ? res.payload['status'] : res.status === 'timeout' ? 'no response' : 'connection closed';
        ctx.check('RemoteStartTransaction.conf status Rejected', actual === 'Rejected', { expected: 'Rejected', actual });
      }
      return mark;
    });
    await ctx.step('Nothing starts: no StatusNotification.req Preparing, no StartTransaction.req', async () => {
      await expectNone(ctx, 'StatusNotification', since, { match: { status: 'Preparing' }, describe: 'status Preparing' });
      await expectNone(ctx, 'StartTransaction', since, { wait: false });
    });
  },
});
