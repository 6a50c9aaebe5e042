/**
 * The reservations of the 2.0.1 station (block H, Part 2 H01-H04): ReserveNow for one EVSE, for
 * any EVSE (ReservationCtrlr.NonEvseSpecific) or for a connector type, the answers Occupied /
 * Faulted / Unavailable / Rejected, replacement by the same id (H01.FR.02), CancelReservation
 * (H02), expiry with ReservationStatusUpdate Expired and removal (EVSE Faulted or Unavailable)
 * with ReservationStatusUpdate Removed (H01.FR.16/17, H04), and who may use a reserved EVSE: the
 * reserved idToken or one of its groupIdToken (H03). An unspecified reservation (no evseId, maybe a
 * connectorType) floats: any EVSE may serve it, another idToken may take an EVSE as long as enough
 * free ones stay for the floating reservations (H01.FR.04/07), and when the free EVSEs are as many as
 * the floating reservations every one of them is reported Reserved (H01.FR.20). Each defect breaks
 * one of those rules.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Context201, ReservationsApi } from './context.js';
import { activeTx, type Evse, type IdToken } from './evse.js';

export const ctrlr = 'ReservationCtrlr';

interface Reservation {
  id: number;
  /** Undefined: an unspecified (floating) reservation. */
  evseId?: number;
  connectorType?: string;
  idToken: string;
  groupId?: string;
  expiryMs: number;
  timer: AbortController;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export class ReservationBook implements ReservationsApi {
  private readonly byId = new Map<number, Reservation>();
  private reporting: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: Context201) {}

  private has(defect: string): boolean {
    return this.ctx.core.has(defect);
  }

  reserveNow(call: InboundCall): JsonObject {
    const { deviceModel, evses } = this.ctx;
    const p = call.payload;
    const id = typeof p['id'] === 'number' ? p['id'] : -1;
    const idToken = str((p['idToken'] as JsonObject | undefined)?.['idToken']) ?? '';
    const groupId = str((p['groupIdToken'] as JsonObject | undefined)?.['idToken']);
    const expiryMs = Date.parse(str(p['expiryDateTime']) ?? '');
    const enabled = deviceModel.bool(ctrlr, 'Enabled') || this.has('reservation-ignores-enabled');
    if (!enabled || Number.isNaN(expiryMs)) return { status: 'Rejected' };
    const specific = typeof p['evseId'] === 'number';
    const nonEvseSpecific = deviceModel.bool(ctrlr, 'NonEvseSpecific') || this.has('accepts-unspecified-evse');
    if (!specific && (!nonEvseSpecific || this.has('rejects-unspecified-evse'))) return { status: 'Rejected' };
    const connectorType = str(p['connectorType']);
    if (connectorType !== undefined && this.has('rejects-connector-type')) return { status: 'Rejected' };
    // Part 2 H01.FR.02: a ReserveNow with the id of an existing reservation replaces it.
    const old = this.byId.get(id);
    if (old && !this.has('reservation-not-replaced')) this.remove(id);
    const wanted = specific ? evses.byId(p['evseId'] as number) : undefined;
    if (specific && wanted === undefined) return { status: 'Rejected' };
    const typed = (e: Evse): boolean => connectorType === undefined || e.outlet.connectorIds.some((c) => this.connectorType(e, c) === connectorType);
    const candidates = wanted ? [wanted] : evses.all.filter(typed);
    if (candidates.length === 0) return { status: 'Rejected' };
    const free = candidates.filter((e) => this.refusal(e) === undefined);
    // A named EVSE must be free and leave enough for the floating reservations; a floating one needs one more free EVSE.
    const room = wanted ? free.length > 0 && this.leavesRoom(wanted) : free.length > this.floating(connectorType).length || this.has('reserves-reserved-evse');
    if (!room) return { status: this.answerFor(candidates) };
    const r: Reservation = {
      id,
      ...(wanted ? { evseId: wanted.outlet.id } : {}),
      ...(connectorType === undefined ? {} : { connectorType }),
      idToken,
      ...(groupId === undefined ? {} : { groupId }),
      expiryMs,
      timer: new AbortController(),
    };
    this.byId.set(id, r);
    if (wanted) wanted.reserved = { id };
    this.armExpiry(r);
    call.after(() => this.changed());
    return { status: 'Accepted' };
  }

  cancel(call: InboundCall): JsonObject {
    const id = call.payload['reservationId'];
    if (typeof id !== 'number' || !this.byId.has(id)) return { status: this.has('cancel-unknown-reservation-accepted') ? 'Accepted' : 'Rejected' };
    if (this.has('cancel-reservation-ignored')) return { status: 'Accepted' };
    this.remove(id);
    call.after(() => this.changed());
    return { status: 'Accepted' };
  }

  /** Forget every reservation (without status reports: the station is going down). */
  clear(): void {
    for (const id of [...this.byId.keys()]) this.remove(id);
  }

  /** The reserved token's transaction ended on its EVSE: the reservation was used (H03). */
  transactionEnded(evseId: number): void {
    const evse = this.ctx.evses.byId(evseId);
    const r = this.on(evseId);
    if (evse && r && evse.tx?.idToken?.idToken === r.idToken) this.remove(r.id);
    // A freed EVSE may change what the floating reservations show (H01.FR.20).
    if (this.floating().length > 0) void this.changed();
  }

  refuses(evse: Evse, idToken: IdToken, groupId?: string): boolean {
    if (this.has('reservation-accepts-other-idtoken')) return false;
    const r = this.on(evse.outlet.id);
    if (r !== undefined) return !this.admits(r, idToken, groupId);
    if (this.floating().some((f) => this.admits(f, idToken, groupId))) return false;
    return !this.leavesRoom(evse);
  }

  used(evse: Evse, idToken: IdToken, groupId?: string): void {
    if (this.has('reservation-kept-after-authorize')) return;
    const r = this.on(evse.outlet.id) ?? this.floating().find((f) => this.admits(f, idToken, groupId));
    if (r === undefined || !this.admits(r, idToken, groupId)) return;
    this.remove(r.id);
    void this.changed();
  }

  /** Unspecified reservations (of this connectorType, or any). */
  private floating(connectorType?: string): Reservation[] {
    return [...this.byId.values()].filter((r) => r.evseId === undefined && (connectorType === undefined || r.connectorType === undefined || r.connectorType === connectorType));
  }

  /** EVSEs nobody uses or holds by a named reservation. */
  private freeEvses(): Evse[] {
    return this.ctx.evses.all.filter((e) => this.on(e.outlet.id) === undefined && this.refusal(e, true) === undefined);
  }

  /** Taking this EVSE still leaves a free one for every floating reservation (H01.FR.04/07). */
  private leavesRoom(evse: Evse): boolean {
    const floating = this.floating();
    if (floating.length === 0) return true;
    const rest = this.freeEvses().filter((e) => e !== evse);
    return rest.length >= floating.length;
  }

  /** H01.FR.20: free EVSEs as many as the floating reservations are shown Reserved; then report what changed. */
  private changed(): Promise<void> {
    // One report after the other: a status report still awaiting its answer has not updated what was reported.
    this.reporting = this.reporting.then(() => this.showFloating()).catch(() => undefined);
    return this.reporting;
  }

  private async showFloating(): Promise<void> {
    const floating = this.floating();
    const free = this.freeEvses();
    for (const e of this.ctx.evses.all) {
      if (this.on(e.outlet.id)) continue;
      const shown = floating.length > 0 && floating.length >= free.length && free.includes(e) && !this.has('floating-reservations-not-shown');
      e.reserved = shown ? { id: floating[0]?.id ?? -1 } : undefined;
    }
    for (const e of this.ctx.evses.all) await this.ctx.evses.reportStatuses(e, false);
  }

  /** H01.FR.16/17: an EVSE of a reservation became Faulted or Unavailable: the reservation is removed. */
  async unusable(evseId: number): Promise<void> {
    const r = this.on(evseId);
    if (r === undefined || this.has('reservation-kept-when-unusable')) return;
    this.remove(r.id);
    await this.ctx.core.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: 'Removed' });
  }

  /** H03.FR.04/06: the reserved idToken, or any idToken of the reservation's groupIdToken. */
  private admits(r: Reservation, idToken: IdToken, groupId?: string): boolean {
    if (r.idToken === idToken.idToken) return true;
    // A remote start names no group yet (undefined): leave it to the authorization that follows.
    if (r.groupId === undefined || this.has('reservation-group-id-ignored')) return false;
    return groupId === undefined || groupId === r.groupId;
  }

  /** The named reservation of this EVSE. */
  private on(evseId: number): Reservation | undefined {
    return [...this.byId.values()].find((x) => x.evseId === evseId);
  }

  private connectorType(evse: Evse, connectorId: number): string | undefined {
    try {
      return this.ctx.deviceModel.value('Connector', 'ConnectorType', undefined, { id: evse.outlet.id, connectorId });
    } catch {
      return undefined;
    }
  }

  /** Why this EVSE cannot take a reservation now (the ReserveNowStatusEnumType value), or undefined. */
  private refusal(evse: Evse, strict = false): string | undefined {
    const o = evse.outlet;
    if (o.faulted) return 'Faulted';
    if (o.inoperative) return this.has('reserves-unavailable-evse') && !strict ? undefined : 'Unavailable';
    if (this.on(o.id) && !(this.has('reserves-reserved-evse') && !strict)) return 'Occupied';
    if ((activeTx(evse) || o.cableConnected || evse.authorized) && !(this.has('reserves-occupied-evse') && !strict)) return 'Occupied';
    return undefined;
  }

  /** No candidate is free: Occupied when one is merely in use, else Faulted / Unavailable (H01.FR.11-14). */
  private answerFor(candidates: readonly Evse[]): string {
    const reasons = candidates.map((e) => this.refusal(e) ?? 'Occupied');
    return reasons.includes('Occupied') ? 'Occupied' : reasons.includes('Faulted') ? 'Faulted' : (reasons[0] ?? 'Occupied');
  }

  private armExpiry(r: Reservation): void {
    if (this.has('reservation-ignores-expiry')) return;
    const waitMs = Math.max(0, r.expiryMs - this.ctx.core.clock.wallMs());
    void this.ctx.core.sleep(waitMs, r.timer.signal).then(async (expired) => {
      if (!expired || this.byId.get(r.id) !== r) return;
      this.remove(r.id);
      // Part 2 H04: an expired reservation is reported (ReservationStatusUpdate Expired); the connector is Available again.
      await this.changed();
      await this.ctx.core.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: 'Expired' });
    });
  }

  private remove(id: number): Evse | undefined {
    const r = this.byId.get(id);
    if (r === undefined) return undefined;
    this.byId.delete(id);
    r.timer.abort();
    for (const e of this.ctx.evses.all) if (e.reserved?.id === id) e.reserved = undefined;
    return r.evseId === undefined ? undefined : this.ctx.evses.byId(r.evseId);
  }
}
