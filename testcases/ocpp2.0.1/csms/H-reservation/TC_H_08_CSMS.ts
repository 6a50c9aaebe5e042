/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_08_CSMS — Reserve an unspecified EVSE - Accepted.
 * Asked to reserve an unspecified EVSE, the CSMS sends a ReserveNowRequest without evseId and without
 * connectorType, for the configured valid idToken; answered Accepted. Only with one configured EVSE
 * does the station then report that EVSE's connectors Reserved (Part 6 note at step 3; with more
 * EVSEs none of them is reserved in particular).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportEvse, reserveNow } from './reservation-support.js';

export default defineTestCase({
  id: 'TC_H_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve an unspecified EVSE - Accepted',
  useCases: ['H01', 'H03'],
  certification: [{ profile: 'Reservation', need: 'C' }],
  applies: { item: 'R-2' },
  states: ['Idle'],
  validations: [{ step: 1, checks: 'ReserveNowRequest: no evseId, no connectorType, the configured valid idToken' }],
  detects: ['reserve-now-unspecified-names-evse'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ReserveNow for an unspecified EVSE, answered Accepted', () => reserveNow(ctx, { step: 1 }));
    if (ctx.config.numberOfEvses <= 1) {
      await ctx.step('Steps 3-4: one EVSE: its connectors are reported Reserved', () => reportEvse(ctx, 'Reserved'));
    } else {
      await ctx.step(`Steps 3-4: not executed (${ctx.config.numberOfEvses} EVSEs configured; Part 6 runs them with one only)`, () => Promise.resolve());
    }
  },
});
