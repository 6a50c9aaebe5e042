/**
 * OCPP 1.6 TC_032_1_CS — Power failure boot charging point - configured to stop transaction(s)
 * before going down (OCTT 1.6 document §2.13.1; prerequisite: a back-up power source). When the
 * power goes during a transaction, the charge point first stops it (StopTransaction.req reason
 * PowerLoss, 1.6 §7.36) and reports the connector Finishing — both before it goes down, so before
 * the BootNotification.req that follows the power's return — then boots and reports connector 0
 * and every connector: the one of the transaction Finishing or Preparing, the others Available.
 * The StopTransaction.req and the Finishing StatusNotification.req are taken in either order
 * (1.6 §4.10 and the Finishing transition of §7.7 do not order them; TC_018_1_CS alike); the
 * demo runs the case against the `backup-power` variant.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, fromNow, journalMark, noteTransactionEnded, ongoingTransaction } from '../_shared/charge-point.js';
import { expectReboot, expectStatusesAfterBoot } from './_states-extra.js';

const eitherOrder = 'OCPP 1.6 §4.10 / §7.7: the Finishing StatusNotification.req is not ordered against the StopTransaction.req';

export default defineTestCase({
  id: 'TC_032_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Power Failure Non-Happy Flow',
  title: 'Power failure boot charging point - configured to stop transaction(s) before going down',
  useCases: ['Stop Transaction', 'Status Notification', 'Boot Notification'],
  requirements: ['OCPP 1.6 §4.10', 'OCPP 1.6 §4.2', 'OCPP 1.6 §7.36'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'HW-BackupPower' },
  states: ['Booted', 'Charging'],
  validations: [
    { step: 1, checks: 'StopTransaction.req of the transaction, reason PowerLoss, before the charge point goes down' },
    { step: 3, checks: 'StatusNotification.req Finishing, before the charge point goes down' },
    { step: 7, checks: 'after the boot: the connector of the transaction Finishing or Preparing, the others (and connector 0) Available' },
  ],
  waivers: [
    { step: 6, reason: 'OCTT 1.6 document TC_032_1_CS step 6 validates an own message of the Central System (BootNotification.conf status Accepted); the harness answers every BootNotification so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['backup-power-unused', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = ongoingTransaction(ctx, connectorId);
    if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
    const cut = journalMark(ctx);
    const [stop, finishing] = await ctx.step('Steps 1-4: disconnect the power: StopTransaction.req PowerLoss and StatusNotification.req Finishing', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
      const calls = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }], { anyOrder: eitherOrder, step: 1 });
      noteTransactionEnded(ctx, connectorId);
      return calls;
    });
    const boot = await ctx.step('Steps 5-6: reconnect the power: BootNotification.req', () => expectReboot(ctx, { from: cut }));
    await ctx.step('Steps 1 and 3 checked: both before the charge point went down', async () => {
      ctx.check('transactionId is the ongoing one', stop?.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop?.payload['transactionId'], frames: framesOf(stop), step: 1 });
      ctx.check('reason is PowerLoss', stop?.payload['reason'] === 'PowerLoss', { expected: 'PowerLoss', actual: stop?.payload['reason'] ?? 'omitted', frames: framesOf(stop), step: 1 });
      ctx.check('StopTransaction.req came before the BootNotification.req (sent on back-up power)', (stop?.index ?? Infinity) < boot.index, { expected: 'before the BootNotification.req', actual: 'after it', frames: framesOf(stop, boot), step: 1 });
      ctx.check('status is Finishing', finishing?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: finishing?.payload['status'], frames: framesOf(finishing), step: 3 });
      ctx.check('the Finishing StatusNotification.req came before the BootNotification.req', (finishing?.index ?? Infinity) < boot.index, { expected: 'before the BootNotification.req', actual: 'after it', frames: framesOf(finishing, boot), step: 3 });
    });
    await ctx.step('Steps 7-8: StatusNotification.req per connector and connector 0', () => expectStatusesAfterBoot(ctx, boot, { connectorId, statuses: ['Finishing', 'Preparing'], others: 'Available', step: 7 }));
  },
});
