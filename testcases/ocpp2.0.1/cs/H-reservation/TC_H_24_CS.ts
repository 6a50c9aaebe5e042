/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_24_CS — Reserve an unspecified EVSE - GroupIdToken. A
 * ReserveNow without evseId for the configured valid idToken with the configured groupIdToken is
 * Accepted; a station with one EVSE reports its connector Reserved (./unspecified.ts); the second valid
 * idToken, of the same group, is authorized and charges (Part 2 H03.FR.06).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd } from '../_shared/journal.js';
import { groupIdToken, prepare, reserveNow, validToken, validToken2 } from './reservation-support.js';
import { reservedIfOnlyOne } from './unspecified.js';

export default defineTestCase({
  id: 'TC_H_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - GroupIdToken',
  useCases: ['H03'],
  requirements: ['H03.FR.06'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [
    { step: 2, checks: 'ReserveNowResponse status Accepted (no evseId, with groupIdToken)' },
    { step: 3, checks: 'one EVSE: the configured connector reported Reserved (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['rejects-unspecified-evse'],
  async run(ctx) {
    await prepare(ctx);
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: ReserveNow without evseId with a groupIdToken, answered Accepted', () =>
      reserveNow(ctx, { idToken: validToken(ctx), groupIdToken: groupIdToken(ctx) }, 'Accepted', 2));
    await ctx.step('Steps 3-4: a station with one EVSE reports its connector Reserved', () => reservedIfOnlyOne(ctx, from, 3));
    await ctx.step('Step 5: Authorized with the second valid idToken (same group)', () => ctx.state('Authorized', { idToken: validToken2(ctx) }));
    await ctx.step('Step 6: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: validToken2(ctx) }));
  },
});
