/**
 * OCPP 1.6 TC_011_1_CS — Remote Start Charging Session – Remote Start First (OCTT 1.6 document
 * §2.5.2): GetConfiguration AuthorizeRemoteTxRequests (step 2), RemoteStartTransaction.req without a
 * cable: Accepted (step 4), Authorize.req only if AuthorizeRemoteTxRequests is true, Preparing
 * (step 7); the EV driver plugs in: StartTransaction.req and Charging (step 11). 1.6 §5.11.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, getConfiguration, noteTransaction, plugIn } from '../_shared/charge-point.js';

export default defineTestCase({
  id: 'TC_011_1_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Remote Start First',
  useCases: ['Remote Start Transaction', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.8', 'OCPP 1.6 §4.9'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf configurationKey.key is AuthorizeRemoteTxRequests' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Preparing' },
    { step: 11, checks: 'StatusNotification.req Charging after the cable is plugged in' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_011_1_CS step 1 validates an own message of the Central System (GetConfiguration.req key AuthorizeRemoteTxRequests); the harness plays the Central System and asks for exactly that key: there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_011_1_CS step 6 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
    { step: 10, reason: 'OCTT 1.6 document TC_011_1_CS step 10 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['remote-start-ignored', 'suspended-evse-while-charging'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const authorizeRemote = await ctx.step('Steps 1-2: GetConfiguration.req AuthorizeRemoteTxRequests', async () => {
      const known = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests');
      ctx.check('GetConfiguration.conf configurationKey.key is AuthorizeRemoteTxRequests', known?.key === 'AuthorizeRemoteTxRequests', { expected: 'AuthorizeRemoteTxRequests', actual: known?.key ?? 'not reported', step: 2 });
      return known?.value === 'true';
    });
    const preparing = await ctx.step('Steps 3-8: RemoteStartTransaction.req: Accepted; Authorize.req if AuthorizeRemoteTxRequests is true; StatusNotification.req Preparing', async () => {
      fromNow(ctx);
      const res = await ctx.call('RemoteStartTransaction', { connectorId, idTag });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('RemoteStartTransaction.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 4 });
      // Step 5 comes before step 7 only when AuthorizeRemoteTxRequests is true; the document does not order a
      // Preparing that a charge point reports at once on the request against that Authorize.req.
      const specs = [{ action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }, ...(authorizeRemote ? [{ action: 'Authorize', match: { idTag } }] : [])];
      const [sn] = await ctx.expectAll(specs, { step: 7 });
      ctx.check('status is Preparing', sn?.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn?.payload['status'], frames: framesOf(sn), step: 7 });
      return sn;
    });
    await ctx.step('Steps 9-12: the EV driver plugs in: StartTransaction.req, StatusNotification.req Charging', async () => {
      if (!preparing) return;
      await plugIn(ctx, connectorId);
      const [start, sn] = await ctx.expectAll(
        [{ action: 'StartTransaction', match: { connectorId, idTag } }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }],
        { anyOrder: 'OCTT 1.6 §2.25 Charging, the same start: "Steps 11 and 13 may be reversed"', step: 11 },
      );
      ctx.check('status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 11 });
      if (start) await noteTransaction(ctx, start);
    });
  },
});
