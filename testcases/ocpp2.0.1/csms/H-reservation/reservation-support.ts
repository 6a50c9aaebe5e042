/**
 * What the block H `_CSMS` cases share (Part 6 §3.9): make the CSMS send a ReserveNowRequest (manual
 * action) for the configured EVSE, for no EVSE, for a connectorType or with a groupIdToken, answer it
 * and check its fields (evseId the asked one or omitted, connectorType the asked one or omitted, the
 * configured valid idToken, groupIdToken present when asked), then report connectors Reserved.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { connectorsOf, extraString, framesOf, idTokenOf, obj, reportStatus, transactionDurationMs, triggered } from '../_shared/station.js';

export interface ReserveNowAsk {
  /** The EVSE to reserve; omitted: an unspecified EVSE (evseId must then be omitted). */
  evseId?: number;
  /** The connectorType to reserve; omitted: connectorType must be omitted. */
  connectorType?: string;
  /** Ask for a groupIdToken (it must then be provided). */
  groupIdToken?: JsonObject;
  /** The ReserveNowResponse status the simulated station answers (default Accepted). */
  status?: string;
  /** The validated step the checks name (none inside a reusable state). */
  step?: number;
}

/** <Configured connectorType> for TC_H_15_CSMS (`extra.connectorType`, default cType2). */
export const configuredConnectorType = (ctx: TestContext): string => extraString(ctx, 'connectorType', 'cType2');

/** The groupIdToken a TC_H_19_CSMS reservation is made for: the configured groupId (type Central). */
export const configuredGroupIdToken = (ctx: TestContext): JsonObject => ({ idToken: ctx.config.groupId, type: 'Central' });

export async function reserveNow(ctx: TestContext, ask: ReserveNowAsk): Promise<ObservedCall> {
  const step = ask.step === undefined ? {} : { step: ask.step };
  const call = await triggered(ctx, {
    action: 'ReserveNow',
    trigger: 'triggerReserveNow',
    params: {
      ...(ask.evseId === undefined ? {} : { evseId: ask.evseId }),
      ...(ask.connectorType === undefined ? {} : { connectorType: ask.connectorType }),
      ...(ask.groupIdToken === undefined ? {} : { groupIdToken: ask.groupIdToken }),
      idToken: idTokenOf(ctx.config.idTokens.valid),
      expirySeconds: Math.max(1, Math.round(transactionDurationMs(ctx) / 1000)),
    },
    respond: () => ({ status: ask.status ?? 'Accepted' }),
  });
  const frames = framesOf(call);
  const evseId = call.payload['evseId'];
  if (ask.evseId === undefined) ctx.check('ReserveNowRequest.evseId is omitted', evseId === undefined, { expected: 'omitted', actual: evseId, frames, ...step });
  else ctx.check(`ReserveNowRequest.evseId is ${ask.evseId}`, evseId === ask.evseId, { expected: ask.evseId, actual: evseId ?? 'absent', frames, ...step });
  const type = call.payload['connectorType'];
  if (ask.connectorType === undefined) ctx.check('ReserveNowRequest.connectorType is omitted', type === undefined, { expected: 'omitted', actual: type, frames, ...step });
  else ctx.check(`ReserveNowRequest.connectorType is ${ask.connectorType}`, type === ask.connectorType, { expected: ask.connectorType, actual: type ?? 'absent', frames, ...step });
  const token = obj(call.payload['idToken']);
  const valid = ctx.config.idTokens.valid;
  ctx.check('ReserveNowRequest.idToken is the configured valid idToken', token?.['idToken'] === valid.idToken && token['type'] === valid.type, { expected: idTokenOf(valid), actual: token ?? 'absent', frames, ...step });
  if (ask.groupIdToken !== undefined) {
    const group = obj(call.payload['groupIdToken']);
    // Part 6 only says it must be provided; its value is the CSMS's to choose.
    ctx.check('ReserveNowRequest.groupIdToken is provided', group !== undefined, { expected: 'a groupIdToken', actual: call.payload['groupIdToken'] ?? 'absent', frames, ...step });
  }
  return call;
}

/** The ReserveNowRequest for the configured EVSE, answered Accepted (TC_H_07/17/20_CSMS). */
export function reserveSpecificEvse(ctx: TestContext, step: number): Promise<ObservedCall> {
  return reserveNow(ctx, { evseId: ctx.config.evseId, step });
}

/** The station reports every connector of the configured (or given) EVSE with this status. */
export async function reportEvse(ctx: TestContext, status: string, evseId = ctx.config.evseId): Promise<void> {
  for (const c of connectorsOf(ctx).filter((x) => x.evseId === evseId)) await reportStatus(ctx, c.evseId, c.connectorId, status);
}
