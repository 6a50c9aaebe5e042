/**
 * OCPP 1.6 TC_018_1_CS — Unlock Connector - With Charging Session (Not fixed cable), OCTT 1.6
 * document §2.7.3: UnlockConnector.req of the connector that is charging. 1.6 §5.18: the charge
 * point finishes the transaction first (StopTransaction.req reason UnlockCommand, §7.36), the
 * connector is Finishing with the cable still in, Available once the driver unplugs it.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, noteTransactionEnded, ongoingTransaction, unplug } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_018_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  useCases: ['Unlock Connector', 'Stop Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { not: { item: 'HW-FixedCable' } },
  states: ['Booted', 'Charging'],
  validations: [
    { step: 2, checks: 'UnlockConnector.conf status Unlocked' },
    { step: 3, checks: 'StopTransaction.req of the ongoing transaction, reason UnlockCommand' },
    { step: 5, checks: 'StatusNotification.req Finishing' },
    { step: 7, checks: 'after the driver unplugs: StatusNotification.req Available' },
  ],
  detects: ['unlock-keeps-transaction', 'wrong-stop-reason', 'unlock-fails'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = ongoingTransaction(ctx, connectorId);
    if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
    await ctx.step('Steps 1-2: UnlockConnector.req of the charging connector: Unlocked', async () => {
      await ctx.callExpect('UnlockConnector', { connectorId }, { match: { status: 'Unlocked' } });
    });
    await ctx.step('Steps 3-6: StopTransaction.req reason UnlockCommand, StatusNotification.req Finishing', async () => {
      const [stop, finishing] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId } }], { step: 3 });
      noteTransactionEnded(ctx, connectorId);
      ctx.check('transactionId is the ongoing one', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 3 });
      ctx.check('reason is UnlockCommand', stop?.payload['reason'] === 'UnlockCommand', { expected: 'UnlockCommand', actual: stop?.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 3 });
      ctx.check('status is Finishing', finishing?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: finishing?.payload['status'], frames: framesOf(finishing), step: 5 });
    });
    await ctx.step('Steps 7-8: the driver unplugs the cable: StatusNotification.req Available', async () => {
      await unplug(ctx, connectorId);
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, step: 7 });
      ctx.check('status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 7 });
    });
  },
});
