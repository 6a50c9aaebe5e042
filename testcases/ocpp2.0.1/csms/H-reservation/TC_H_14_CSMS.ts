/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_14_CSMS — Reserve an unspecified EVSE - Amount of
 * EVSEs available equals the amount of reservations. The CSMS is asked as many times as the station
 * has EVSEs (<Configured numberOfEvses>; Part 5 says the lab runs it with more than one) to reserve
 * an unspecified EVSE; every ReserveNowRequest has no evseId, no connectorType and the configured
 * valid idToken, and is answered Accepted. After the last one, all connectors are reported Reserved
 * (Part 2 H01.FR.20: as many unspecified reservations as free EVSEs reserve them all).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { connectorsOf, reportStatus } from '../_shared/station.js';
import { reserveNow } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations',
  useCases: ['H01'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'every ReserveNowRequest (one per configured EVSE): no evseId, no connectorType, the configured valid idToken' }],
  detects: ['reserve-now-unspecified-names-evse'],
  async run(ctx) {
    const evses = connectorsOf(ctx);
    for (let n = 1; n <= evses.length; n++) {
      await ctx.step(`Steps 1-2 (${n} of ${evses.length}): the CSMS sends ReserveNow for an unspecified EVSE, answered Accepted`, () => reserveNow(ctx, { step: 1 }));
    }
    await ctx.step('Steps 3-4: all connectors are reported Reserved', async () => {
      for (const c of evses) await reportStatus(ctx, c.evseId, c.connectorId, 'Reserved');
    });
  },
});
