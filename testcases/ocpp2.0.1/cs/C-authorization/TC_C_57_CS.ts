/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_57_CS — Authorization through authorization cache,
 * AuthCacheDisablePostAuthorize: with AuthCacheCtrlr.DisablePostAuthorize true, a token cached as
 * Invalid is refused on the cache's word, without an AuthorizeRequest (Part 2 appendix
 * AuthCacheCtrlr.DisablePostAuthorize, lifting C10.FR.03 / C12.FR.05).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { callsIn, obj } from '../_shared/journal.js';
import { authorizesSince, cached, cacheSettings, disablePostAuthorize, present, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_57_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - AuthCacheDisablePostAuthorize',
  useCases: ['C12'],
  requirements: ['C12.FR.05', 'C10.FR.03'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: an authorization cache (C-49) whose post-authorization can be switched off (C-59).
  applies: { all: [withCache, { item: 'C-59' }] },
  validations: [{ step: 1, checks: 'no AuthorizeRequest for the cached invalid idToken, and no transaction authorized with it' }],
  detects: ['ignores-disable-post-authorize', 'cache-not-updated-on-authorize', 'cache-status-ignored'],
  async run(ctx) {
    await ready(ctx);
    const invalid = tokenOf(ctx, 'invalid');
    await cached(ctx, invalid, { status: 'Invalid' });
    // Part 6 prerequisite: DisablePostAuthorize is implemented (not "if implemented").
    await configure(ctx, cacheSettings(true, [disablePostAuthorize(true, false)]));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 1: the cached invalid idToken is refused without an AuthorizeRequest', async () => {
      const from = await present(ctx, invalid);
      // The station may answer the presentation at once (even before the control action returns): judge the journal from it.
      await ctx.sleep(ctx.config.messageTimeoutMs);
      const asked = authorizesSince(ctx, from, invalid);
      ctx.check('no AuthorizeRequest for the invalid idToken cached (DisablePostAuthorize true)', asked.length === 0, {
        expected: 'none',
        actual: asked.length === 0 ? 'none' : `${asked.length} AuthorizeRequest(s)`,
        frames: asked.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
        step: 1,
      });
      const started = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => e.index >= from && obj(e.payload['idToken'])?.['idToken'] === invalid.idToken);
      ctx.check('authorization refused: no TransactionEvent with the invalid idToken', started.length === 0, {
        expected: 'none',
        actual: started.length === 0 ? 'none' : `${started.length} TransactionEvent(s) with it`,
        frames: started.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
        step: 1,
      });
    });
  },
});
