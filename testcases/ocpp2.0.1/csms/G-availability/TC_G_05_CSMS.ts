/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_05_CSMS: the CSMS makes the whole station Inoperative:
 * ChangeAvailabilityRequest Inoperative without evse; the simulated station accepts and reports every
 * connector Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChangeAvailability, reportScope } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_05_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Charging Station - Operative to inoperative',
  useCases: ['G04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Inoperative, evse omitted' },
  ],
  detects: ['change-availability-station-as-evse-0', 'status-notification-unavailable-error'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ChangeAvailabilityRequest Inoperative for the whole station, answered Accepted', () => expectChangeAvailability(ctx, 'Inoperative', 'station', 'Accepted', { step: 1 }));
    await ctx.step('Steps 3-4: the station reports the connectors Unavailable', () => reportScope(ctx, 'station', 'Unavailable'));
  },
});
