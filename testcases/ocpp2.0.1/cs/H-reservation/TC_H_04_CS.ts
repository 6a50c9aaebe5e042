/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_04_CS — Reserve a specific EVSE - Occupied - EVSE Occupied. Energy flows on the configured EVSE (memory state EnergyTransferStarted); a ReserveNow for that EVSE with the second valid idToken must be answered Occupied (Part 2 H01.FR.13).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken2 } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_04_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Occupied - EVSE Occupied',
  useCases: ['H01'],
  requirements: ['H01.FR.13'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  validations: [{ step: 2, checks: 'ReserveNowResponse status Occupied' }],
  detects: ['reserves-occupied-evse'],
  async run(ctx) {
    await prepare(ctx);
    await ctx.step(`Memory state: EnergyTransferStarted on EVSE ${ctx.config.evseId}`, () => ctx.state('EnergyTransferStarted'));
    await ctx.step('Steps 1-2: ReserveNow for the configured EVSE with the second valid idToken, answered Occupied', () => reserveNow(ctx, { evseId: ctx.config.evseId, idToken: validToken2(ctx) }, 'Occupied', 2));
  },
});
