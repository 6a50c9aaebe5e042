/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_19_CS — Change Availability Connector, state persists
 * across reboot: with the configured connector Unavailable, the station reboots (reusable state
 * Booting) and reports that connector Unavailable and every other one Available (Part 2 G03.FR.08),
 * then sends its start-up SecurityEventNotification.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { postAllReported, rebootExpecting } from './availability-support.js';

export default defineTestCase({
  id: 'TC_G_19_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Change Availability Connector - state persists across reboot',
  useCases: ['G03'],
  requirements: ['G03.FR.08'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [
    { step: 4, checks: 'after the boot, StatusNotification / NotifyEvent (evseId, connectorId not 0): Unavailable for the configured connector, Available for every other one' },
    { step: 6, checks: 'SecurityEventNotification type StartupOfTheDevice or ResetOrReboot' },
    { step: 'post', checks: 'a StatusNotification or NotifyEvent reported the state of every connector' },
  ],
  detects: ['connector-availability-lost-on-reboot', 'availability-lost-on-reboot'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const from = ctx.cursor();
    const { evseId, connectorId } = ctx.config;
    await ctx.step(`Reusable state: Unavailable for connector ${connectorId} of EVSE ${evseId}`, () => ctx.state('Unavailable', { scope: 'connector' }));
    await ctx.step('Steps 1-7: Booting — the connector is still Unavailable after the reboot', () =>
      rebootExpecting(ctx, (w) => (w.evseId === evseId && w.connectorId === connectorId ? 'Unavailable' : 'Available'), { step: 4, security: { step: 6 } }),
    );
    await postAllReported(ctx, 'station', from);
  },
});
