/**
 * TC_003_CSMS Regular Charging Session - Plugin First (OCPP 1.6 edition 2 §4.9 StatusNotification,
 * §4.1 Authorize, §4.8 StartTransaction; shape of the 2.0.1 Part 6 CSMS states
 * EVConnectedPreSession → Authorized → EnergyTransferStarted).
 *
 * The EV is plugged in before the driver presents the configured valid idTag: the Central System
 * must accept the idTag, assign a usable transactionId and acknowledge the Charging status. The
 * general restore stops the transaction afterwards.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_003_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'Regular Charging Session - Plugin First',
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'Cable plugged in: StatusNotification Preparing' },
    { step: 4, checks: 'Authorize with the configured valid idTag → Accepted' },
    { step: 6, checks: 'StartTransaction → transactionId > 0, idTagInfo Accepted' },
    { step: 7, checks: 'Energy transfer: StatusNotification Charging' },
  ],
  detects: ['rejects-valid-token', 'transaction-id-zero'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    await ctx.step('1-2. Cable plugged in: StatusNotification Preparing', async () => {
      await statusNotification(ctx, connectorId, 'Preparing');
    });
    await ctx.step('3-4. Authorize with the configured valid idTag → Accepted', async () => {
      await authorizeValid(ctx);
    });
    await ctx.step('5-6. StartTransaction → transactionId > 0, idTagInfo Accepted', async () => {
      await startTransaction(ctx, ctx.config.idTokens.valid.idToken, connectorId);
    });
    await ctx.step('7-8. Energy transfer: StatusNotification Charging', async () => {
      await statusNotification(ctx, connectorId, 'Charging');
    });
  },
});
