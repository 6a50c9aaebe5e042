/**
 * OCPP 1.6 TC_013_CS — Hard Reset Without transaction (OCTT 1.6 document TC_013_CS): a connector made
 * Inoperative stays Unavailable across a hard reset (1.6 §5.2, §5.14), the others and connector 0
 * come back Available after the BootNotification, and it is made Operative again (./reset-inoperative.ts).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { resetInoperative, resetInoperativeTrace } from './reset-inoperative.js';

export default defineTestCase({
  id: 'TC_013_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Resetting Happy Flow',
  title: 'Hard Reset Without transaction',
  useCases: ['Reset', 'Boot Notification'],
  requirements: ['OCPP 1.6 §5.14', 'OCPP 1.6 §4.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  ...resetInoperativeTrace('TC_013_CS', 'Hard'),
  detects: ['reset-without-reboot', 'availability-lost-on-reset'],
  run: (ctx) => resetInoperative(ctx, 'Hard'),
});
