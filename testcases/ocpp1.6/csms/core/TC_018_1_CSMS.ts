/**
 * TC_018_1_CSMS Unlock Connector - With Charging Session (Not fixed cable) (OCTT 1.6 document
 * §3.6.3, Table 132; OCPP 1.6 §5.18 UnlockConnector: with a transaction on the connector the
 * Charge Point stops it first, §7.36 Reason UnlockCommand).
 *
 * While charging (reusable state Charging) the operator makes the Central System unlock the
 * connector: the Charge Point unlocks (step 2), goes Finishing (step 3), stops the transaction with
 * reason UnlockCommand (step 5) and, once the cable is removed, is Available (step 7).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { chargePoint, checkReply, statusNotification, stopTransaction, triggeredCall, unlockConnectorAnswer } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_018_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Unlocking Happy flow',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  requirements: ['OCPP 1.6 §5.18', 'OCPP 1.6 §4.10'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Charging'],
  validations: [
    { step: 2, checks: 'UnlockConnector.req for the charging connector, so the Charge Point answers Unlocked' },
    { step: 3, checks: 'StatusNotification.req Finishing answered' },
    { step: 5, checks: 'StopTransaction.req reason UnlockCommand answered' },
    { step: 7, checks: 'StatusNotification.req Available answered' },
  ],
  detects: ['ignores-trigger', 'unlock-connector-zero', 'stop-reason-limited'],
  async run(ctx) {
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    await ctx.step('Steps 1-2: UnlockConnector.req for the charging connector → Unlocked', async () => {
      const call = await triggeredCall(ctx, { action: 'UnlockConnector', trigger: 'triggerUnlockConnector', params: { connectorId: tx.connectorId }, answer: (c) => unlockConnectorAnswer(ctx, c.payload, 'unlocks'), step: 2 });
      ctx.check('UnlockConnector.req connectorId is the connector of the transaction', call.payload.connectorId === tx.connectorId, { expected: tx.connectorId, actual: call.payload.connectorId ?? 'absent', frames: call.frames, step: 2 });
      checkReply(ctx, 'UnlockConnector', call.reply, 'Unlocked', call.frames, 2);
    });
    await ctx.step('Steps 3-4: StatusNotification.req Finishing → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Finishing', 'NoError', { step: 3 });
    });
    await ctx.step('Steps 5-6: StopTransaction.req reason UnlockCommand → answered', async () => {
      await stopTransaction(ctx, 'UnlockCommand', { step: 5 });
    });
    await ctx.step('Steps 7-8: cable removed, StatusNotification.req Available → answered', async () => {
      await statusNotification(ctx, tx.connectorId, 'Available', 'NoError', { step: 7 });
    });
  },
});
