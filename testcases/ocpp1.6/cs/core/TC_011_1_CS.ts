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
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Remote Start First',
  useCases: ['Remote Start Transaction', 'Authorize', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.3'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf reports the key AuthorizeRemoteTxRequests' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Preparing' },
    { step: 11, checks: 'StatusNotification.req Charging (SuspendedEV/SuspendedEVSE pass with a warning)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_011_1_CS step 1 validates an own message of the Central System (GetConfiguration.req key AuthorizeRemoteTxRequests); the harness plays the Central System and sends it so (the harness asks for exactly that key): there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_011_1_CS step 6 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
    { step: 10, reason: 'OCTT 1.6 document TC_011_1_CS step 10 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
  ],
  detects: ['remote-start-ignored', 'no-authorize'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    const authorizeRemote = await ctx.step('Before: AuthorizeRemoteTxRequests = true (where it can be written)', async () => {
      await ctx.callExpect('ClearCache', {}, { match: { status: 'Accepted' } });
      await setConfiguration(ctx, 'AuthorizeRemoteTxRequests', 'true');
      const known = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests');
      // OCTT 1.6 document step 2: the configurationKey.key is AuthorizeRemoteTxRequests (a Core key, 1.6 §9.1.1).
      ctx.check('GetConfiguration.conf reports AuthorizeRemoteTxRequests', known !== undefined, { expected: 'configurationKey AuthorizeRemoteTxRequests', actual: known ?? 'not reported', step: 2 });
      return known?.value === 'true';
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
