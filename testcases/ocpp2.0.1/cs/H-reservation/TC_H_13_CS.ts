/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_13_CS — Reserve an unspecified EVSE - Rejected. A station that does not reserve unspecified EVSEs (ReservationCtrlr.NonEvseSpecific absent or false, Part 5 R-2 false) must answer a ReserveNow without evseId Rejected (Part 2 H01.FR.19).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Rejected',
  useCases: ['H01'],
  requirements: ['H01.FR.19'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { not: { item: 'R-2' } },
  validations: [{ step: 2, checks: 'ReserveNowResponse status Rejected' }],
  detects: ['accepts-unspecified-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step('Steps 1-2: ReserveNow without evseId, answered Rejected', () => reserveNow(ctx, { idToken: validToken(ctx) }, 'Rejected', 2));
  },
});
