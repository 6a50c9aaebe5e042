/**
 * TC_032_1_CSMS Power failure boot charging point-configured to stop transaction(s) (OCTT 1.6
 * document §3.11.1, Table 144; OCPP 1.6 §4.2 BootNotification, §4.10 StopTransaction, §7.36
 * Reason PowerLoss).
 *
 * While charging (reusable state Charging) the Charge Point loses power. Back up, it boots (the
 * Central System must accept: the document's step 2 validation), reports the connector that had
 * the transaction Finishing and connector 0 and the others Available (step 3), and stops the
 * transaction with reason PowerLoss (step 5), which the Central System must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { bootNotification, chargePoint, reboot, reportAllConnectors, stopTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_032_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Power Failure Non-Happy Flow',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  requirements: ['OCPP 1.6 §4.2', 'OCPP 1.6 §4.10', 'OCPP 1.6 §7.36'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Charging'],
  validations: [
    { step: 2, checks: 'BootNotification.conf status Accepted after the power failure' },
    { step: 3, checks: 'StatusNotification.req Finishing for the connector of the transaction, Available for the others, each answered' },
    { step: 5, checks: 'StopTransaction.req reason PowerLoss answered' },
  ],
  detects: ['boot-always-pending', 'stop-reason-limited', 'transaction-ended-error'],
  async run(ctx) {
    const tx = chargePoint(ctx).transaction;
    if (tx === undefined) return ctx.inconclusive('the Charging state left no open transaction');
    await ctx.step('Power is cut and comes back: the connection drops and opens again', async () => {
      await reboot(ctx, 'power failure');
    });
    await ctx.step('Steps 1-2: BootNotification.req → BootNotification.conf status Accepted', async () => {
      await bootNotification(ctx, { step: 2 });
    });
    await ctx.step('Steps 3-4: StatusNotification.req per connector and connectorId 0 (Finishing where the transaction was) → answered', async () => {
      await reportAllConnectors(ctx, { step: 3, statuses: new Map([[tx.connectorId, 'Finishing']]) });
    });
    await ctx.step('Steps 5-6: StopTransaction.req reason PowerLoss → answered', async () => {
      await stopTransaction(ctx, 'PowerLoss', { step: 5 });
    });
  },
});
