/**
 * TC_010_CSMS Remote Start Charging Session - Cable Plugged in First (OCTT 1.6 document §3.4.1,
 * Table 124; OCPP 1.6 §5.11 RemoteStartTransaction, §4.1 Authorize, §4.8 StartTransaction).
 *
 * With the cable plugged in (Preparing, step 1), the operator makes the Central System start a
 * transaction remotely for the configured valid idTag; a request for that idTag and connector is
 * one the Charge Point accepts (step 4). With AuthorizeRemoteTxRequests = true the Charge Point
 * authorizes the idTag (step 6 Accepted), starts the transaction (step 8 Accepted) and charges (step 9).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, expectRemoteStart, generalPreconditions, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_010_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Cable Plugged in First',
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing answered' },
    { step: 4, checks: 'RemoteStartTransaction.req for the configured idTag and connector, so the Charge Point answers Accepted' },
    { step: 6, checks: 'Authorize.conf idTagInfo.status Accepted' },
    { step: 8, checks: 'StartTransaction.conf idTagInfo.status Accepted' },
    { step: 9, checks: 'StatusNotification.req Charging answered' },
  ],
  detects: ['ignores-trigger', 'remote-start-without-idtoken', 'rejects-valid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await ctx.step('Steps 1-2: cable plugged in, StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 1 });
    });
    await ctx.step('Steps 3-4: RemoteStartTransaction.req for the configured valid idTag → Accepted', async () => {
      await expectRemoteStart(ctx, 4);
    });
    await ctx.step('Steps 5-6: Authorize.req (AuthorizeRemoteTxRequests = true) → Accepted', async () => {
      await authorizeValid(ctx, { step: 6 });
    });
    await ctx.step('Steps 7-8: StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, idTag, connectorId, { step: 8 });
    });
    await ctx.step('Steps 9-10: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 9 });
    });
  },
});
