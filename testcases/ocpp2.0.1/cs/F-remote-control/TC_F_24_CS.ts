/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_24_CS — Trigger message, StatusNotification,
 * Specific EVSE, Occupied. From EVConnectedPreSession, TriggerMessage(StatusNotification) for the
 * configured EVSE and connector is Accepted and the station reports it Occupied again, by
 * StatusNotification or NotifyEvent (Connector.AvailabilityState). Only reports after the trigger
 * count: the one the plug-in caused is not the triggered one.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_24_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.5' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'StatusNotificationRequest connectorStatus Occupied, or NotifyEventRequest Connector.AvailabilityState "Occupied"' },
  ],
  detects: ['triggered-status-always-available', 'trigger-rejects-specific-evse'],
  async run(ctx) {
    await ready(ctx);
    const where = { evseId: ctx.config.evseId, connectorId: ctx.config.connectorId };
    await ctx.step('Before: EVConnectedPreSession', () => ctx.state('EVConnectedPreSession'));
    await ctx.step(`Steps 1-2: TriggerMessage StatusNotification for EVSE ${where.evseId} connector ${where.connectorId}`, () => trigger(ctx, 'StatusNotification', { id: where.evseId, connectorId: where.connectorId }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station reports the connector Occupied', async () => {
      await expectConnectorStatus(ctx, 'Occupied', where, { step: 3 });
    });
  },
});
