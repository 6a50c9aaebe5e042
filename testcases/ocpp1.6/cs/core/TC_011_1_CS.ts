/**
 * OCPP 1.6 TC_011_1_CS — Remote Start Charging Session - Remote Start First. Derived from OCPP 1.6
 * edition 2 §5.11 (with AuthorizeRemoteTxRequests true the charge point authorizes the idTag as
 * for a local start before it starts the transaction), §4.8 and §4.9 (Preparing until the cable
 * is in), in the shape of 2.0.1 Part 6 TC_F_02_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChargingStatus, framesOf, getConfiguration, noteTransaction, plugIn, setConfiguration, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_1_CS',
  version: '1.6',
  sut: 'cs',
  block: '05 Remote Actions (Happy Flow)',
  title: 'Remote Start Charging Session - Remote Start First',
  useCases: ['Remote Start Transaction', 'Authorize', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.3'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  detects: ['remote-start-ignored', 'no-authorize'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    const authorizeRemote = await ctx.step('Before: AuthorizeRemoteTxRequests = true (where it can be written)', async () => {
      await ctx.callExpect('ClearCache', {}, { match: { status: 'Accepted' } });
      await setConfiguration(ctx, 'AuthorizeRemoteTxRequests', 'true');
      return (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests')?.value === 'true';
    });
    await ctx.step(`RemoteStartTransaction.req: Accepted${authorizeRemote ? ', Authorize.req' : ''}, StatusNotification.req Preparing`, async () => {
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Accepted' } });
      const specs = [{ action: 'StatusNotification', match: status(connectorId, 'Preparing') }];
      if (authorizeRemote) specs.push({ action: 'Authorize', match: { idTag } });
      await ctx.expectAll(specs);
    });
    await ctx.step('Plug in the cable: StartTransaction.req with the idTag, status Charging', async () => {
      await plugIn(ctx, connectorId);
      const mark = ctx.cursor();
      const start = await ctx.expectCall('StartTransaction', { match: { connectorId } });
      ctx.check('StartTransaction.req idTag is the one of RemoteStartTransaction.req', start.payload['idTag'] === idTag, { expected: idTag, actual: start.payload['idTag'], frames: framesOf(start) });
      await noteTransaction(ctx, start);
      await expectChargingStatus(ctx, connectorId, { from: mark });
    });
  },
});
