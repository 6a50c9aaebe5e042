/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_15_CS — Trigger message, LogStatusNotification,
 * Idle. With no log upload running, TriggerMessage(LogStatusNotification) is Accepted and the
 * station reports status Idle (Part 2 F06.FR.15).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_15_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - LogStatusNotification - Idle',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.10', 'F06.FR.15'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.3' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'LogStatusNotificationRequest status Idle' },
  ],
  detects: ['trigger-log-status-rejected'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: TriggerMessage LogStatusNotification', () => trigger(ctx, 'LogStatusNotification', undefined, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station reports Idle', async () => {
      await ctx.expectCall('LogStatusNotification', { match: { status: 'Idle' }, step: 3 });
    });
  },
});
