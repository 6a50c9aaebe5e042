/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_34_CS — Store Authorization Data in the
 * Authorization Cache, update on TransactionResponse: the token cached as Accepted starts a
 * session; the TransactionEventResponse says Invalid and the cache takes that (Part 2 C10.FR.05),
 * so at the next presentation the station asks the CSMS (C12.FR.05, C12.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { answerTokens, cached, cacheSettings, checkAuthorizedEvent, checkToken, disablePostAuthorize, present, sessionStopped, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_34_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Store Authorization Data in the Authorization Cache - Update on TransactionResponse',
  useCases: ['C10'],
  requirements: ['C10.FR.05', 'C12.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    { step: 7, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' },
  ],
  detects: ['cache-not-updated-on-transaction-event'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    // DisablePostAuthorize off (if implemented): a station may have it on, and then step 7 would not come.
    await configure(ctx, cacheSettings(true, [{ component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true }, disablePostAuthorize(false)]).map((s) => (s.variable === 'LocalPreAuthorize' ? { ...s, ifImplemented: false } : s)));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    // Steps 2 and 8: the OCTT answers Invalid from now on.
    answerTokens(ctx, { [valid.idToken]: { status: 'Invalid' } });
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: present the cached valid idToken; TransactionEvent answered Invalid', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, from, valid, 1);
      // The station deauthorizes the transaction (Part 2 E05); sessionStopped lets it finish.
      await sessionStopped(ctx, ctx.config.evseId, from);
    });
    await ctx.step('Step 3: EVDisconnected', () => ctx.state('EVDisconnected'));
    await ctx.step('Step 4: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Step 5: ParkingBayOccupied', () => ctx.state('ParkingBayOccupied'));
    await ctx.step('Step 6: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Steps 7-8: present the same idToken; AuthorizeRequest (answered Invalid)', async () => {
      const again = await present(ctx, valid);
      const auth = await ctx.expectCall('Authorize', { from: again, step: 7, describe: 'an AuthorizeRequest for the token the TransactionEventResponse made Invalid' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 7);
    });
  },
});
