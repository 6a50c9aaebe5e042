// OCPP 2.0.1 Part 6 §2.3, TC_B_01_CS: a cold boot accepted by the CSMS (reusable state Booted).
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { stationReady } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_B_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'B',
  title: 'Cold Boot Charging Station - Accepted',
  useCases: ['B01'],
  requirements: ['B01.FR.01', 'B01.FR.05', 'B01.FR.09'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 'post', checks: 'state Booted: a connector status report for every EVSE after the accepted boot' },
  ],
  detects: ['no-status-after-boot', 'invalid-boot-payload'],
  async run(ctx) {
    await stationReady(ctx);
    // Booted power-cycles the station, answers the boot Accepted and expects every connector
    // reported Available plus the start-up security event: also the post-scenario validation.
    await ctx.state('Booted');
  },
});
