/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_01_CS — Connector status Notification, Available
 * to Occupied. The whole scenario is the reusable state EVConnectedPreSession (§2.18): after the
 * cable is plugged in, the station reports the connector Occupied, by StatusNotification or by
 * NotifyEvent Connector.AvailabilityState (Part 2 G01.FR.01, N07.FR.19).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';

export default defineTestCase({
  id: 'TC_G_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Connector status Notification - Available to Occupied',
  useCases: ['G01', 'N07'],
  requirements: ['G01.FR.01', 'N07.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['no-status-on-plug'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Step 1: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
  },
});
