/**
 * TC_004_1_CSMS Regular Charging Session - Identification First (OCPP 1.6 edition 2 §4.1
 * Authorize, §4.9 StatusNotification, §4.8 StartTransaction; shape of the 2.0.1 Part 6 CSMS
 * states Authorized → EVConnectedPreSession → EnergyTransferStarted).
 *
 * The driver presents the configured valid idTag before plugging in: Authorize must be Accepted,
 * then (connector Preparing) StartTransaction must give a usable transactionId and accept the
 * idTag, and the Charging status is acknowledged. The general restore stops the transaction.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_004_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'Regular Charging Session - Identification First',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['rejects-valid-token', 'transaction-id-zero'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('1-2. Authorize with the configured valid idTag → Accepted', async () => {
      await authorizeValid(ctx);
    });
    await ctx.step('3-4. Cable plugged in: StatusNotification Preparing', async () => {
      // §4.9 Preparing: a presented tag or an inserted cable takes the connector out of Available.
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('5-6. StartTransaction → transactionId > 0, idTagInfo Accepted', async () => {
      await startTransaction(ctx, ctx.config.idTokens.valid.idToken, connectorId);
    });
    await ctx.step('7-8. Energy transfer: StatusNotification Charging', async () => {
      await statusNotification(ctx, connectorId, 'Charging');
    });
  },
});
