/**
 * TC_015_CS / TC_016_CS (OCTT 1.6 document §2.6.3, §2.6.4): Reset.req of a type while a
 * transaction runs (1.6 §5.14: the charge point stops the ongoing transactions, reason HardReset /
 * SoftReset, before it restarts). Hard: the StopTransaction.req may come before or after the
 * reboot's BootNotification.req, the Finishing status is due once it came. Soft: stop and
 * Finishing come first (before any reboot), the reboot is optional; when it happens the statuses
 * after it are due.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, fromNow, journalMark, noteTransactionEnded, ongoingTransaction } from '../_shared/charge-point.js';
import { expectReboot, expectStatusesAfterBoot, expectStatusSince } from './_states-extra.js';

export async function resetWithTransaction(ctx: TestContext, type: 'Hard' | 'Soft'): Promise<void> {
  const connectorId = ctx.config.connectorId;
  const transactionId = ongoingTransaction(ctx, connectorId);
  if (transactionId === undefined) ctx.inconclusive('the transactionId of the ongoing transaction is not known');
  const reason = `${type}Reset`;
  fromNow(ctx);
  const since = journalMark(ctx);
  await ctx.step(`Steps 1-2: Reset.req type ${type}: Accepted`, async () => {
    bootExpected(ctx, true);
    await ctx.callExpect('Reset', { type }, { match: { status: 'Accepted' } });
  });
  const checkStop = (stop: ObservedCall): void => {
    noteTransactionEnded(ctx, connectorId);
    ctx.check('StopTransaction.req of the ongoing transaction', stop.payload['transactionId'] === transactionId, { expected: transactionId, actual: stop.payload['transactionId'], frames: framesOf(stop), step: 3 });
    ctx.check(`reason is ${reason}`, stop.payload['reason'] === reason, { expected: reason, actual: stop.payload['reason'] ?? 'absent', frames: framesOf(stop), step: 3 });
  };
  if (type === 'Hard') {
    // TC_015_CS step 3: "Needs to be sent either before or after step 7".
    const boot = await ctx.step('Steps 7-8: the charge point reboots: BootNotification.req', () => expectReboot(ctx));
    await ctx.step('Step 9: StatusNotification.req per connector and connector 0', () =>
      expectStatusesAfterBoot(ctx, boot, { connectorId, statuses: ['Finishing', 'Preparing'], others: 'Available', step: 9 }),
    );
    await ctx.step(`Step 3: StopTransaction.req reason ${reason} (before or after the reboot)`, async () => {
      checkStop(await ctx.expectCall('StopTransaction', { from: since, anyOrder: 'OCTT 1.6 TC_015_CS step 3: "Needs to be sent either before or after step 7"', step: 3 }));
    });
    await ctx.step('Step 5: StatusNotification.req Finishing (due since step 3 was sent)', async () => {
      await expectStatusSince(ctx, connectorId, ['Finishing'], since, 5, 'OCTT 1.6 TC_015_CS step 5: "Needs to be sent if step 3 is sent"');
    });
    return;
  }
  // TC_016_CS lists steps 3 and 5 before the (optional) reboot of step 7; 1.6 fixes no order between the two.
  await ctx.step(`Steps 3-6: StopTransaction.req reason ${reason}, StatusNotification.req Finishing (before any reboot)`, async () => {
    const [stop, sn] = await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: { connectorId } }], { step: 3 });
    if (stop) checkStop(stop);
    ctx.check('status is Finishing', sn?.payload['status'] === 'Finishing', { expected: 'Finishing', actual: sn?.payload['status'], frames: framesOf(sn), step: 5 });
  });
  // TC_016_CS step 7: "This message is sent optionally"; step 9 "Only send if step 7 is sent".
  const boot = await ctx.step('Steps 7-8: BootNotification.req (optional after a soft reset)', async () => {
    const call = await ctx.maybeCall('BootNotification', { from: since, withinMs: ctx.config.connectTimeoutMs });
    bootExpected(ctx, false);
    return call;
  });
  if (!boot) return;
  await ctx.step('Step 9: StatusNotification.req per connector and connector 0', () =>
    expectStatusesAfterBoot(ctx, boot, { connectorId, statuses: ['Finishing', 'Preparing'], others: 'Available', step: 9 }),
  );
}
