/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_03_CSMS: the CSMS makes the configured EVSE Inoperative (reusable
 * state Unavailable): ChangeAvailabilityRequest Inoperative for that EVSE only, no connectorId;
 * the simulated station accepts and reports its connector Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_G_03_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability EVSE - Operative to inoperative',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['change-availability-without-evse', 'ignores-trigger'],
  async run(ctx) {
    await ctx.state('Unavailable', { evseId: ctx.config.evseId });
  },
});
