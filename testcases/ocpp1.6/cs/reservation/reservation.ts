/**
 * Helpers of the OCPP 1.6 Reservation `_CS` cases (OCTT 1.6 document §2.20; 1.6 §5.13 ReserveNow,
 * §5.3 CancelReservation): ReserveNow / CancelReservation with the answer in words, the
 * reservations the harness made noted in the ledger (the restore cancels them), the
 * "SetConnectorUnavailable for all unused connectors" prerequisite and the configured expiry.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { tokenStatus } from '../../../../src/engine/authoring.js';
import { framesOf, fromNow, ledgerOf } from '../_shared/charge-point.js';
import { setConnectorUnavailableState } from '../_shared/reusable-states.js';
import { send, type Answer } from '../local-auth-list/local-list.js';

/** A reservationId of our own for one case (1.6 §5.13: any integer the Central System picks). */
export function newReservationId(): number {
  return Math.floor(Math.random() * 1_000_000) + 2;
}

/** An expiryDate `seconds` from now (default an hour: the reservation holds for the whole case). */
export function expiryIn(ctx: TestContext, seconds = 3600): string {
  return new Date(ctx.clock.wallMs() + seconds * 1000).toISOString();
}

/**
 * <Configured Reservation Expiry Date Offset> (TC_047_CS): `extra.reservationExpiryS`, else the
 * heartbeat interval up to 60 s (the demo's is short).
 */
export function reservationExpiryS(ctx: TestContext): number {
  const v = Number(ctx.config.extra['reservationExpiryS']);
  return Number.isFinite(v) && v > 0 ? v : Math.min(60, Math.max(1, ctx.config.heartbeatIntervalS));
}

/** ReserveNow.req; an Accepted reservation is noted so the restore cancels what is left of it. */
export async function reserveNow(ctx: TestContext, payload: { connectorId: number; idTag: string; reservationId: number; expiryDate?: string; parentIdTag?: string }): Promise<Answer> {
  fromNow(ctx);
  const body: JsonObject = { connectorId: payload.connectorId, expiryDate: payload.expiryDate ?? expiryIn(ctx), idTag: payload.idTag, reservationId: payload.reservationId, ...(payload.parentIdTag === undefined ? {} : { parentIdTag: payload.parentIdTag }) };
  const answer = await send(ctx, 'ReserveNow', body);
  if (answer.payload?.['status'] === 'Accepted') (ledgerOf(ctx).reservations ??= new Set()).add(payload.reservationId);
  return answer;
}

/** Check the ReserveNow.conf status is `want`. */
export function checkReserveStatus(ctx: TestContext, answer: Answer, want: string, step: number): void {
  ctx.check(`ReserveNow.conf status is ${want}`, answer.payload?.['status'] === want, { expected: want, actual: answer.words, frames: answer.frames, step });
}

/** A reservation that was used, expired or cancelled needs no cancel in the restore. */
export function forgetReservation(ctx: TestContext, reservationId: number): void {
  ledgerOf(ctx).reservations?.delete(reservationId);
}

/** The StatusNotification.req of `connectorId` (any connector when undefined) with `status`, since the cursor. */
export async function expectStatus(ctx: TestContext, want: string, step: number, connectorId?: number, withinMs?: number): Promise<ObservedCall> {
  const sn = await ctx.expectCall('StatusNotification', { match: { status: want, ...(connectorId === undefined ? {} : { connectorId }) }, describe: `status ${want}${connectorId === undefined ? '' : ` for connectorId ${connectorId}`}`, step, ...(withinMs === undefined ? {} : { withinMs }) });
  ctx.check(`StatusNotification.req status is ${want}`, sn.payload['status'] === want, { expected: want, actual: sn.payload['status'], frames: framesOf(sn), step });
  return sn;
}

/** The reusable-state prerequisite "SetConnectorUnavailable for all unused connectors": every connector but the configured one. */
export async function otherConnectorsUnavailable(ctx: TestContext): Promise<void> {
  for (let connectorId = 1; connectorId <= ctx.config.numberOfEvses; connectorId++) {
    if (connectorId !== ctx.config.connectorId) await setConnectorUnavailableState(ctx, { connectorId });
  }
}

/** Valid IdTag 2 is a card of its own: Accepted by the harness (Authorize and StartTransaction), with `parentIdTag` when given. */
export function acceptIdTag2(ctx: TestContext, idTag2: string, parentIdTag?: string): void {
  const info = (tag: unknown): JsonObject =>
    tag === idTag2 ? { status: 'Accepted', ...(parentIdTag === undefined ? {} : { parentIdTag }) } : { status: tokenStatus(ctx.config, typeof tag === 'string' ? tag : undefined), parentIdTag: ctx.config.groupId };
  ctx.respond('Authorize', (call) => ({ idTagInfo: info(call.payload['idTag']) }));
  let next = 4600 + Math.floor(Math.random() * 1000);
  ctx.respond('StartTransaction', (call) => ({ transactionId: next++, idTagInfo: info(call.payload['idTag']) }));
}

/** The first StartTransaction.req from journal index `from` (undefined: none). */
export function startFrom(ctx: TestContext, from: number): JsonObject | undefined {
  const start = ctx.journal().find((e) => e.index >= from && e.kind === 'callIn' && e.action === 'StartTransaction');
  return start && start.kind === 'callIn' ? start.payload : undefined;
}

/** Check the StartTransaction.req names the reserved idTag and reservationId (and carries both). */
export function checkStartTakesReservation(ctx: TestContext, start: JsonObject | undefined, idTag: string | undefined, reservationId: number, step: number): void {
  if (idTag !== undefined) ctx.check('StartTransaction.req idTag is the reserved idTag', start?.['idTag'] === idTag, { expected: idTag, actual: start ? start['idTag'] : 'no StartTransaction.req', step });
  ctx.check('StartTransaction.req reservationId is the one of the ReserveNow.req', start?.['reservationId'] === reservationId, { expected: reservationId, actual: start ? (start['reservationId'] ?? 'absent') : 'no StartTransaction.req', step });
  if (start?.['reservationId'] === reservationId) forgetReservation(ctx, reservationId);
}
