/**
 * Part 6 TC_F_13_CS / TC_F_14_CS step 3: the TransactionEvent a TriggerMessage(TransactionEvent)
 * makes the station send for one EVSE's transaction, and its validations.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { frames, obj, sessionOf, str, txInfo } from '../_shared/journal.js';
import { checkTriggerContext, otherTxEvents } from './trigger.js';

export async function expectTriggeredTxEvent(ctx: TestContext, evseId: number, o: { evseMayBeOmitted: boolean; from?: number; step: number }): Promise<ObservedCall> {
  const { step } = o;
  const transactionId = sessionOf(ctx, evseId).transactionId;
  if (transactionId === undefined) ctx.inconclusive(`no transaction is known on EVSE ${evseId}: the precondition EnergyTransferStarted was not reached`);
  const te = await ctx.expectCall('TransactionEvent', {
    ...(o.from === undefined ? {} : { from: o.from }),
    match: (p) => p['triggerReason'] === 'Trigger' && str(obj(p['transactionInfo'])?.['transactionId']) === transactionId,
    describe: `triggerReason Trigger for transaction ${transactionId} (EVSE ${evseId})`,
    anyOrder: otherTxEvents,
    step,
  });
  const evse = obj(te.payload['evse']);
  ctx.check(`TransactionEvent evse.id is ${o.evseMayBeOmitted ? 'omitted or ' : ''}${evseId}`, evse === undefined ? o.evseMayBeOmitted : evse['id'] === evseId, {
    expected: o.evseMayBeOmitted ? `omitted or ${evseId}` : String(evseId),
    actual: evse === undefined ? 'omitted' : evse['id'],
    frames: frames(te),
    step,
  });
  ctx.check('TransactionEvent transactionInfo.chargingState is Charging', txInfo(te)['chargingState'] === 'Charging', { expected: 'Charging', actual: txInfo(te)['chargingState'] ?? 'absent', frames: frames(te), step });
  const present = Array.isArray(te.payload['meterValue']) && te.payload['meterValue'].length > 0;
  ctx.check('TransactionEvent meterValue is present', present, { expected: 'meterValue present', actual: present ? 'present' : 'absent', frames: frames(te), step });
  if (present) checkTriggerContext(ctx, te, { step });
  return te;
}
