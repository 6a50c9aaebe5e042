/**
 * OCPP 1.6 TC_012_CS — Remote Stop Charging Session (OCTT 1.6 document §2.5.4): from the reusable
 * state Charging, RemoteStopTransaction.req of its transaction: Accepted (step 2), then
 * StopTransaction.req reason Remote (step 3) and StatusNotification.req Finishing (step 5) in either
 * order (1.6 §5.12, §4.10).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, noteTransactionEnded } from '../_shared/charge-point.js';
import { chargingState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_012_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Stop Charging Session',
  useCases: ['Remote Stop Transaction', 'Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.12', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction.conf status Accepted' },
    { step: 3, checks: 'StopTransaction.req reason Remote for the transaction of the Charging state' },
    { step: 5, checks: 'StatusNotification.req Finishing, before or after the StopTransaction.req' },
  ],
  detects: ['rejects-remote-stop', 'wrong-stop-reason', 'no-stop-transaction'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = await ctx.step('Before: reusable state Charging', () => chargingState(ctx, { connectorId }));
    if (transactionId === undefined) return ctx.inconclusive('the Charging state gave no transactionId to stop');
    await ctx.step('Steps 1-6: RemoteStopTransaction.req: Accepted, StopTransaction.req reason Remote, StatusNotification.req Finishing', async () => {
      fromNow(ctx);
      const res = await ctx.call('RemoteStopTransaction', { transactionId });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('RemoteStopTransaction.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 2 });
      const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], {
        anyOrder: 'OCTT 1.6 TC_012_CS: "Steps 3 and 5 may be reversed"',
        step: 3,
      });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('StopTransaction.req transactionId is the one to stop', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 3 });
      ctx.check('reason is Remote', stop?.payload['reason'] === 'Remote', { expected: 'Remote', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 3 });
      ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
    });
  },
});
