/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_09_CS — Reserve an unspecified EVSE - Occupied - EVSE Reserved. Every EVSE is Reserved (reusable state, one idToken per EVSE); a ReserveNow without evseId must be answered Occupied (Part 2 H01.FR.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, tokenFor, validToken } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_09_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Occupied - EVSE Reserved',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [{ step: 2, checks: 'ReserveNowResponse status Occupied' }],
  detects: ['reserves-reserved-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step('Reusable state: every EVSE is Reserved', async () => {
      for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) await ctx.state('Reserved', { evseId, idToken: tokenFor(ctx, evseId) });
    });
    await ctx.step('Steps 1-2: ReserveNow without evseId, answered Occupied', () => reserveNow(ctx, { idToken: validToken(ctx) }, 'Occupied', 2));
  },
});
