/**
 * TC_037_1_CSMS Offline Start Transaction - Valid IdTag (OCTT 1.6 document §3.12.1, Table 145;
 * OCPP 1.6 §3.5.2 offline authorization, §4.8 StartTransaction, §4.10 transaction-related
 * messages are queued while offline).
 *
 * The connection is lost; the driver starts a transaction offline with the configured valid idTag
 * (LocalAuthorizeOffline = true). When the connection is back, the Charge Point (which did not
 * reboot, so no BootNotification) sends the queued StartTransaction, dated when it happened: the
 * Central System must answer idTagInfo Accepted (step 2), then takes the Charging status (step 3).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { disconnect, generalPreconditions, reconnectAfterOutage, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_037_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Offline behavior Non-Happy Flow',
  title: 'Offline Start Transaction - Valid IdTag',
  requirements: ['OCPP 1.6 §3.5', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'the queued StartTransaction.conf idTagInfo.status Accepted' },
    { step: 3, checks: 'StatusNotification.req Charging answered' },
  ],
  detects: ['start-requires-authorize', 'rejects-valid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    let startedAt = '';
    await ctx.step('Connectivity lost; the driver starts a transaction offline; connectivity restored', async () => {
      await disconnect(ctx, 'connectivity lost');
      startedAt = new Date(ctx.clock.wallMs()).toISOString();
      await reconnectAfterOutage(ctx);
    });
    await ctx.step('Steps 1-2: the queued StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, ctx.config.idTokens.valid.idToken, connectorId, { step: 2, timestamp: startedAt });
    });
    await ctx.step('Steps 3-4: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 3 });
    });
  },
});
