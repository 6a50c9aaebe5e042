/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_33_CS — Store Authorization Data in the
 * Authorization Cache, update on AuthorizeResponse: a token the station asked the CSMS about is
 * cached (Part 2 C10.FR.04), so at the next session it is used from the cache without an
 * AuthorizeRequest (C12.FR.02) and the TransactionEventResponse then updates it (C12.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { answerTokens, cacheSettings, checkAuthorizedEvent, checkNoAuthorize, checkToken, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_33_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Store Authorization Data in the Authorization Cache - Update on AuthorizeResponse',
  useCases: ['C10'],
  requirements: ['C10.FR.04', 'C12.FR.06'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' },
    { step: 3, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    { step: 12, checks: 'TransactionEvent triggerReason Authorized with the valid idToken, and no AuthorizeRequest before it' },
  ],
  detects: ['cache-never-stores'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await configure(ctx, cacheSettings(true, [{ component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true }]).map((s) => (s.variable === 'LocalPreAuthorize' ? { ...s, ifImplemented: false } : s)));
    // Part 6 memory state N/a: the token must not be cached yet, or step 1 would not come (earlier cases cached it).
    await ctx.step('Before: the valid idToken not in the cache (ClearCacheRequest)', () => ctx.call('ClearCache', {}));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const first = journalEnd(ctx);
    await ctx.step('Steps 1-4: present the valid idToken; AuthorizeRequest (Accepted); TransactionEvent (Accepted)', async () => {
      await ctx.state('Authorized', { idToken: valid });
      const auth = await ctx.expectCall('Authorize', { from: first, step: 1, describe: 'an AuthorizeRequest for the token not cached yet' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 1);
      checkAuthorizedEvent(ctx, first, valid, 3);
    });
    await ctx.step('Step 5: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Step 6: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession'));
    await ctx.step('Step 7: EVDisconnected', () => ctx.state('EVDisconnected'));
    await ctx.step('Step 8: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
    await ctx.step('Step 9: ParkingBayOccupied', () => ctx.state('ParkingBayOccupied'));
    await ctx.step('Step 10: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    // Step 13: now the OCTT answers Invalid.
    answerTokens(ctx, { [valid.idToken]: { status: 'Invalid' } });
    const second = journalEnd(ctx);
    await ctx.step('Steps 12-13: present the same idToken; TransactionEvent Authorized from the cache (answered Invalid)', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, second, valid, 12);
      checkNoAuthorize(ctx, second, valid, 'C10.FR.04 cached it, C12.FR.02 uses it');
    });
  },
});
