/**
 * OCPP 2.0.1 Part 6 §2.9 (H Reservation), TC_H_22_CS — Reserve a specific EVSE - Configured to Reject. With reservations switched off (configuration state ReservationCtrlr.Enabled false, Part 5 R-3) a ReserveNow for the configured EVSE must be answered Rejected (Part 2 H01.FR.01).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { prepare, reserveNow, validToken } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_22_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'H',
  title: 'Reserve a specific EVSE - Configured to Reject',
  useCases: ['H01'],
  requirements: ['H01.FR.01'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-3' },
  validations: [{ step: 2, checks: 'ReserveNowResponse status Rejected' }],
  detects: ['reservation-ignores-enabled'],
  async run(ctx) {
    await prepare(ctx, 'false');
    await ctx.step('Steps 1-2: ReserveNow for the configured EVSE, answered Rejected', () => reserveNow(ctx, { evseId: ctx.config.evseId, idToken: validToken(ctx) }, 'Rejected', 2));
  },
});
