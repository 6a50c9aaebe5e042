/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_17_CSMS: during a transaction the CSMS makes the configured connector
 * Inoperative (ChangeAvailabilityRequest with evse.id and evse.connectorId); the simulated station answers
 * Scheduled, ends the session and then reports the connector Unavailable, which the CSMS answers.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { inoperativeDuringTransaction, postReportsAnswered } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_17_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Connector - With ongoing transaction',
  useCases: ['G03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Inoperative, evse.id and evse.connectorId the configured ones' },
    { step: 'post', checks: 'the CSMS answered the StatusNotification of the connector' },
  ],
  detects: ['change-availability-drops-connector', 'change-availability-tx-whole-station', 'status-notification-unavailable-error'],
  async run(ctx) {
    await inoperativeDuringTransaction(ctx, 'connector', { step: 1 });
    await postReportsAnswered(ctx, 'connector');
  },
});
