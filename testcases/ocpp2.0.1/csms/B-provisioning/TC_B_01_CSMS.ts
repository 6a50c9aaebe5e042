/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_01_CSMS: the harness boots as a registered station (reusable state
 * Booted) and the CSMS must accept it with a usable heartbeat interval and a proper currentTime.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';

export default defineTestCase({
  id: 'TC_B_01_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Cold Boot Charging Station - Accepted',
  useCases: ['B01'],
  requirements: ['B01.FR.02'],
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['boot-always-pending', 'boot-without-interval', 'heartbeat-wrong-time'],
  async run(ctx) {
    await ctx.state('Booted');
  },
});
