/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_24_CSMS: the simulated station reports its configured connector
 * Occupied (an EV plugged in, no transaction), then the CSMS triggers StatusNotification for that
 * EVSE; the station accepts and reports Occupied again (StatusNotification; Part 6 allows NotifyEvent).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus, stationOf } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_24_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02', 'F06.FR.13'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.5' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage StatusNotification, evse.id the configured EVSE' },
  ],
  detects: ['trigger-message-drops-evse', 'trigger-message-wrong-message'],
  async run(ctx) {
    await ctx.step('Steps 1-2: the station reports the connector Occupied', async () => {
      stationOf(ctx).evConnected = true;
      await reportStatus(ctx, ctx.config.evseId, ctx.config.connectorId, 'Occupied');
    });
    const { evseId, connectorId } = ctx.config;
    const { asked } = await ctx.step('Steps 3-4: the CSMS sends TriggerMessage StatusNotification for the EVSE', () => triggeredMessage(ctx, 'StatusNotification', { id: evseId, connectorId }, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 5-6: the station reports the connector Occupied', () => reportStatus(ctx, evseId, connectorId, 'Occupied'));
  },
});
