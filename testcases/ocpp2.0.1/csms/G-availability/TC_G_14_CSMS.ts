/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_14_CSMS: during a transaction the CSMS makes the whole station
 * Inoperative (ChangeAvailabilityRequest without evse); the simulated station answers Scheduled,
 * reports its unoccupied connectors Unavailable, ends the session and then reports the configured
 * connector Unavailable too; the CSMS answers every report.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { inoperativeDuringTransaction, postReportsAnswered } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Change Availability Charging Station - With ongoing transaction',
  useCases: ['G04'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'ChangeAvailabilityRequest operationalStatus Inoperative, evse omitted' },
    { step: 'post', checks: 'the CSMS answered the StatusNotification of every connector' },
  ],
  detects: ['change-availability-station-as-evse-0', 'status-notification-unavailable-error'],
  async run(ctx) {
    await inoperativeDuringTransaction(ctx, 'station', { step: 1 });
    await postReportsAnswered(ctx, 'station');
  },
});
