/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_37_CS — Clear Authorization Data in Authorization
 * Cache, Accepted: ClearCache is accepted and empties the cache (Part 2 C11.FR.02), so the token
 * cached before has to be asked for again (AuthorizeRequest) when presented.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, checkToken, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_37_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Clear Authorization Data in Authorization Cache - Accepted',
  useCases: ['C11'],
  requirements: ['C11.FR.01', 'C11.FR.02', 'C11.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 2, checks: 'ClearCacheResponse status Accepted' },
    { step: 5, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' },
  ],
  detects: ['clear-cache-keeps-entries'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    // LocalPreAuthorize on (if implemented) as well: only then would a kept cache entry spare the
    // AuthorizeRequest of step 5, so the step shows whether the cache was really cleared.
    await configure(ctx, [
      { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'true', ifImplemented: true },
    ]);
    await ctx.step('Steps 1-2: ClearCacheRequest, answered Accepted', async () => {
      const res = await ctx.callExpect('ClearCache', {});
      ctx.check('ClearCacheResponse status', res['status'] === 'Accepted', { expected: 'Accepted', actual: res['status'] ?? 'absent', step: 2 });
    });
    await ctx.step('Step 3: ParkingBayOccupied', () => ctx.state('ParkingBayOccupied'));
    await ctx.step('Step 4: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const from = journalEnd(ctx);
    await ctx.step('Steps 5-8: present the valid idToken; AuthorizeRequest (Accepted); TransactionEvent Authorized', async () => {
      await ctx.state('Authorized', { idToken: valid });
      const auth = await ctx.expectCall('Authorize', { from, step: 5, describe: 'an AuthorizeRequest for the idToken cleared from the cache' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 5);
    });
    await ctx.step('Step 9: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  },
});
