/**
 * Block F `_CSMS` helpers: make the CSMS send TriggerMessage (the DUT adapter's trigger), answer it
 * like a station that supports the message, and check what it asked for as one traced step.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, obj, triggered } from '../_shared/station.js';

/**
 * The CSMS's TriggerMessage for `requestedMessage` (for `evse` when given), answered `answer` when
 * it asks for that message and Rejected otherwise; checks requestedMessage and, when `evse` is
 * given, evse.id (official step `step`). Returns the call and whether the station goes on.
 */
export async function triggeredMessage(
  ctx: TestContext,
  requestedMessage: string,
  evse: { id: number; connectorId?: number } | undefined,
  answer: string,
  { step }: { step: number },
): Promise<{ call: ObservedCall; asked: boolean }> {
  const call = await triggered(ctx, {
    action: 'TriggerMessage',
    trigger: 'triggerTriggerMessage',
    params: { requestedMessage, ...(evse ? { evseId: evse.id, ...(evse.connectorId === undefined ? {} : { connectorId: evse.connectorId }) } : {}) },
    respond: (p) => ({ status: p['requestedMessage'] === requestedMessage ? answer : 'Rejected' }),
  });
  const asked = call.payload['requestedMessage'] === requestedMessage;
  ctx.check(`TriggerMessageRequest.requestedMessage is ${requestedMessage}`, asked, { expected: requestedMessage, actual: call.payload['requestedMessage'] ?? 'absent', frames: framesOf(call), step });
  if (evse) {
    const got = obj(call.payload['evse']);
    ctx.check(`TriggerMessageRequest.evse.id is ${evse.id}`, got?.['id'] === evse.id, { expected: evse.id, actual: got?.['id'] ?? 'evse absent', frames: framesOf(call), step });
  }
  return { call, asked };
}

