/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_12_CSMS: the CSMS triggers MeterValues without naming an EVSE; the
 * simulated station accepts and sends a MeterValues for every EVSE (context Trigger), each of which
 * the CSMS must answer. Part 6 step 3 says "evseId omitted", but MeterValuesRequest requires evseId
 * (Part 2 schema), so each message names its EVSE.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { connectorsOf, energyReading } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_12_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - MeterValues - All EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.1' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage MeterValues' },
  ],
  detects: ['trigger-message-wrong-message'],
  async run(ctx) {
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage MeterValues', () => triggeredMessage(ctx, 'MeterValues', undefined, 'Accepted', { step: 1 }));
    if (!asked) return;
    for (const { evseId } of connectorsOf(ctx)) {
      await ctx.step(`Steps 3-4: the triggered MeterValues of EVSE ${evseId}`, async () => {
        await ctx.callExpect('MeterValues', { evseId, meterValue: [energyReading(ctx, 'Trigger', 0)] });
      });
    }
  },
});
