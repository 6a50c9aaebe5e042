/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_17_CS — Trigger message,
 * FirmwareStatusNotification, Specific EVSE not relevant. An evse in a TriggerMessage for a message
 * that is not about an EVSE is ignored (Part 2 F06.FR.03): Accepted, then status Idle (no update runs).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_17_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - FirmwareStatusNotification - Specific EVSE not relevant',
  useCases: ['F06'],
  requirements: ['F06.FR.03', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.4' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Idle' },
  ],
  detects: ['trigger-rejects-specific-evse'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    await ctx.step(`Steps 1-2: TriggerMessage FirmwareStatusNotification, evse.id ${evseId}`, () => trigger(ctx, 'FirmwareStatusNotification', { id: evseId }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station reports Idle', async () => {
      await ctx.expectCall('FirmwareStatusNotification', { match: { status: 'Idle' }, step: 3 });
    });
  },
});
