/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_08_CS — Reserve an unspecified EVSE - Accepted. A
 * ReserveNow without evseId (ReservationCtrlr.NonEvseSpecific true, Part 5 R-2) is Accepted; a station
 * with one EVSE reports its connector Reserved (./unspecified.ts); then an idToken is authorized and
 * energy flows (Part 2 H01.FR.04/07/15, H03.FR.03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalEnd } from '../_shared/journal.js';
import { prepare, reserveNow, validToken } from './reservation-support.js';
import { authorizingToken, reservedIfOnlyOne } from './unspecified.js';

export default defineTestCase({
  id: 'TC_H_08_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Accepted',
  useCases: ['H01', 'H03'],
  requirements: ['H01.FR.04', 'H01.FR.07', 'H01.FR.15', 'H03.FR.03'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [
    { step: 2, checks: 'ReserveNowResponse status Accepted (no evseId)' },
    { step: 3, checks: 'one EVSE: the configured connector reported Reserved (StatusNotification or NotifyEvent AvailabilityState)' },
  ],
  detects: ['rejects-unspecified-evse'],
  async run(ctx) {
    await prepare(ctx);
    const from = journalEnd(ctx);
    await ctx.step('Steps 1-2: ReserveNow without evseId, answered Accepted', () => reserveNow(ctx, { idToken: validToken(ctx) }, 'Accepted', 2));
    await ctx.step('Steps 3-4: a station with one EVSE reports its connector Reserved', () => reservedIfOnlyOne(ctx, from, 3));
    const token = authorizingToken(ctx);
    await ctx.step('Step 5: Authorized', () => ctx.state('Authorized', { idToken: token }));
    await ctx.step('Step 6: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted', { idToken: token }));
  },
});
