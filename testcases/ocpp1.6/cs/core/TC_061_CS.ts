/**
 * OCPP 1.6 TC_061_CS — Clear Authorization Data in Authorization Cache (OCTT 1.6 document §2.4.2;
 * prerequisite: an authorization cache). With AuthorizationCacheEnabled and LocalPreAuthorize true
 * and ConnectionTimeOut the configured connection timeout, from the reusable state Authorized
 * (Preparing, step 1): the card again, or the time-out, ends the authorization: Available (step 3);
 * ClearCache.req: Accepted (step 6); the same card once more must be asked for: Authorize.req
 * (step 7), the cache being empty (1.6 §5.4).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, journalMark, presentIdTag } from '../_shared/charge-point.js';
import { applyConfigurationStates } from '../_shared/config-states.js';
import { configuredConnectionTimeOutS } from '../_shared/configured.js';
import { authorizedState } from '../_shared/reusable-states.js';

export default defineTestCase({
  id: 'TC_061_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Cache',
  title: 'Clear Authorization Data in Authorization Cache',
  useCases: ['Authorization Cache', 'Clear Cache', 'Authorize'],
  requirements: ['OCPP 1.6 §3.5.2', 'OCPP 1.6 §5.4'],
  certification: [{ profile: 'Core', need: 'M' }],
  applies: { item: 'CFG-AuthorizationCacheEnabled' },
  states: ['Booted'],
  validations: [
    { step: 1, checks: 'StatusNotification.req Preparing (of the Authorized state)' },
    { step: 3, checks: 'StatusNotification.req Available once the authorization ended (card again or ConnectionTimeOut)' },
    { step: 6, checks: 'ClearCache.conf status Accepted' },
  ],
  waivers: [
    { step: 8, reason: 'OCTT 1.6 document TC_061_CS step 8 validates an own message of the Central System (Authorize.conf idTagInfo.status Accepted); the harness plays the Central System and answers the configured valid idTag so: there is nothing of the charge point to judge in it' },
  ],
  detects: ['clear-cache-ignored'],
  async run(ctx) {
    const connectorId = ctx.config.connectorId;
    const idTag = ctx.config.idTokens.valid.idToken;
    const timeoutS = configuredConnectionTimeOutS(ctx);
    await applyConfigurationStates(ctx, [
      { key: 'AuthorizationCacheEnabled', value: 'true' },
      { key: 'LocalPreAuthorize', value: 'true' },
      { key: 'ConnectionTimeOut', value: String(timeoutS) },
    ]);
    const since = journalMark(ctx);
    await ctx.step('Before: reusable state Authorized', () => authorizedState(ctx, { connectorId, idTag }));
    await ctx.step('Steps 1-2: StatusNotification.req Preparing', async () => {
      const sn = ctx.journal().find((e) => e.index >= since && e.kind === 'callIn' && e.action === 'StatusNotification' && e.payload['connectorId'] === connectorId);
      const status = sn && sn.kind === 'callIn' ? sn.payload['status'] : undefined;
      ctx.check('status is Preparing', status === 'Preparing', { expected: 'Preparing', actual: status ?? 'no StatusNotification.req', frames: sn && sn.kind === 'callIn' && sn.frameSeq !== undefined ? [sn.frameSeq] : [], step: 1 });
    });
    await ctx.step(`Steps 3-4: the card again, or ConnectionTimeOut (${timeoutS} s): StatusNotification.req Available`, async () => {
      await presentIdTag(ctx, idTag, connectorId);
      const sn = await ctx.expectCall('StatusNotification', { match: { connectorId }, describe: `connectorId ${connectorId}`, withinMs: timeoutS * 1000 + 2 * ctx.toleranceMs + ctx.config.messageTimeoutMs, step: 3 });
      ctx.check('status is Available', sn.payload['status'] === 'Available', { expected: 'Available', actual: sn.payload['status'], frames: framesOf(sn), step: 3 });
    });
    await ctx.step('Steps 5-6: ClearCache.req: Accepted', async () => {
      fromNow(ctx);
      const res = await ctx.call('ClearCache', {});
      const answer = res.status === 'result' ? res.payload['status'] : res.status;
      ctx.check('ClearCache.conf status is Accepted', answer === 'Accepted', { expected: 'Accepted', actual: answer, step: 6 });
    });
    await ctx.step('Steps 7-8: the same card again: Authorize.req (the cache is empty)', async () => {
      await presentIdTag(ctx, idTag, connectorId);
      // Not a tool validation of the document, but the scenario's step 7: without it the cache was not cleared.
      await ctx.expectCall('Authorize', { match: { idTag } });
    });
  },
});
