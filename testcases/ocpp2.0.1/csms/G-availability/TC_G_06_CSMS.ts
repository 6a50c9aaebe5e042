/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_06_CSMS: the whole station is Unavailable (the simulated station reports
 * it so first); the CSMS makes it Operative again: ChangeAvailabilityRequest Operative without evse; the
 * station accepts and reports every connector Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChangeAvailability, reportScope } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_06_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Charging Station - Inoperative to operative',
  useCases: ['G04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Operative, evse omitted' },
  ],
  detects: ['change-availability-station-as-evse-0', 'change-availability-always-inoperative'],
  async run(ctx) {
    await ctx.step('Memory state: the whole station is Unavailable', () => reportScope(ctx, 'station', 'Unavailable'));
    await ctx.step('Steps 1-2: the CSMS sends ChangeAvailabilityRequest Operative for the whole station, answered Accepted', () => expectChangeAvailability(ctx, 'Operative', 'station', 'Accepted', { step: 1 }));
    await ctx.step('Steps 3-4: the station reports the connectors Available', () => reportScope(ctx, 'station', 'Available'));
  },
});
