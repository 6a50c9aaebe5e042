/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_36_CS — Store Authorization Data in the
 * Authorization Cache, LocalPreAuthorize = false: a token cached as Accepted is not trusted on the
 * cache's word while online; the station asks the CSMS (Part 2 C10.FR.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { answerTokens, cached, checkToken, present, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_36_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Store Authorization Data in the Authorization Cache - AuthCacheCtrlr.LocalPreAuthorize = false',
  useCases: ['C10'],
  requirements: ['C10.FR.11'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [{ step: 1, checks: 'AuthorizeRequest idToken.idToken and idToken.type are the configured valid idToken' }],
  detects: ['cache-ignores-local-pre-authorize'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    await configure(ctx, [
      { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true' },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'false' },
    ]);
    // Step 2: the OCTT answers Invalid.
    answerTokens(ctx, { [valid.idToken]: { status: 'Invalid' } });
    await ctx.step('Steps 1-2: present the cached valid idToken; AuthorizeRequest answered Invalid', async () => {
      const from = await present(ctx, valid);
      const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: 'an AuthorizeRequest for the cached idToken (LocalPreAuthorize false)' });
      checkToken(ctx, auth, valid, 'AuthorizeRequest', 1);
    });
  },
});
