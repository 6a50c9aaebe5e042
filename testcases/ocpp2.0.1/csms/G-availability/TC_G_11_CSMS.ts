/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_11_CSMS: during a transaction the CSMS makes the configured EVSE
 * Inoperative (ChangeAvailabilityRequest with evse.id, no connectorId); the simulated station answers
 * Scheduled, ends the session and then reports the EVSE's connectors Unavailable, which the CSMS answers.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { inoperativeDuringTransaction, postReportsAnswered } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_11_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability EVSE - With ongoing transaction',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Inoperative, evse.id the configured EVSE, connectorId omitted' },
    { step: 'post', checks: 'the CSMS answered the StatusNotification of every connector of the EVSE' },
  ],
  detects: ['change-availability-tx-whole-station', 'status-notification-unavailable-error'],
  async run(ctx) {
    await inoperativeDuringTransaction(ctx, 'evse', { step: 1 });
    await postReportsAnswered(ctx, 'evse');
  },
});
