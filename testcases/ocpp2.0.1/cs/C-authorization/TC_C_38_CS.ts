/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_38_CS — Clear Authorization Data in Authorization
 * Cache, Rejected: with the cache disabled, ClearCache is answered Rejected (Part 2 C11.FR.04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { cached, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_38_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Clear Authorization Data in Authorization Cache - Rejected',
  useCases: ['C11'],
  requirements: ['C11.FR.01', 'C11.FR.02', 'C11.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [{ step: 2, checks: 'ClearCacheResponse status Rejected' }],
  detects: ['clear-cache-accepted-when-disabled'],
  async run(ctx) {
    await ready(ctx);
    await cached(ctx, tokenOf(ctx, 'valid'));
    await configure(ctx, [{ component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'false', ifImplemented: true }]);
    await ctx.step('Steps 1-2: ClearCacheRequest, answered Rejected', async () => {
      const res = await ctx.callExpect('ClearCache', {});
      ctx.check('ClearCacheResponse status', res['status'] === 'Rejected', { expected: 'Rejected', actual: res['status'] ?? 'absent', step: 2 });
    });
  },
});
