/**
 * OCPP 1.6 TC_010_CS — Remote Start Charging Session - Cable Plugged in First. Derived from OCPP
 * 1.6 edition 2 §5.11 (RemoteStartTransaction: Accepted, then Authorize.req only when
 * AuthorizeRemoteTxRequests is true, then StartTransaction.req with the given idTag), §4.8, §4.9,
 * in the shape of 2.0.1 Part 6 TC_F_01_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { clearAuthorizationCache } from '../_shared/auth-cache.js';
import { expectChargingStatus, framesOf, getConfiguration, noteTransaction, plugIn, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_010_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Cable Plugged in First',
  useCases: ['Remote Start Transaction', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['remote-start-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    // AuthorizeRemoteTxRequests = true makes the charge point authorize "as for a local action"
    // (1.6 §5.11), which a cached idTag may skip: start from the empty cache of §1.3.
    await clearAuthorizationCache(ctx);
    const authorizeRemote = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests')?.value === 'true';

    await ctx.step('Plug in the cable: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
    });
    await ctx.step('RemoteStartTransaction.req: Accepted, StartTransaction.req with its idTag, status Charging', async () => {
      const mark = ctx.cursor();
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Accepted' } });
      if (authorizeRemote) await ctx.expectCall('Authorize', { match: { idTag } });
      const start = await ctx.expectCall('StartTransaction', { match: { connectorId } });
      ctx.check('StartTransaction.req idTag is the one of RemoteStartTransaction.req', start.payload['idTag'] === idTag, { expected: idTag, actual: start.payload['idTag'], frames: framesOf(start) });
      await noteTransaction(ctx, start);
      await expectChargingStatus(ctx, connectorId, { from: mark });
    });
  },
});
