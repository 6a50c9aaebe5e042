/**
 * OCPP 1.6 `_CS`: the empty authorization cache of the general preconditions, set explicitly.
 *
 * OCTT 1.6 document §1.3 "General pre- and post- conditions": "Charge Point has an empty
 * authorization cache". A case whose verdict depends on an Authorize.req (1.6 §3.5.1 lets a charge
 * point accept a cached idTag without asking) sets that state itself with ClearCache.req, as
 * TC_003_CS / TC_004_1_CS do, so its verdict does not depend on which case ran before it (issue #24).
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { getConfiguration } from './charge-point.js';

export async function clearAuthorizationCache(ctx: TestContext): Promise<void> {
  await ctx.step('Before: empty authorization cache (OCTT 1.6 §1.3), so the idTag is authorized online', async () => {
    const res = await ctx.call('ClearCache', {});
    if (res.status === 'result' && res.payload['status'] === 'Accepted') return;
    // 1.6 §5.4: Rejected says the cache could not be cleared. Without an enabled cache nothing is
    // cached and the case holds; with one, the precondition cannot be established.
    const enabled = (await getConfiguration(ctx, ['AuthorizationCacheEnabled'])).get('AuthorizationCacheEnabled')?.value;
    if (enabled === 'true') ctx.inconclusive(`the authorization cache could not be emptied (ClearCache.conf ${res.status === 'result' ? String(res.payload['status']) : res.status}) while AuthorizationCacheEnabled is true`);
  });
}
