/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_11_CS — Trigger message, MeterValues, Specific
 * EVSE. TriggerMessage(MeterValues, evse.id) is Accepted and followed by a MeterValues of that EVSE
 * whose readings say context Trigger (Part 2 F06.FR.02/04/05/06/10).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { checkTriggerContext, firstContext, otherReadings, trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_11_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - MeterValues - Specific EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.1' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'MeterValuesRequest evseId is the configured EVSE, meterValue[0].sampledValue[0].context Trigger' },
  ],
  detects: ['triggered-meter-values-wrong-context', 'trigger-rejects-specific-evse'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    await ctx.step(`Steps 1-2: TriggerMessage MeterValues for EVSE ${evseId}`, () => trigger(ctx, 'MeterValues', { id: evseId }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station sends the triggered MeterValues', async () => {
      const mv = await ctx.expectCall('MeterValues', {
        match: (p) => p['evseId'] === evseId && firstContext(p) === 'Trigger',
        describe: `evseId ${evseId}, meterValue[0].sampledValue[0].context Trigger`,
        anyOrder: otherReadings,
        step: 3,
      });
      checkTriggerContext(ctx, mv, { step: 3 });
    });
  },
});
