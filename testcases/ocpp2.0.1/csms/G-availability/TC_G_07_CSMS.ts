/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_07_CSMS: the CSMS makes the configured connector Inoperative:
 * ChangeAvailabilityRequest Inoperative with evse.id and evse.connectorId; the simulated station accepts
 * and reports the connector Unavailable.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { expectChangeAvailability, reportScope } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_07_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Connector - Operative to inoperative',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Inoperative, evse.id and evse.connectorId the configured ones' },
  ],
  detects: ['change-availability-drops-connector', 'status-notification-unavailable-error'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the CSMS sends ChangeAvailabilityRequest Inoperative for the configured connector, answered Accepted', () => expectChangeAvailability(ctx, 'Inoperative', 'connector', 'Accepted', { step: 1 }));
    await ctx.step('Steps 3-4: the station reports the connectors Unavailable', () => reportScope(ctx, 'connector', 'Unavailable'));
  },
});
