/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_12_CS — Reserve an unspecified EVSE - Unavailable. The whole station is Unavailable (memory state, ChangeAvailability Inoperative without evse); a ReserveNow without evseId must be answered Unavailable (Part 2 H01.FR.14).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Unavailable',
  useCases: ['H01'],
  requirements: ['H01.FR.14'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  validations: [{ step: 2, checks: 'ReserveNowResponse status Unavailable' }],
  detects: ['reserves-unavailable-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step('Memory state: the Charging Station is Unavailable', () => ctx.state('Unavailable', { scope: 'station' }));
    await ctx.step('Steps 1-2: ReserveNow without evseId, answered Unavailable', () => reserveNow(ctx, { idToken: validToken(ctx) }, 'Unavailable', 2));
  },
});
