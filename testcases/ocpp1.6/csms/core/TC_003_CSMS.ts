/**
 * TC_003_CSMS Regular Charging Session - Plugin First (OCTT 1.6 document §3.2.1, Table 118;
 * OCPP 1.6 §4.9 StatusNotification, §4.1 Authorize, §4.8 StartTransaction).
 *
 * The EV is plugged in (Preparing, step 1) before the driver presents the configured valid idTag:
 * Authorize.conf must be Accepted (step 4), StartTransaction.conf idTagInfo Accepted (step 6), and
 * the Charging status answered (step 7). The general restore stops the transaction afterwards.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, generalPreconditions, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_003_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Start Charging Session',
  title: 'Regular Charging Session - Plugin First',
  requirements: ['OCPP 1.6 §4.9', 'OCPP 1.6 §4.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing answered' },
    { step: 4, checks: 'Authorize.conf idTagInfo.status Accepted for the configured valid idTag' },
    { step: 6, checks: 'StartTransaction.conf idTagInfo.status Accepted' },
    { step: 7, checks: 'StatusNotification.req Charging answered' },
  ],
  detects: ['rejects-valid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await ctx.step('Steps 1-2: cable plugged in, StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: Authorize.req with the configured valid idTag → Accepted', async () => {
      await authorizeValid(ctx, { step: 4 });
    });
    await ctx.step('Steps 5-6: StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, idTag, connectorId, { step: 6 });
    });
    await ctx.step('Steps 7-8: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 7 });
    });
  },
});
