/**
 * OCPP 2.0.1 Part 6 §3.7, TC_F_13_CSMS: from EnergyTransferStarted the CSMS triggers TransactionEvent
 * for the configured EVSE; the simulated station accepts and sends a TransactionEvent (Trigger,
 * Charging, evse.id, readings with context Trigger) that the CSMS must answer.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { energyReading, sendTransactionEvent } from '../_shared/station.js';
import { triggeredMessage } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_13_CSMS',
  version: '2.0.1',
  sut: 'csms',
  block: 'F',
  title: 'Trigger message - TransactionEvent - Specific EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.01', 'F06.FR.02'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.2' },
  states: ['EnergyTransferStarted'],
  validations: [
    { step: 1, checks: 'TriggerMessageRequest requestedMessage TransactionEvent, evse.id the configured EVSE' },
  ],
  detects: ['trigger-message-drops-evse', 'trigger-message-wrong-message'],
  async run(ctx) {
    const { asked } = await ctx.step('Steps 1-2: the CSMS sends TriggerMessage TransactionEvent for the EVSE', () => triggeredMessage(ctx, 'TransactionEvent', { id: ctx.config.evseId }, 'Accepted', { step: 1 }));
    if (!asked) return;
    await ctx.step('Steps 3-4: the station sends the triggered TransactionEvent', async () => {
      await sendTransactionEvent(ctx, { eventType: 'Updated', triggerReason: 'Trigger', chargingState: 'Charging', withEvse: true, meterValue: [energyReading(ctx, 'Trigger', 0)] });
    });
  },
});
