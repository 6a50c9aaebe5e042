/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_26_CS — Trigger message, BootNotification,
 * Rejected. A station whose registration was Accepted must reject a TriggerMessage for
 * BootNotification (Part 2 F06.FR.17).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_26_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - BootNotification - Rejected',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.17'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.6' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Rejected' },
  ],
  detects: ['trigger-boot-after-accepted'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: TriggerMessage BootNotification', () => trigger(ctx, 'BootNotification', undefined, 'Rejected', { step: 2 }));
  },
});
