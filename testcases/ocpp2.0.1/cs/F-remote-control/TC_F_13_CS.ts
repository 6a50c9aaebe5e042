/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_13_CS — Trigger message, TransactionEvent,
 * Specific EVSE. From EnergyTransferStarted, TriggerMessage(TransactionEvent, evse.id) is Accepted
 * and followed by a TransactionEvent of that transaction with triggerReason Trigger, chargingState
 * Charging and the current readings with context Trigger (Part 2 F06.FR.07).
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { ready } from '../_shared/case-support.js';
import { expectTriggeredTxEvent } from './triggered-tx-event.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_13_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - TransactionEvent - Specific EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.2' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'TransactionEventRequest: evse.id omitted or the configured EVSE, triggerReason Trigger, chargingState Charging, meterValue present with context Trigger' },
  ],
  detects: ['triggered-tx-event-without-meter-value', 'triggered-meter-values-wrong-context', 'trigger-rejects-specific-evse'],
  async run(ctx) {
    await ready(ctx);
    const evseId = ctx.config.evseId;
    await ctx.step('Before: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
    await ctx.step(`Steps 1-2: TriggerMessage TransactionEvent for EVSE ${evseId}`, () => trigger(ctx, 'TransactionEvent', { id: evseId }, 'Accepted', { step: 2 }));
    await ctx.step('Steps 3-4: the station sends the triggered TransactionEvent', () => expectTriggeredTxEvent(ctx, evseId, { evseMayBeOmitted: true, step: 3 }));
  },
});
