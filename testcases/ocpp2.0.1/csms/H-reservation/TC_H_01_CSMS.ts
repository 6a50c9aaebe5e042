/**
 * OCPP 2.0.1 Part 6 §3.9 (H Reservation), TC_H_01_CSMS — Reserve a specific EVSE - Accepted - Valid
 * idToken. The scenario is the CSMS reusable state Reserved for the configured EVSE (Table 699): the
 * CSMS's ReserveNowRequest names that EVSE, no connectorType and the configured valid idToken; the
 * station accepts and reports the EVSE's connectors Reserved.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_H_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'H',
  title: 'Reserve a specific EVSE - Accepted - Valid idToken',
  useCases: ['H01', 'H03'],
  certification: [{ profile: 'Reservation', need: 'M' }],
  states: ['Idle'],
  validations: [],
  detects: ['reserve-now-without-evse'],
  async run(ctx) {
    await ctx.step(`Step 1: reusable state Reserved for EVSE ${ctx.config.evseId}`, () => ctx.state('Reserved', { evseId: ctx.config.evseId }));
  },
});
