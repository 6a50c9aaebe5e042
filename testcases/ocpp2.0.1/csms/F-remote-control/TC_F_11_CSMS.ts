/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_11_CSMS: the CSMS triggers MeterValues for the configured EVSE; the
 * simulated station accepts and sends MeterValues of that EVSE with context Trigger, which the CSMS
 * must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { energyReading } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_11_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - MeterValues - Specific EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.1' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage MeterValues, evse.id the configured EVSE' },
  ],
  detects: ['trigger-message-drops-evse', 'trigger-message-wrong-message'],
  async run(ctx) {
    const evseId = ctx.config.evseId;
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage MeterValues for the EVSE', () => triggeredMessage(ctx, 'MeterValues', { id: evseId }, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 3-4: the station sends the triggered MeterValues', async () => {
      await ctx.callExpect('MeterValues', { evseId, meterValue: [energyReading(ctx, 'Trigger', 0)] });
    });
  },
});
