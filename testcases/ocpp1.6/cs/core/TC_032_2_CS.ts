/**
 * OCPP 1.6 TC_032_2_CS — Power failure boot charging point-configured to stop transaction(s)
 * (OCTT 1.6 document §2.13.2): a charge point without back-up power loses its power during a
 * transaction. After the power is back it boots (BootNotification.req first) and reports its
 * connectors; the transaction either resumed (Charging: the driver then stops it with the idTag,
 * reason Local or omitted) or is stopped by the charge point itself, reason PowerLoss (1.6 §4.10,
 * §7.36). Steps 3-7 may come in any order.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import type { JsonObject, ObservedCall } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, fromNow, noteTransactionEnded, ongoingTransaction, presentIdTag } from '../_shared/charge-point.js';
import { expectReboot } from './_states-extra.js';

const anyOrder = 'OCTT 1.6 TC_032_2_CS "Steps 3-7: The order in which the messages are sent may be different"';

export default defineTestCase({
  id: 'TC_032_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Power Failure Non-Happy Flow',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  useCases: ['Boot Notification', 'Status Notification', 'Stop Transaction'],
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §4.9', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { not: { item: 'HW-BackupPower' } },
  states: ['Booted', 'Charging'],
  validations: [
    { step: 3, checks: 'after the boot: the connector of the transaction Preparing, Finishing or Charging (Unavailable / Available before it allowed), the others (and connector 0) Available' },
    { step: 5, checks: 'StopTransaction.req of the transaction: reason Local or omitted when the driver stopped it, PowerLoss when the charge point did' },
    { step: 7, checks: 'StatusNotification.req Preparing or Finishing, unless Finishing was already reported' },
  ],
  waivers: [
    { step: 2, reason: 'OCTT 1.6 document TC_032_2_CS step 2 validates an own message of the Central System (BootNotification.conf status Accepted); the harness answers every BootNotification so: there is nothing of the charge point to judge in it' },
    { step: 4, reason: 'OCTT 1.6 document TC_032_2_CS step 4 is the Central System\'s StatusNotification.conf, validated only by "Steps 3-7: the order may be different"; the harness sends it, and steps 3, 5 and 7 are judged in any order' },
    { step: 6, reason: 'OCTT 1.6 document TC_032_2_CS step 6 is the Central System\'s StopTransaction.conf, validated only by "Steps 3-7: the order may be different"; the harness sends it, and steps 3, 5 and 7 are judged in any order' },
  ],
  detects: ['power-loss-transaction-forgotten', 'wrong-stop-reason'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const transactionId = ongoingTransaction(ctx, connectorId);
    if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
    const boot = await ctx.step('Steps 1-2: disconnect and reconnect the power: BootNotification.req', async () => {
      bootExpected(ctx, true);
      fromNow(ctx);
      await ctx.dut('powerCycle');
      return expectReboot(ctx);
    });
    const after = boot.index + 1;
    const of = (id: number, statuses: readonly string[]) => (p: JsonObject): boolean => p['connectorId'] === id && statuses.includes(String(p['status']));
    const status = await ctx.step('Step 3: StatusNotification.req per connector and connector 0', async () => {
      const others = [0, ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1)].filter((id) => id !== connectorId);
      for (const id of others) {
        const sn = await ctx.expectCall('StatusNotification', { from: after, match: { connectorId: id }, describe: `connectorId ${id}`, anyOrder, step: 3 });
        ctx.check(`connector ${id} is Available`, sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 3 });
      }
      // "intermediate status unavailable or available are allowed": the first other one decides.
      const sn = await ctx.expectCall('StatusNotification', { from: after, match: (p) => p['connectorId'] === connectorId && !['Unavailable', 'Available'].includes(String(p['status'])), describe: `connectorId ${connectorId}, after any Unavailable / Available`, anyOrder, step: 3 });
      ctx.check(`connector ${connectorId} is Preparing, Finishing or Charging`, ['Preparing', 'Finishing', 'Charging'].includes(String(sn.payload['status'])), { expected: 'Preparing, Finishing or Charging', actual: sn.payload['status'], frames: framesOf(sn), step: 3 });
      return String(sn.payload['status']);
    });
    const stop: ObservedCall = await ctx.step('Steps 5-6: StopTransaction.req (driver stop when resumed, else by the charge point)', async () => {
      const resumed = status === 'Charging' && !ctx.journal().some((e) => e.index >= after && e.kind === 'callIn' && e.action === 'StopTransaction');
      if (resumed) await presentIdTag(ctx, ctx.config.idTokens.valid.idToken, connectorId);
      const call = await ctx.expectCall('StopTransaction', { from: after, anyOrder, step: 5 });
      noteTransactionEnded(ctx, connectorId);
      const reason = call.payload['reason'];
      ctx.check('transactionId is the interrupted one', call.payload['transactionId'] === transactionId, { expected: transactionId, actual: call.payload['transactionId'], frames: framesOf(call), step: 5 });
      if (resumed) ctx.check('reason is Local or omitted (stopped by the driver)', reason === undefined || reason === 'Local', { expected: 'Local or omitted', actual: reason ?? 'omitted', frames: framesOf(call), step: 5 });
      else ctx.check('reason is PowerLoss (stopped by the charge point)', reason === 'PowerLoss', { expected: 'PowerLoss', actual: reason ?? 'omitted', frames: framesOf(call), step: 5 });
      return call;
    });
    await ctx.step('Steps 7-8: StatusNotification.req Preparing or Finishing (unless Finishing was already reported)', async () => {
      const finishingSeen = ctx.journal().some((e) => e.index >= after && e.kind === 'callIn' && e.action === 'StatusNotification' && of(connectorId, ['Finishing'])(e.payload));
      if (finishingSeen) return;
      await ctx.expectCall('StatusNotification', { from: stop.index + 1, match: of(connectorId, ['Preparing', 'Finishing']), describe: `connectorId ${connectorId}, Preparing or Finishing`, anyOrder, step: 7 });
    });
  },
});
