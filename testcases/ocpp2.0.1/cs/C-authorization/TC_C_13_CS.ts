/**
 * OCPP 2.0.1 Part 6 §2.4 (C Authorization), TC_C_13_CS — Authorization through authorization cache,
 * Accepted but cable not connected yet: the token cached as Accepted is presented before the EV is
 * plugged in; the station authorizes on the cache (Part 2 C12.FR.02, no AuthorizeRequest) and
 * starts the energy transfer once the cable is in.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { configure, ready } from '../_shared/case-support.js';
import { journalEnd } from '../_shared/journal.js';
import { cached, cacheSettings, checkAuthorizedEvent, checkNoAuthorize, tokenOf, withCache } from './auth-support.js';

export default defineTestCase({
  id: 'TC_C_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'C',
  title: 'Authorization through authorization cache - Accepted but cable not connected yet.',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: withCache,
  validations: [
    { step: 1, checks: 'TransactionEvent (when TxStartPoint Authorized or a transaction runs): triggerReason Authorized, the valid idToken, eventType Started / Updated' },
    { step: 'post', checks: 'energy transfer started, without an AuthorizeRequest for the cached idToken' },
  ],
  detects: ['cache-accepted-still-authorizes', 'cache-never-stores'],
  async run(ctx) {
    await ready(ctx);
    const valid = tokenOf(ctx, 'valid');
    await cached(ctx, valid);
    await configure(ctx, cacheSettings(true));
    await ctx.step('Before: ParkingBayOccupied (if applicable)', () => ctx.state('ParkingBayOccupied'));
    const from = journalEnd(ctx);
    // The Authorized state checks eventType (Started, or Updated in a running transaction) too.
    await ctx.step('Steps 1-2: present the cached valid idToken; TransactionEvent when the transaction starts at Authorized', async () => {
      await ctx.state('Authorized', { idToken: valid });
      checkAuthorizedEvent(ctx, from, valid, 1);
    });
    await ctx.step('Step 3: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Step 4: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Post scenario: energy transfer started without asking the CSMS', async () => {
      checkNoAuthorize(ctx, from, valid, 'C12.FR.02: LocalPreAuthorize, cached as Accepted');
    });
  },
});
