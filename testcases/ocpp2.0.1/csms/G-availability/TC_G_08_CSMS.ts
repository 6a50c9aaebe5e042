/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_08_CSMS: the configured connector is Unavailable (the simulated station
 * reports it so first); the CSMS makes it Operative again: ChangeAvailabilityRequest Operative with
 * evse.id and evse.connectorId; the station accepts and reports the connector Available.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChangeAvailability, reportScope } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_08_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Connector - Inoperative to operative',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Operative, evse.id and evse.connectorId the configured ones' },
  ],
  detects: ['change-availability-drops-connector', 'change-availability-always-inoperative'],
  async run(ctx) {
    await ctx.step('Memory state: the configured connector is Unavailable', () => reportScope(ctx, 'connector', 'Unavailable'));
    await ctx.step('Steps 1-2: the CSMS sends ChangeAvailabilityRequest Operative for the configured connector, answered Accepted', () => expectChangeAvailability(ctx, 'Operative', 'connector', 'Accepted', { step: 1 }));
    await ctx.step('Steps 3-4: the station reports the connectors Available', () => reportScope(ctx, 'connector', 'Available'));
  },
});
