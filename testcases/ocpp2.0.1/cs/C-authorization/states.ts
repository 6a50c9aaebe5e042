/** OCPP 2.0.1 Part 6 §2.19 memory state of block C (authorization cache), SUT = charging station. */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { defineStates } from '../../../../src/engine/authoring.js';

/** Memory state IdTokenCached: one accepted session with the idToken (the cache learns it). */
async function idTokenCached(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const p = { ...params, method: 'local' };
  await ctx.state('ParkingBayOccupied', p);
  await ctx.state('Authorized', p);
  await ctx.state('EVConnectedPreSession', p);
  await ctx.state('ParkingBayUnoccupied', p);
}

export default defineStates({ version: '2.0.1', sut: 'cs', states: { IdTokenCached: idTokenCached } });
