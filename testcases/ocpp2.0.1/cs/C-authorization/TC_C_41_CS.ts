/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_41_CS — Authorization by GroupId, Success with
 * Authorization Cache: two idTokens of one group, both cached with their groupIdToken; the second
 * stops the transaction the first started, from the cache (Part 2 C09.FR.02, C09.FR.03, C09.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, cacheSettings, checkAuthorizedEvent, expectStopAuthorized, present, sessionStopped, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_41_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization by GroupId - Success with Authorization Cache',
  useCases: ['C09'],
  requirements: ['C09.FR.02', 'C09.FR.03', 'C09.FR.07'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 1, checks: 'TransactionEvent triggerReason Authorized with the valid idToken (eventType checked by the Authorized state)' },
    // Part 6 names the valid idToken; the token presented is idToken2 of the same group.
    { step: 4, checks: 'TransactionEvent triggerReason StopAuthorized, idToken omitted or one of the two group idTokens' },
  ],
  detects: ['cache-drops-group-id', 'group-id-ignored'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    const other = tokenOf(ctx, 'validSameGroup');
    await cached(ctx, valid);
    await cached(ctx, other);
    await configure(ctx, cacheSettings(true));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const first = journalEnd(ctx);
    await ctx.step('Steps 1-2: present the cached valid idToken; TransactionEvent answered Accepted with the group', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, first, valid, 1);
    });
    await ctx.step('Step 3: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Step 4: StopAuthorized by the cached idToken2 of the same group', async () => {
      const second = await present(ctx, other);
      await expectStopAuthorized(ctx, second, [other, valid], 4);
      await sessionStopped(ctx, ctx.config.evseId, second, { postSession: false });
    });
    await ctx.step('Step 5: EVConnectedPostSession', () => ctx.state('EVConnectedPostSession'));
    await ctx.step('Step 6: EVDisconnected', () => ctx.state('EVDisconnected'));
    await ctx.step('Step 7: ParkingBayUnoccupied', () => ctx.state('ParkingBayUnoccupied'));
  },
});
