/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_03_CS — Reserve a specific EVSE - Occupied - EVSE Reserved. The configured EVSE is Reserved (memory state, for the configured valid idToken); a second ReserveNow for that EVSE with the second valid idToken must be answered Occupied (Part 2 H01.FR.11).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_03_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Occupied - EVSE Reserved',
  useCases: ['H01'],
  requirements: ['H01.FR.11'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'ReserveNowResponse status Occupied' }],
  detects: ['reserves-reserved-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step(`Memory state: EVSE ${ctx.config.evseId} is Reserved`, () => ctx.state('Reserved'));
    await ctx.step('Steps 1-2: ReserveNow for the configured EVSE with the second valid idToken, answered Occupied', () => reserveNow(ctx, { evseId: ctx.config.evseId, idToken: validToken2(ctx) }, 'Occupied', 2));
  },
});
