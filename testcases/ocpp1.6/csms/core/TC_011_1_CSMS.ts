/**
 * TC_011_1_CSMS Remote Start Charging Session - Remote Start First (OCTT 1.6 document §3.4.2,
 * Table 125; OCPP 1.6 §5.11 RemoteStartTransaction, §4.1 Authorize, §4.8 StartTransaction).
 *
 * Before the EV is plugged in, the operator makes the Central System start a transaction remotely
 * for the configured valid idTag, which the Charge Point accepts (step 2). It authorizes the idTag
 * (AuthorizeRemoteTxRequests = true; the document validates this Authorize.conf as step 6), goes
 * Preparing (step 5), the cable comes, the transaction starts (step 8) and charges (step 9).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, expectRemoteStart, generalPreconditions, startTransaction, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_1_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Remote Start First',
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.1', 'OCPP 1.6 §4.8'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction.req for the configured idTag and connector, so the Charge Point answers Accepted' },
    { step: 5, checks: 'StatusNotification.req Preparing answered' },
    { step: 6, checks: 'Authorize.conf idTagInfo.status Accepted (the document numbers this validation step 6)' },
    { step: 8, checks: 'StartTransaction.conf idTagInfo.status Accepted' },
    { step: 9, checks: 'StatusNotification.req Charging answered' },
  ],
  detects: ['ignores-trigger', 'remote-start-without-idtoken', 'rejects-valid-token'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await ctx.step('Steps 1-2: RemoteStartTransaction.req for the configured valid idTag → Accepted', async () => {
      await expectRemoteStart(ctx, 2);
    });
    await ctx.step('Steps 3-4: Authorize.req (AuthorizeRemoteTxRequests = true) → Accepted', async () => {
      await authorizeValid(ctx, { step: 6 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 5 });
    });
    await ctx.step('Steps 7-8: cable plugged in, StartTransaction.req → idTagInfo.status Accepted', async () => {
      await startTransaction(ctx, idTag, connectorId, { step: 8 });
    });
    await ctx.step('Steps 9-10: StatusNotification.req Charging → answered', async () => {
      await statusNotification(ctx, connectorId, 'Charging', 'NoError', { step: 9 });
    });
  },
});
