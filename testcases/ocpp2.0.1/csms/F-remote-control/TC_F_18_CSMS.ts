/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_18_CSMS: the CSMS triggers FirmwareStatusNotification; the simulated
 * station accepts and reports Idle, which the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_18_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - FirmwareStatusNotification - Idle',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.4' },
  states: ['Idle'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage FirmwareStatusNotification' },
  ],
  detects: ['trigger-message-wrong-message'],
  async run(ctx) {
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage FirmwareStatusNotification', () => triggeredMessage(ctx, 'FirmwareStatusNotification', undefined, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 3-4: the station sends FirmwareStatusNotification status Idle', async () => {
      await ctx.callExpect('FirmwareStatusNotification', { status: 'Idle' });
    });
  },
});
