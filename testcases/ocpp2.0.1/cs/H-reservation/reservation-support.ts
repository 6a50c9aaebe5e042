/**
 * What the block H `_CS` cases share (Part 6 §2.9): the configuration state "ReservationCtrlr
 * ReservationEnabled is true (If implemented)" (Part 2's variable ReservationCtrlr.Enabled), the OCTT
 * configured values (second valid idToken, groupIdToken, reservation expiry), ReserveNow /
 * CancelReservation with the answer checked against one official step, and the expectation that a
 * connector is reported Reserved / Available (StatusNotification or NotifyEvent, Part 6 §2.1).
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { configure, fromNow, ready, type Setting } from '../_shared/case-support.js';
import { getVariables } from '../_shared/expect.js';
import { obj, str } from '../_shared/journal.js';

export const enabled = (value: 'true' | 'false'): Setting => ({ component: 'ReservationCtrlr', variable: 'Enabled', value, ifImplemented: true });

/** The station is up, the cursor at now, and the configuration state of the block set. */
export async function prepare(ctx: TestContext, value: 'true' | 'false' = 'true'): Promise<void> {
  await ready(ctx);
  fromNow(ctx);
  await configure(ctx, [enabled(value)]);
}

/** <Generated reservationId>: a fresh id per reservation. */
export function newReservationId(): number {
  return Math.floor(Math.random() * 1_000_000) + 2;
}

/**
 * <Configured expiryDateTime> for the cases that wait for the expiry (Part 6 TC_H_07_CS: 60 s):
 * `extra.reservationExpiryS`, else the heartbeat interval up to 60 s (the demo's is short).
 */
export function reservationExpiryS(ctx: TestContext): number {
  const v = Number(ctx.config.extra['reservationExpiryS']);
  return Number.isFinite(v) && v > 0 ? v : Math.min(60, Math.max(1, ctx.config.heartbeatIntervalS));
}

/** An expiryDateTime `seconds` from now (default: an hour, so the reservation holds for the whole case). */
export function expiryIn(ctx: TestContext, seconds = 3600): string {
  return new Date(ctx.clock.wallMs() + seconds * 1000).toISOString();
}

/** <Configured valid_idtoken2>: `extra.validIdToken2`, else the second valid idToken of the run configuration. */
export function validToken2(ctx: TestContext): { idToken: string; type: string } {
  const given = obj(ctx.config.extra['validIdToken2']);
  const id = str(given?.['idToken']);
  if (id !== undefined) return { idToken: id, type: str(given?.['type']) ?? 'ISO14443' };
  const same = ctx.config.idTokens.validSameGroup;
  return same ? { idToken: same.idToken, type: same.type } : { idToken: '04A1B2C3D4E5F8', type: 'ISO14443' };
}

/** <Configured groupIdToken>: the group of the configured valid idTokens. */
export function groupIdToken(ctx: TestContext): { idToken: string; type: string } {
  return { idToken: ctx.config.groupId, type: 'Central' };
}

/** The configured valid idToken as an IdTokenType. */
export function validToken(ctx: TestContext): { idToken: string; type: string } {
  return { idToken: ctx.config.idTokens.valid.idToken, type: ctx.config.idTokens.valid.type };
}

/** A different valid idToken per EVSE (the configured one for the configured EVSE, the second one for the others). */
export function tokenFor(ctx: TestContext, evseId: number): { idToken: string; type: string } {
  return evseId === ctx.config.evseId ? validToken(ctx) : validToken2(ctx);
}

/** A different idToken for each of `count` reservations: the configured valid ones, then made-up ISO14443 UIDs. */
export function distinctTokens(ctx: TestContext, count: number): Array<{ idToken: string; type: string }> {
  const out = [validToken(ctx), validToken2(ctx)];
  for (let i = out.length; i < count; i++) out.push({ idToken: `04A1B2C3D4E6${(i % 256).toString(16).toUpperCase().padStart(2, '0')}`, type: 'ISO14443' });
  return out.slice(0, count);
}

/**
 * <Configured connectorType>: `extra.connectorType`, else what the station reports as
 * Connector.ConnectorType of the configured connector; inconclusive when neither says.
 */
export async function configuredConnectorType(ctx: TestContext): Promise<string> {
  const given = str(ctx.config.extra['connectorType']);
  if (given !== undefined) return given;
  const [reported] = await getVariables(ctx, [{ component: 'Connector', variable: 'ConnectorType', evse: { id: ctx.config.evseId, connectorId: ctx.config.connectorId } }]);
  if (reported === undefined || reported === '') ctx.inconclusive('no connectorType configured (extra.connectorType) and the station reports no Connector.ConnectorType for the configured connector');
  return reported;
}

/** Wire frames of one message exchange (request and answer). */
export function framesOf(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** Send `action` and check its response status against `expected` (the validated step `step`). */
export async function callStatus(ctx: TestContext, action: 'ReserveNow' | 'CancelReservation', payload: JsonObject, expected: string, step: number): Promise<void> {
  const out = await ctx.call(action, payload);
  const actual = out.status === 'result' ? out.payload['status'] : outcomeWords(out);
  ctx.check(`${action}Response status`, actual === expected, { expected, actual: actual ?? 'absent', frames: framesOf(ctx, out.messageId), step });
}

/** ReserveNowRequest with the given fields (id and an hour's expiry unless given). */
export function reserveNow(ctx: TestContext, fields: JsonObject, expected: string, step: number): Promise<void> {
  return callStatus(ctx, 'ReserveNow', { id: newReservationId(), expiryDateTime: expiryIn(ctx), ...fields }, expected, step);
}
