/**
 * OCPP 1.6 TC_011_2_CS — Remote Start Charging Session – Time Out (OCTT 1.6 document §2.5.3):
 * ConnectionTimeOut set to the configured connection timeout; GetConfiguration
 * AuthorizeRemoteTxRequests (step 2), RemoteStartTransaction.req: Accepted (step 4), Authorize.req
 * only if AuthorizeRemoteTxRequests is true, Preparing (step 7); no cable: once the time-out is
 * reached the connector is Available again (step 9; 1.6 §9.1 ConnectionTimeOut).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, getConfiguration } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredConnectionTimeOutS } from '../_shared/configured.js';

export default defineTestCase({
  id: 'TC_011_2_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Remote actions Happy flow',
  title: 'Remote Start Charging Session – Time Out',
  useCases: ['Remote Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §5.11', 'OCPP 1.6 §4.9', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 2, checks: 'GetConfiguration.conf configurationKey.key is AuthorizeRemoteTxRequests' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Preparing' },
    { step: 9, checks: 'StatusNotification.req Available once ConnectionTimeOut is reached (not before it)' },
  ],
  waivers: [
    { step: 1, reason: 'OCTT 1.6 document TC_011_2_CS step 1 validates an own message of the Central System (GetConfiguration.req key AuthorizeRemoteTxRequests); the harness plays the Central System and asks for exactly that key: there is nothing of the charge point to judge in it' },
    { step: 6, reason: 'OCTT 1.6 document TC_011_2_CS step 6 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['ignores-ev-connection-timeout', 'remote-start-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const timeoutS = configuredConnectionTimeOutS(ctx);
    await applyConfigurationStates(ctx, [{ key: 'ConnectionTimeOut', value: String(timeoutS) }]);
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
    await ctx.step(`Steps 9-10: no cable within ConnectionTimeOut (${timeoutS} s): StatusNotification.req Available`, async () => {
      if (!preparing) return;
      fromNow(ctx);
      const sn = await ctx.expectGap('StatusNotification', { after: preparing, minMs: timeoutS * 1000, withinMs: timeoutS * 1000 + 2 * ctx.toleranceMs, match: { connectorId }, step: 9 });
      ctx.check('status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 9 });
    });
  },
});
