/**
 * OCPP 1.6 TC_014_CS — Soft Reset Without Transaction (OCTT 1.6 document §2.6.2): a connector made
 * Inoperative stays Unavailable across a soft reset (1.6 §5.2, §5.14); the BootNotification.req is
 * optional for a soft reset (step 7), and only when it comes are the connectors reported (step 9);
 * then the connector is made Operative again (./reset-inoperative.ts).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { resetInoperative, resetInoperativeTrace } from './reset-inoperative.js';

export default defineTestCase({
  id: 'TC_014_CS',
  version: '1.6',
  sut: 'cs',
  block: 'Core Profile - Resetting Happy Flow',
  title: 'Soft Reset Without Transaction',
  useCases: ['Reset', 'Boot Notification'],
  requirements: ['OCPP 1.6 §5.14', 'OCPP 1.6 §4.2'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Booted'],
  ...resetInoperativeTrace('TC_014_CS', 'Soft'),
  detects: ['availability-lost-on-reset'],
  run: (ctx) => resetInoperative(ctx, 'Soft'),
});
