/**
 * OCPP 2.0.1 Part 6 §2.8 (G Availability), TC_G_02_CS — Connector status Notification, Occupied to
 * Available: from EVConnectedPreSession (§2.18) the EV and EVSE are disconnected and the station
 * reports the connector Available, by StatusNotification or by NotifyEvent Connector.AvailabilityState
 * with trigger Delta (Part 2 G01.FR.01, N07.FR.19).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { fromNow, ready } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { frames, journalEnd } from '../_shared/journal.js';

export default defineTestCase({
  id: 'TC_G_02_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'G',
  title: 'Connector status Notification - Occupied to Available',
  useCases: ['G01', 'N07'],
  requirements: ['G01.FR.01', 'N07.FR.19'],
  certification: [{ profile: 'Core', need: 'M' }],
  validations: [{ step: 3, checks: 'StatusNotification connectorStatus Available, or NotifyEvent Connector.AvailabilityState Available with trigger Delta' }],
  detects: ['no-status-on-plug'],
  async run(ctx) {
    await ready(ctx);
    fromNow(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    await ctx.step('Reusable state: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step('Manual action: disconnect the EV and EVSE; step 3: the connector reported Available', async () => {
      const from = journalEnd(ctx);
      await ctx.dut('unplug', where);
      const report = await expectConnectorStatus(ctx, 'Available', where, { from, step: 3 });
      if (report.action === 'NotifyEvent') {
        const data = Array.isArray(report.payload['eventData']) ? (report.payload['eventData'] as Array<Record<string, unknown>>) : [];
        const hit = data.find((d) => d['actualValue'] === 'Available');
        ctx.check('NotifyEvent eventData trigger Delta', hit?.['trigger'] === 'Delta', { expected: 'Delta', actual: hit?.['trigger'] ?? 'absent', frames: frames(report), step: 3 });
      }
    });
  },
});
