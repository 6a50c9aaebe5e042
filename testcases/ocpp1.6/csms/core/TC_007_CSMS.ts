/**
 * TC_007_CSMS Regular Start Charging Session - Cached Id (OCTT 1.6 document §3.3.1, Table 122;
 * OCPP 1.6 §3.5.1 Authorization Cache, §4.8 StartTransaction).
 *
 * The driver's idTag (the configured valid one) is in the Charge Point's authorization cache, so
 * the Charge Point starts the transaction without an Authorize.req: Preparing (step 1), then
 * StartTransaction, whose idTagInfo the Central System must answer Accepted (step 4), then
 * Charging (step 5).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { generalPreconditions, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_007_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Cache',
  title: 'Regular Start Charging Session – Cached Id',
  requirements: ['OCPP 1.6 §3.5.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing answered' },
    { step: 4, checks: 'StartTransaction.conf (no Authorize before it) idTagInfo.status Accepted' },
    { step: 5, checks: 'StatusNotification.req Charging answered' },
  ],
  detects: ['start-requires-authorize'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: cable plugged in, StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: the cached idTag is presented, StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, ctx.config.idTokens.valid.idToken, connectorId, { step: 4 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 5 });
    });
  },
});
