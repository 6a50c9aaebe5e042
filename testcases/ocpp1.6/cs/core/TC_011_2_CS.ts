/**
 * OCPP 1.6 TC_011_2_CS — Remote Start Charging Session - Time Out. Derived from OCPP 1.6 edition 2
 * §5.11 and §4.9 / §9.1.6: a remote start without a cable waits in Preparing and is cancelled
 * after ConnectionTimeOut (back to Available, no StartTransaction.req), in the shape of 2.0.1
 * Part 6 TC_F_04_CS.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, getConfiguration, setConfiguration, shortConnectionTimeOutS, status } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Time Out',
  useCases: ['Remote Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1.6'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf reports the key AuthorizeRemoteTxRequests' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Preparing' },
    { step: 9, checks: 'StatusNotification.req Available after ConnectionTimeOut, no StartTransaction.req' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_011_2_CS step 1 validates an own message of the Central System (GetConfiguration.req key AuthorizeRemoteTxRequests); the harness plays the Central System and sends it so (the harness asks for exactly that key): there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_011_2_CS step 6 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and sends it so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-ev-connection-timeout', 'remote-start-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const timeoutS = shortConnectionTimeOutS(ctx);

    await ctx.step(`Before: ConnectionTimeOut = ${timeoutS}`, async () => {
      await setConfiguration(ctx, 'ConnectionTimeOut', String(timeoutS), { required: true });
    });
    await ctx.step('Steps 1-2: GetConfiguration.req AuthorizeRemoteTxRequests: reported', async () => {
      const known = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests');
      // OCTT 1.6 document step 2: the configurationKey.key is AuthorizeRemoteTxRequests (a Core key, 1.6 §9.1.1).
      ctx.check('GetConfiguration.conf reports AuthorizeRemoteTxRequests', known !== undefined, { expected: 'configurationKey AuthorizeRemoteTxRequests', actual: known ?? 'not reported', step: 2 });
    });
    const preparing = await ctx.step('RemoteStartTransaction.req without a cable: Accepted, StatusNotification.req Preparing', async () => {
      fromNow(ctx);
      await ctx.callExpect('RemoteStartTransaction', { connectorId, idTag }, { match: { status: 'Accepted' } });
      // With AuthorizeRemoteTxRequests true an Authorize.req may come first (not judged here).
      return ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
    });
    await ctx.step(`No cable within ${timeoutS} s: back to Available after ConnectionTimeOut, no transaction`, async () => {
      const available = await ctx.expectGap('StatusNotification', {
        after: preparing,
        minMs: timeoutS * 1000,
        withinMs: timeoutS * 1000 + ctx.toleranceMs,
        match: status(connectorId, 'Available'),
      });
      const starts = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StartTransaction');
      ctx.check('no StartTransaction.req', starts.length === 0, { expected: 'none', actual: `${starts.length}`, frames: framesOf(available) });
    });
  },
});
