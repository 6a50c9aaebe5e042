/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_18_CS — Trigger message,
 * FirmwareStatusNotification, Idle. With no firmware update running, TriggerMessage
 * (FirmwareStatusNotification) is Accepted and the station reports status Idle (Part 2 F06.FR.16,
 * L01.FR.25).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_18_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - FirmwareStatusNotification - Idle',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.16', 'L01.FR.25'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.4' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'FirmwareStatusNotificationRequest status Idle' },
  ],
  detects: ['trigger-firmware-status-rejected'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: TriggerMessage FirmwareStatusNotification', () => trigger(ctx, 'FirmwareStatusNotification', undefined, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station reports Idle', async () => {
      await ctx.expectCall('FirmwareStatusNotification', { match: { status: 'Idle' }, step: 3 });
    });
  },
});
