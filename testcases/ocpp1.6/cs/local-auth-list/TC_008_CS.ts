/**
 * OCPP 1.6 TC_008_CS — Regular Start Charging Session – Id in Local Authorization List. OCTT 1.6
 * document §2.17.3; OCPP 1.6 §3.5.2 (Local Authorization List), §5.11 (RemoteStartTransaction with
 * AuthorizeRemoteTxRequests), §9.1.13 LocalPreAuthorize: the idTag is in the list, so the charge
 * point may start at once without waiting for an Authorize.conf (it may still send Authorize.req:
 * not judged here), StartTransaction.req and StatusNotification.req Charging in either order.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, getConfiguration, noteTransaction, plugIn, status, transactionStatuses } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { enableLocalList, entry, send, sendLocalList, thenNoLocalList } from './local-list.js';

export default defineTestCase({
  id: 'TC_008_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Local Authorization List',
  title: 'Regular Start Charging Session – Id in Local Authorization List',
  useCases: ['Send Local List', 'Remote Start Transaction', 'Start Transaction', 'Status Notification'],
  requirements: ['OCPP 1.6 §3.5.2', 'OCPP 1.6 §5.11', 'OCPP 1.6 §5.15', 'OCPP 1.6 §9.1.13'],
  certification: [{ profile: 'Local Auth List Management', need: 'M' }],
  states: ['Booted'],
  validations: [
    { step: 4, checks: 'SendLocalList.conf status Accepted' },
    { step: 5, checks: 'StatusNotification.req Preparing after the cable is plugged in' },
    { step: 8, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 11, checks: 'StatusNotification.req Charging (SuspendedEV/SuspendedEVSE, 1.6 §7.7 transaction states, pass with a warning)' },
  ],
  waivers: [
    { step: 3, reason: 'OCTT 1.6 document TC_008_CS step 3 validates an own message of the Central System (SendLocalList.req Full, entry 0 the configured valid idTag with status Accepted); the harness plays the Central System and sends exactly that: there is nothing of the charge point to judge in it' },
    { step: 10, reason: 'OCTT 1.6 document TC_008_CS step 10 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and answers so (the configured valid idTag is Accepted in the token table of the run): there is nothing of the charge point to judge in it' },
  ],
  detects: ['local-list-entries-refused'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;

    await ctx.step('Before: AuthorizeRemoteTxRequests is not read-only false (prerequisite)', async () => {
      const remote = (await getConfiguration(ctx, ['AuthorizeRemoteTxRequests'])).get('AuthorizeRemoteTxRequests');
      if (remote?.readonly && remote.value === 'false') ctx.inconclusive('AuthorizeRemoteTxRequests is read-only false: the prerequisite of TC_008_CS does not hold');
    });
    await applyConfigurationStates(ctx, [
      { key: 'LocalPreAuthorize', value: 'true' },
      { key: 'AuthorizationCacheEnabled', value: 'false', optional: 'OCTT 1.6 TC_008_CS Before: "AuthorizationCacheEnabled is false. (If implemented)"' },
      { key: 'AuthorizeRemoteTxRequests', value: 'true' },
    ]);
    await enableLocalList(ctx);
    await thenNoLocalList(ctx, async () => {
      await ctx.step('1-2. GetLocalListVersion.req', async () => {
        await ctx.callExpect('GetLocalListVersion', {});
      });
      await ctx.step('3-4. SendLocalList.req Full with the valid idTag (Accepted): Accepted', async () => {
        const answer = await sendLocalList(ctx, { listVersion: 1, updateType: 'Full', localAuthorizationList: [entry(idTag, 'Accepted')] });
        ctx.check('SendLocalList.conf status is Accepted', answer.payload?.['status'] === 'Accepted', { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 4 });
      });
      await ctx.step('5-6. Plug in the cable: StatusNotification.req Preparing', async () => {
        await plugIn(ctx, connectorId);
        await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing'), step: 5 });
      });
      const mark = ctx.cursor();
      await ctx.step('7-8. RemoteStartTransaction.req with the valid idTag: Accepted', async () => {
        const answer = await send(ctx, 'RemoteStartTransaction', { idTag, connectorId });
        ctx.check('RemoteStartTransaction.conf status is Accepted', answer.payload?.['status'] === 'Accepted', { expected: 'Accepted', actual: answer.words, frames: answer.frames, step: 8 });
      });
      await ctx.step('9-12. StartTransaction.req and StatusNotification.req Charging', async () => {
        const start = await ctx.expectCall('StartTransaction', { match: { connectorId, idTag }, from: mark });
        await noteTransaction(ctx, start);
        // 1.6 does not order StartTransaction.req and the StatusNotification.req of the transaction.
        const sn = await ctx.expectCall('StatusNotification', {
          from: mark,
          match: (p) => p['connectorId'] === connectorId && (transactionStatuses as readonly string[]).includes(String(p['status'])),
          describe: `connectorId ${connectorId}, status Charging (or SuspendedEV / SuspendedEVSE)`,
          step: 11,
        });
        ctx.check('status is Charging', sn.payload['status'] === 'Charging', { expected: 'Charging', actual: sn.payload['status'], frames: framesOf(sn), severity: 'warning', step: 11 });
      });
    });
  },
});
