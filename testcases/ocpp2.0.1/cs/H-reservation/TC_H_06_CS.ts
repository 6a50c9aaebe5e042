/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_06_CS — Reserve a specific EVSE - Unavailable. The configured EVSE is Unavailable (memory state, ChangeAvailability Inoperative for it); a ReserveNow for that EVSE must be answered Unavailable (Part 2 H01.FR.14).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_06_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Unavailable',
  useCases: ['H01'],
  requirements: ['H01.FR.14'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'ReserveNowResponse status Unavailable' }],
  detects: ['reserves-unavailable-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step(`Memory state: EVSE ${ctx.config.evseId} is Unavailable`, () => ctx.state('Unavailable', { scope: 'evse' }));
    await ctx.step('Steps 1-2: ReserveNow for the configured EVSE with the second valid idToken, answered Unavailable', () => reserveNow(ctx, { evseId: ctx.config.evseId, idToken: validToken2(ctx) }, 'Unavailable', 2));
  },
});
