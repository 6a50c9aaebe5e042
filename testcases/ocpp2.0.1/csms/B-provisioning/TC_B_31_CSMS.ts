/**
 * OCPP 2.0.1 Part 6 §3.3, TC_B_31_CSMS: the CSMS is set to answer a station's first boot with
 * Pending (Rejected is allowed too). Before the interval runs out, the CSMS asks for a new boot
 * with TriggerMessage(BootNotification); the simulated station accepts, boots with reason
 * Triggered and must be Accepted; then it reports its connectors.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { framesOf, reportAllConnectors } from '../_shared/station.js';
import { freshConnection, outcomeText, sendBoot } from './support.js';

export default defineTestCase({
  id: 'TC_B_31_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'B',
  title: 'Cold Boot Charging Station - Pending/Rejected - TriggerMessage',
  useCases: ['B02', 'F06'],
  certification: [{ profile: 'Core', need: 'C' }],
  // Part 5: the CSMS can be set to answer Pending first (C-44), or does not refuse unknown stations at the WebSocket (NOT AQ-6).
  applies: { any: [{ item: 'C-44' }, { not: { item: 'AQ-6' } }] },
  states: ['Idle'],
  validations: [
    { step: 2, checks: 'BootNotificationResponse status Pending or Rejected' },
    { step: 3, checks: 'TriggerMessageRequest requestedMessage BootNotification' },
    { step: 6, checks: 'BootNotificationResponse to the triggered boot: status Accepted' },
  ],
  detects: ['triggered-boot-kept-pending', 'trigger-message-wrong-message'],
  async run(ctx) {
    await ctx.dut('setRegistrationPending');
    try {
      await freshConnection(ctx);
      await ctx.step('Steps 1-2: the station boots (PowerUp); the CSMS answers Pending or Rejected', async () => {
        const { outcome, answer, frames } = await sendBoot(ctx, 'PowerUp');
        const status = answer?.['status'];
        ctx.check('BootNotificationResponse.status is Pending or Rejected', status === 'Pending' || status === 'Rejected', { expected: 'Pending or Rejected', actual: outcomeText(outcome), frames, step: 2 });
      });
      await ctx.step('Steps 3-4: the CSMS asks for a BootNotification; the station accepts', async () => {
        ctx.respond('TriggerMessage', () => ({ status: 'Accepted' }));
        await ctx.dut('triggerTriggerMessage', { requestedMessage: 'BootNotification' });
        const call = await ctx.expectCall('TriggerMessage', { step: 3 });
        ctx.check('TriggerMessageRequest.requestedMessage is BootNotification', call.payload['requestedMessage'] === 'BootNotification', {
          expected: 'BootNotification',
          actual: call.payload['requestedMessage'],
          frames: framesOf(call),
          step: 3,
        });
      });
      await ctx.step('Steps 5-6: the station boots (Triggered); the CSMS answers Accepted', async () => {
        const { outcome, answer, frames } = await sendBoot(ctx, 'Triggered');
        ctx.check('BootNotificationResponse.status is Accepted', answer?.['status'] === 'Accepted', { expected: 'Accepted', actual: outcomeText(outcome), frames, step: 6 });
      });
    } finally {
      await ctx.dut('setRegistrationAccepted');
    }
    await ctx.step('Steps 7-8: the station reports all its connectors', () => reportAllConnectors(ctx));
  },
});
