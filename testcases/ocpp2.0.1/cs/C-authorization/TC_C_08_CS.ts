/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_08_CS — Authorization through authorization cache,
 * Accepted: with LocalPreAuthorize on, a token the cache holds as Accepted starts charging at once,
 * without an AuthorizeRequest (Part 2 C12.FR.02), and the transaction goes on (C12.FR.04).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, cacheSettings, checkNoAuthorize, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - Accepted',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [{ step: 'post', checks: 'energy transfer started for the cached idToken, without an AuthorizeRequest' }],
  detects: ['cache-accepted-still-authorizes', 'cache-never-stores'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    await configure(ctx, cacheSettings(true));
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    const from = journalEnd(ctx);
    await ctx.step('Step 1: Authorized with the cached valid idToken', () => ctx.state('Authorized', { idToken: valid }));
    await ctx.step('Step 2: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Post scenario: energy transfer started without asking the CSMS', async () => {
      checkNoAuthorize(ctx, from, valid, 'C12.FR.02: LocalPreAuthorize, cached as Accepted');
    });
  },
});
