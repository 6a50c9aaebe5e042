/**
 * What the block H `_CSMS` cases share (Part 6 §3.9): make the CSMS send a ReserveNowRequest for the
 * configured EVSE (manual action), answer it Accepted and check its fields (evseId the configured one,
 * no connectorType, the configured valid idToken), then report the EVSE's connectors Reserved.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { connectorsOf, framesOf, idTokenOf, obj, reportStatus, transactionDurationMs, triggered } from '../_shared/station.js';

export async function reserveSpecificEvse(ctx: TestContext, step: number): Promise<ObservedCall> {
  const evseId = ctx.config.evseId;
  const call = await triggered(ctx, {
    action: 'ReserveNow',
    trigger: 'triggerReserveNow',
    params: { evseId, idToken: idTokenOf(ctx.config.idTokens.valid), expirySeconds: Math.max(1, Math.round(transactionDurationMs(ctx) / 1000)) },
    respond: () => ({ status: 'Accepted' }),
  });
  ctx.check(`ReserveNowRequest.evseId is ${evseId}`, call.payload['evseId'] === evseId, { expected: evseId, actual: call.payload['evseId'] ?? 'absent', frames: framesOf(call), step });
  ctx.check('ReserveNowRequest.connectorType is omitted', call.payload['connectorType'] === undefined, { expected: 'omitted', actual: call.payload['connectorType'], frames: framesOf(call), step });
  const token = obj(call.payload['idToken']);
  const valid = ctx.config.idTokens.valid;
  ctx.check('ReserveNowRequest.idToken is the configured valid idToken', token?.['idToken'] === valid.idToken && token['type'] === valid.type, { expected: idTokenOf(valid), actual: token ?? 'absent', frames: framesOf(call), step });
  return call;
}

/** The station reports every connector of the configured EVSE with this status. */
export async function reportEvse(ctx: TestContext, status: string): Promise<void> {
  for (const c of connectorsOf(ctx).filter((x) => x.evseId === ctx.config.evseId)) await reportStatus(ctx, c.evseId, c.connectorId, status);
}
