/**
 * The scenario TC_C_09_CS, TC_C_10_CS and TC_C_11_CS share (Part 6 §2.4): the idToken is cached
 * with a status other than Accepted; with LocalPreAuthorize on and DisablePostAuthorize off the
 * station must still ask the CSMS (Part 2 C10.FR.03 / C12.FR.05) before refusing it.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { cached, cacheSettings, checkToken, disablePostAuthorize, present, tokenOf } from './auth-support.js';

export async function cachedRefusedScenario(ctx: TestContext, kind: 'invalid' | 'blocked' | 'expired'): Promise<void> {
  await ready(ctx);
  const token = tokenOf(ctx, kind);
  const status = kind === 'invalid' ? 'Invalid' : kind === 'blocked' ? 'Blocked' : 'Expired';
  await cached(ctx, token, { status });
  await configure(ctx, cacheSettings(true, [disablePostAuthorize(false)]));
  await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  await ctx.step(`Steps 1-2: present the ${kind} idToken cached as ${status}; AuthorizeRequest answered ${status}`, async () => {
    const from = await present(ctx, token);
    const auth = await ctx.expectCall('Authorize', { from, step: 1, describe: `an AuthorizeRequest for the ${kind} idToken (C12.FR.05)` });
    checkToken(ctx, auth, token, 'AuthorizeRequest', 1);
  });
}
