/**
 * TC_011_2_CSMS Remote Start Charging Session - Time Out (OCTT 1.6 document §3.4.3, Table 126;
 * OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.6 ConnectionTimeOut).
 *
 * The operator makes the Central System start a transaction remotely for the configured valid
 * idTag (the Charge Point accepts, step 2), the Charge Point authorizes it (step 4 Accepted) and
 * goes Preparing (step 5), but no cable comes within its ConnectionTimeOut: the connector is
 * Available again (step 7) and no transaction starts. The Central System must take that.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { authorizeValid, chargePoint, expectRemoteStart, generalPreconditions, statusNotification } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_2_CSMS',
  version: '1.6',
  sut: 'csms',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Time Out',
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 2, checks: 'RemoteStartTransaction.req for the configured idTag and connector, so the Charge Point answers Accepted' },
    { step: 4, checks: 'Authorize.conf idTagInfo.status Accepted' },
    { step: 5, checks: 'StatusNotification.req Preparing answered' },
    { step: 7, checks: 'after the ConnectionTimeOut, StatusNotification.req Available answered' },
  ],
  detects: ['ignores-trigger', 'remote-start-without-idtoken', 'preparing-to-available-error'],
  async run(ctx) {
    await generalPreconditions(ctx);
    const connectorId = ctx.config.connectorId;
    await ctx.step('Steps 1-2: RemoteStartTransaction.req for the configured valid idTag → Accepted', async () => {
      await expectRemoteStart(ctx, 2);
    });
    await ctx.step('Steps 3-4: Authorize.req (AuthorizeRemoteTxRequests = true) → Accepted', async () => {
      await authorizeValid(ctx, { step: 4 });
    });
    await ctx.step('Steps 5-6: StatusNotification.req Preparing → answered', async () => {
      await statusNotification(ctx, connectorId, 'Preparing', 'NoError', { step: 5 });
    });
    await ctx.step('Steps 7-8: the ConnectionTimeOut expires, StatusNotification.req Available → answered', async () => {
      const timeoutS = Number(chargePoint(ctx).configuration.get('ConnectionTimeOut')?.value ?? '0');
      await ctx.sleep(Math.max(0, timeoutS) * 1000);
      chargePoint(ctx).authorizedIdTag = undefined;
      await statusNotification(ctx, connectorId, 'Available', 'NoError', { step: 7 });
    });
  },
});
