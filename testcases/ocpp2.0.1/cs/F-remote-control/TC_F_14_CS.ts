/**
 * OCPP 2.0.1 Part 6 §2.7 (F Remote Control), TC_F_14_CS — Trigger message, TransactionEvent, All
 * EVSE. With a charging transaction on every EVSE (the configured number of EVSEs), TriggerMessage
 * (TransactionEvent) without evse is Accepted and followed by a triggered TransactionEvent of each
 * transaction (Part 2 F06.FR.11), each as in TC_F_13_CS.
 *
 * Step 3 asks for evse.id <Configured evseId>; with one TransactionEvent per EVSE we read that as
 * "the EVSE of that transaction". The evse field itself is only required in the first event that
 * names the EVSE (Part 2 TransactionEventRequest; TC_F_13_CS allows it omitted), so where it is
 * omitted the event is matched to its EVSE by transactionId.
 */
import { defineTestCase } from '../../../../src/engine/authoring.js';
import { journalMark, ready } from '../_shared/case-support.js';
import { expectTriggeredTxEvent } from './triggered-tx-event.js';
import { trigger } from './trigger.js';

export default defineTestCase({
  id: 'TC_F_14_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'F',
  title: 'Trigger message - TransactionEvent - All EVSE',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.07', 'F06.FR.10', 'F06.FR.11'],
  certification: [{ profile: 'Core', need: 'C' }],
  applies: { item: 'C-29.2' },
  validations: [
    { step: 2, checks: 'TriggerMessageResponse status Accepted' },
    { step: 3, checks: 'a TransactionEventRequest per EVSE: evse.id (where present) that EVSE, triggerReason Trigger, chargingState Charging, meterValue present with context Trigger' },
  ],
  detects: ['trigger-all-evse-rejected', 'triggered-tx-event-without-meter-value'],
  async run(ctx) {
    await ready(ctx);
    const evseIds = Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1);
    // One idToken per EVSE (the valid one, then idToken2): the same card at a second EVSE would stop the first transaction (C01.FR.03).
    const tokens = [ctx.config.idTokens.valid, ctx.config.idTokens.validSameGroup ?? ctx.config.idTokens.valid];
    for (const [i, evseId] of evseIds.entries()) {
      const token = tokens[Math.min(i, 1)] ?? ctx.config.idTokens.valid;
      await ctx.step(`Before: EnergyTransferStarted on EVSE ${evseId}`, () => ctx.state('EnergyTransferStarted', { evseId, idToken: { idToken: token.idToken, type: token.type } }));
    }
    // Everything the station sends after the request (each EVSE's message is found from here).
    const from = journalMark(ctx);
    await ctx.step('Steps 1-2: TriggerMessage TransactionEvent, evse omitted', () => trigger(ctx, 'TransactionEvent', undefined, 'Accepted', { step: 2 }));
    for (const evseId of evseIds) {
      await ctx.step(`Steps 3-4: the triggered TransactionEvent of EVSE ${evseId}`, () => expectTriggeredTxEvent(ctx, evseId, { evseMayBeOmitted: true, from, step: 3 }));
    }
  },
});
