/**
 * TC_037_3_CSMS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
 * (OCTT 1.6 document §3.12.2, Table 146; OCPP 1.6 §4.8 StartTransaction, §9.1.24
 * StopTransactionOnInvalidId, §7.36 Reason DeAuthorized).
 *
 * The connection is lost; the driver starts a transaction offline with the configured invalid
 * idTag (the Charge Point let it charge offline). Back online, the queued StartTransaction must be
 * answered idTagInfo Invalid (step 2); the Charge Point reports Charging (step 3), then, as
 * StopTransactionOnInvalidId is true, stops with reason DeAuthorized (step 5) and goes Finishing
 * (step 7). The Central System must answer each.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { disconnect, generalPreconditions, reconnectAfterOutage, startTransaction, statusNotification, stopTransaction } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_037_3_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  requirements: ['OCPP 1.6 §4.8', 'OCPP 1.6 §4.10', 'OCPP 1.6 §9.1.24'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'the queued StartTransaction.conf idTagInfo.status Invalid' },
    { step: 3, checks: 'StatusNotification.req Charging answered' },
    { step: 5, checks: 'StopTransaction.req reason DeAuthorized answered' },
    { step: 7, checks: 'StatusNotification.req Finishing answered' },
  ],
  detects: ['accepts-invalid-token', 'stop-reason-limited'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    let startedAt = '';
    await ctx.step('Connectivity lost; the driver starts a transaction offline with the invalid idTag; connectivity restored', async () => {
      await disconnect(ctx, 'connectivity lost');
      startedAt = new Date(ctx.clock.wallMs()).toISOString();
      await reconnectAfterOutage(ctx);
    });
    await ctx.step('Steps 1-2: the queued StartTransaction.req → idTagInfo.status Invalid', async () => {
      await startTransaction(ctx, ctx.config.idTokens.invalid.idToken, connectorId, { step: 2, timestamp: startedAt, expect: 'Invalid' });
    });
    await ctx.step('Steps 3-4: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 3 });
    });
    await ctx.step('Steps 5-6: StopTransactionOnInvalidId = true: StopTransaction.req reason DeAuthorized → answered', async () => {
      await stopTransaction(ctx, 'DeAuthorized', { step: 5 });
    });
    await ctx.step('Steps 7-8: StatusNotification.req Finishing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Finishing', 'NoError', { step: 7 });
    });
  },
});
