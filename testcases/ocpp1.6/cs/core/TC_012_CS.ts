/**
 * OCPP 1.6 TC_012_CS — Remote Stop Charging Session. Derived from OCPP 1.6 edition 2 §5.12
 * (RemoteStopTransaction of an ongoing transaction: Accepted, then StopTransaction.req as for a
 * local stop) and §7.36 (reason Remote), in the shape of 2.0.1 Part 6 TC_F_03_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded, ongoingTransaction, status, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_012_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Stop Charging Session',
  useCases: ['Remote Stop Transaction', 'Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.12', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'RemoteStopTransaction.conf status Accepted' },
    { step: 3, checks: 'StopTransaction.req reason Remote for the ongoing transactionId' },
    { step: 5, checks: 'StatusNotification.req Finishing' },
  ],
  detects: ['rejects-remote-stop', 'wrong-stop-reason', 'no-stop-transaction'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = ongoingTransaction(ctx, connectorId);
    if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
    await ctx.step('RemoteStopTransaction.req: Accepted, StopTransaction.req reason Remote, status Finishing', async () => {
      await ctx.callExpect('RemoteStopTransaction', { transactionId }, { match: { status: 'Accepted' } });
      const [stop] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Finishing') }]);
      noteTransactionEnded(ctx, connectorId);
      ctx.check('transactionId is the one to stop', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop) });
      ctx.check('reason is Remote', stop?.payload['reason'] === 'Remote', { expected: 'Remote', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop) });
    });
    await ctx.step('Unplug the cable: StatusNotification.req Available', async () => {
      await unplug(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
    });
  },
});
