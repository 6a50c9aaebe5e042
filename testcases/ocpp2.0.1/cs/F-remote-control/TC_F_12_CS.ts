/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_12_CS — Trigger message, MeterValues, All EVSE.
 * TriggerMessage(MeterValues) without evse is Accepted and followed by a MeterValues for every EVSE
 * of the station (the configured number of EVSEs), each with context Trigger (Part 2 F06.FR.11).
 * A MeterValues of the main meter (evseId 0) besides them is allowed.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { checkTriggerContext, firstContext, otherReadings, trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_12_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - MeterValues - All EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10', 'F06.FR.11'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.1' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'a MeterValuesRequest for every EVSE, meterValue[0].sampledValue[0].context Trigger' },
  ],
  detects: ['trigger-all-evse-rejected', 'triggered-meter-values-wrong-context'],
  async run(ctx) {
    await ready(ctx);
    // Everything the station sends after the request (each EVSE's message is found from here).
    const from = journalMark(ctx);
    await ctx.step('Steps 1-2: TriggerMessage MeterValues, evse omitted', () => trigger(ctx, 'MeterValues', undefined, 'Accepted', { step: 2 }));
    for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
      await ctx.step(`Steps 3-4: the triggered MeterValues of EVSE ${evseId}`, async () => {
        const mv = await ctx.expectCall('MeterValues', {
          from,
          match: (p) => p['evseId'] === evseId && firstContext(p) === 'Trigger',
          describe: `evseId ${evseId}, meterValue[0].sampledValue[0].context Trigger`,
          anyOrder: otherReadings,
          step: 3,
        });
        checkTriggerContext(ctx, mv, { step: 3 });
      });
    }
  },
});
