/**
 * OCPP 1.6 TC_007_CS — Regular Start Charging Session – Cached Id (OCTT 1.6 document §2.4.1;
 * prerequisites: a cache, AuthorizeRemoteTxRequests not ReadOnly false). With
 * AuthorizationCacheEnabled, AuthorizeRemoteTxRequests (if implemented) and LocalPreAuthorize true
 * and the memory state IdTagCached: plug in, Preparing (step 1); RemoteStartTransaction.req:
 * Accepted (step 4); StartTransaction.req and Charging (step 7) in either order — with the idTag
 * in the cache and LocalPreAuthorize true no Authorize.req is needed (1.6 §9.1 LocalPreAuthorize).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectNone, framesOf, fromNow, journalMark, noteTransaction, plugIn } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { idTagCachedState } from '../_shared/memory-states.js';

export default defineTestCase({
  id: 'TC_007_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Cache',
  title: 'Regular Start Charging Session – Cached Id',
  useCases: ['Authorization Cache', 'Remote Start Transaction', 'Start Transaction'],
  requirements: ['OCPP 1.6 §3.5.2', 'OCPP 1.6 §5.11', 'OCPP 1.6 §9.1'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { all: [{ item: 'CFG-AuthorizationCacheEnabled' }, { item: 'CFG-AuthorizeRemoteTxRequestsSettable' }] },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing after the cable is plugged in' },
    { step: 4, checks: 'RemoteStartTransaction.conf status Accepted' },
    { step: 7, checks: 'StatusNotification.req Charging (StartTransaction.req before or after it)' },
  ],
  waivers: [
    { step: 6, reason: 'OCTT 1.6 document TC_007_CS step 6 validates an own message of the Central System (StartTransaction.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['cache-not-used', 'remote-start-ignored', 'suspended-evse-while-charging'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    await applyConfigurationStates(ctx, [
      { key: 'AuthorizationCacheEnabled', value: 'true' },
      { key: 'AuthorizeRemoteTxRequests', value: 'true', optional: 'OCTT 1.6 TC_007_CS: "AuthorizeRemoteTxRequests is true. (If implemented)"' },
      { key: 'LocalPreAuthorize', value: 'true' },
    ]);
    await ctx.step('Before: memory state IdTagCached for the configured valid idTag', () => idTagCachedState(ctx, { connectorId, idTag }));
    const since = journalMark(ctx);
    await ctx.step('Steps 1-2: the EV driver plugs in: StatusNotification.req Preparing', async () => {
      await plugIn(ctx, connectorId);
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, step: 1 });
      ctx.check('status is Preparing', sn.payload['status'] === 'Preparing', { expected: 'Preparing', actual: sn.payload['status'], frames: framesOf(sn), step: 1 });
    });
    await ctx.step('Steps 3-4: RemoteStartTransaction.req: Accepted', async () => {
      fromNow(ctx);
      const res = await ctx.call('RemoteStartTransaction', { connectorId, idTag });
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('RemoteStartTransaction.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 4 });
    });
    await ctx.step('Steps 5-8: StartTransaction.req and StatusNotification.req Charging, in either order; no Authorize.req (the idTag is cached)', async () => {
      const [start, sn] = await ctx.expectAll(
        [{ action: 'StartTransaction', match: { connectorId, idTag } }, { action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` }],
        { anyOrder: 'OCTT 1.6 TC_007_CS: "Steps 5 and 7 may be reversed"', step: 7 },
      );
      ctx.check('status is Charging', sn?.payload['status'] === 'Charging', { expected: 'Charging', actual: sn?.payload['status'], frames: framesOf(sn), step: 7 });
      if (start) await noteTransaction(ctx, start);
      // The scenario has no Authorize.req: the cached idTag with LocalPreAuthorize true starts without one.
      await expectNone(ctx, 'Authorize', since, { wait: false, describe: 'the idTag is in the cache' });
    });
  },
});
