/**
 * OCPP 2.0.1 Part 6 §3.8, TC_G_20_CSMS: the simulated station reports that the connector lock of the
 * configured connector did not close (NotifyEvent, trigger Delta, component ConnectorPlugRetentionLock,
 * variable Problem, actualValue "true"); the CSMS answers with a NotifyEventResponse (Part 2 G05.FR.03).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ensureBooted, nowIso } from '../_shared/station.js';

export default defineTestCase({
  id: 'TC_G_20_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'G',
  title: 'Connector status Notification - Lock Failure',
  useCases: ['G05'],
  requirements: ['G05.FR.03'],
  certification: [{ profile: 'Core', need: 'M' }],
  states: ['Idle'],
  detects: ['notify-event-unknown-component-error'],
  async run(ctx) {
    await ensureBooted(ctx);
    const { evseId, connectorId } = ctx.config;
    await ctx.step('Steps 1-2: NotifyEvent ConnectorPlugRetentionLock.Problem "true", answered by the CSMS', async () => {
      const timestamp = nowIso(ctx);
      await ctx.callExpect('NotifyEvent', {
        generatedAt: timestamp,
        seqNo: 0,
        tbc: false,
        eventData: [
          {
            eventId: Math.floor(ctx.clock.wallMs() / 1000) % 1_000_000,
            timestamp,
            trigger: 'Delta',
            actualValue: 'true',
            eventNotificationType: 'HardWiredNotification',
            component: { name: 'ConnectorPlugRetentionLock', evse: { id: evseId, connectorId } },
            variable: { name: 'Problem' },
          },
        ],
      });
    });
  },
});
