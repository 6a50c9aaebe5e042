/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_21_CS — Change Availability Charging Station, state
 * persists across reboot: with the whole station Unavailable, the station reboots (reusable state
 * Booting) and reports every connector Unavailable (Part 2 G04.FR.09), then sends its start-up
 * SecurityEventNotification.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { postAllReported, rebootExpecting } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_21_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Charging Station - state persists across reboot',
  useCases: ['G04'],
  requirements: ['G04.FR.09'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 4, checks: 'after the boot, StatusNotification (evseId, connectorId not 0) or NotifyEvent AvailabilityState Unavailable for every connector' },
    { step: 6, checks: 'SecurityEventNotification type StartupOfTheDevice or ResetOrReboot' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['station-availability-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    await ctx.step('Reusable state: Unavailable for the Charging Station', () => ctx.state('Unavailable', { scope: 'station' }));
    await ctx.step('Steps 1-7: Booting — every connector is still Unavailable after the reboot', () => rebootExpecting(ctx, () => 'Unavailable', { step: 4, security: { step: 6 } }));
    await postAllReported(ctx, 'station', from);
  },
});
