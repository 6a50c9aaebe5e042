/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_46_CS — Store Authorization Data in the
 * Authorization Cache, AuthCacheLifeTime: an entry unused for AuthCacheCtrlr.LifeTime seconds
 * leaves the cache (Part 2 C10.FR.08), so the token presented after that time is asked for again.
 * Part 6 validates no message here; the AuthorizeRequest after the wait is what shows the expiry.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd, num } from '../_shared/journal.js';
import { authorizesSince, cached, tokenOf } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_46_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Store Authorization Data in the Authorization Cache - AuthCacheLifeTime',
  useCases: ['C10'],
  requirements: ['C10.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: a lifetime for cached tokens (C-53) and a local start authorization option.
  applies: { all: [{ item: 'C-53' }, { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] }] },
  detects: ['cache-ignores-lifetime'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    // <Configured Transaction Duration> (config extra.transactionDurationS), at least one second.
    const lifeTimeS = Math.max(1, Math.round(num(ctx.config.extra['transactionDurationS']) ?? 2));
    await cached(ctx, valid);
    await configure(ctx, [
      { component: 'AuthCacheCtrlr', variable: 'LifeTime', value: String(lifeTimeS) },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'true', ifImplemented: true },
    ]);
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step(`Step 1: wait ${lifeTimeS} s (the cache lifetime)`, () => ctx.sleep(lifeTimeS * 1000 + 200));
    const from = journalEnd(ctx);
    await ctx.step('Step 2: Authorized (local); the expired entry makes the station ask the CSMS', async () => {
      await ctx.state('Authorized', { idToken: valid, method: 'local' });
      const asked = authorizesSince(ctx, from, valid);
      ctx.check('AuthorizeRequest for the idToken whose cache entry outlived AuthCacheLifeTime (C10.FR.08)', asked.length > 0, {
        expected: 'an AuthorizeRequest',
        actual: asked.length === 0 ? 'none: the token was still taken from the cache' : `${asked.length} AuthorizeRequest(s)`,
        frames: asked.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
      });
    });
  },
});
