/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_27_CS — Trigger message, NotImplemented. A station
 * that does not support triggering SignCombinedCertificate (no combined certificate, PICS ISO-3
 * false) answers that TriggerMessage with NotImplemented (Part 2 F06.FR.08).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_27_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - NotImplemented',
  useCases: ['F06'],
  requirements: ['F06.FR.08'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: only when SignCombinedCertificate is not implemented (NOT ISO-3).
  applies: { not: { item: 'ISO-3' } },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status NotImplemented' },
  ],
  detects: ['trigger-not-implemented-rejected'],
  async run(ctx) {
    await ready(ctx);
    await ctx.step('Steps 1-2: TriggerMessage SignCombinedCertificate', () => trigger(ctx, 'SignCombinedCertificate', undefined, 'NotImplemented', { step: 2 }));
  },
});
