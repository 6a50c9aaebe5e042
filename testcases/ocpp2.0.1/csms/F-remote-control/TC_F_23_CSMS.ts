/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_23_CSMS: the CSMS triggers StatusNotification for the configured EVSE
 * (and connector); the simulated station accepts and reports the connector Available with a
 * StatusNotification (Part 6 allows NotifyEvent instead; the simulated station uses StatusNotification).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { reportStatus } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_23_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - StatusNotification - Specific EVSE - Available',
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
    const { evseId, connectorId } = ctx.config;
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage StatusNotification for the EVSE', () => triggeredMessage(ctx, 'StatusNotification', { id: evseId, connectorId }, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 3-4: the station reports the connector Available', () => reportStatus(ctx, evseId, connectorId, 'Available'));
  },
});
