/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_14_CSMS: from EnergyTransferStarted the CSMS triggers TransactionEvent
 * without naming an EVSE; the simulated station accepts and sends a TransactionEvent (Trigger,
 * Charging, evse omitted, readings with context Trigger) for its transaction, the only one it has.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { energyReading, sendTransactionEvent } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_14_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - TransactionEvent - All EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.01'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.2' },
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage TransactionEvent' },
  ],
  detects: ['trigger-message-wrong-message'],
  async run(ctx) {
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage TransactionEvent', () => triggeredMessage(ctx, 'TransactionEvent', undefined, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 3-4: the station sends the triggered TransactionEvent', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Trigger', chargingState: 'Charging', withEvse: false, meterValue: [energyReading(ctx, 'Trigger', 0)] });
    });
  },
});
