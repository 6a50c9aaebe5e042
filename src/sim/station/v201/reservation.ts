/**
 * Block H, reservation (Part 2 H01-H04), the part the reset cases need (TC_B_24_CS) and the start
 * the reservation issue builds on: ReserveNow for an EVSE (or any EVSE when none is named),
 * CancelReservation, the connector status Reserved while a reservation holds (an otherwise
 * Available connector of the reserved EVSE), expiry at expiryDateTime with a ReservationStatusUpdate
 * Expired, and removal when the reserved token's transaction ends on it (Part 2 H01-H03). Reservations live in the block's memory, so they survive a reboot (Part 6
 * TC_B_24_CS: "Reserved persists reset"), unless a defect forgets them.
 * Not yet here (reservation issue): refusing other idTokens at a reserved EVSE, groupIdToken
 * matching, connectorType, reservationId in TransactionEvent.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import { v } from '../device-model-data.js';
import type { Block201, Context201 } from './context.js';
import { activeTx, type Evse } from './evse.js';

const ctrlr = 'ReservationCtrlr';

interface Reservation {
  id: number;
  evseId: number;
  idToken: string;
  expiryMs: number;
  timer: AbortController;
}

export const reservation: Block201 = {
  name: 'reservation',
  variables: [
    v({ component: ctrlr, variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
  ],
  defects: [{ name: 'reservation-lost-on-reset', description: 'forgets its reservations over a reboot (the reserved connector comes back Available)' }],
  create: (ctx) => {
    const book = new ReservationBook(ctx);
    ctx.core.bus.on('powerOff', () => {
      if (ctx.core.has('reservation-lost-on-reset')) book.clear();
    });
    ctx.core.bus.on('transactionEnded', ({ evseId }) => book.transactionEnded(evseId));
    return { handlers: { ReserveNow: (call) => book.reserveNow(call), CancelReservation: (call) => book.cancel(call) } };
  },
};

class ReservationBook {
  private readonly byId = new Map<number, Reservation>();

  constructor(private readonly ctx: Context201) {}

  reserveNow(call: InboundCall): JsonObject {
    const { deviceModel, evses } = this.ctx;
    const p = call.payload;
    const id = typeof p['id'] === 'number' ? p['id'] : -1;
    const idToken = typeof (p['idToken'] as JsonObject | undefined)?.['idToken'] === 'string' ? String((p['idToken'] as JsonObject)['idToken']) : '';
    const expiryMs = Date.parse(typeof p['expiryDateTime'] === 'string' ? p['expiryDateTime'] : '');
    if (!deviceModel.bool(ctrlr, 'Enabled') || Number.isNaN(expiryMs)) return { status: 'Rejected' };
    // Part 2 H01: a ReserveNow with the id of an existing reservation replaces it.
    this.remove(id);
    const wanted = typeof p['evseId'] === 'number' ? evses.byId(p['evseId']) : undefined;
    if (typeof p['evseId'] === 'number' && wanted === undefined) return { status: 'Rejected' };
    const candidates = wanted ? [wanted] : evses.all;
    const free = candidates.find((e) => this.refusal(e) === undefined);
    if (free === undefined) return { status: this.refusal(candidates[0] as Evse) ?? 'Occupied' };
    const r: Reservation = { id, evseId: free.outlet.id, idToken, expiryMs, timer: new AbortController() };
    this.byId.set(id, r);
    free.reserved = { id };
    this.armExpiry(r);
    call.after(() => evses.reportStatuses(free, false));
    return { status: 'Accepted' };
  }

  cancel(call: InboundCall): JsonObject {
    const id = call.payload['reservationId'];
    if (typeof id !== 'number' || !this.byId.has(id)) return { status: 'Rejected' };
    const evse = this.remove(id);
    if (evse) call.after(() => this.ctx.evses.reportStatuses(evse, false));
    return { status: 'Accepted' };
  }

  /** Forget every reservation (without status reports: the station is going down). */
  clear(): void {
    for (const id of [...this.byId.keys()]) this.remove(id);
  }

  /** The reserved token's transaction ended on its EVSE: the reservation was used (H03). */
  transactionEnded(evseId: number): void {
    const evse = this.ctx.evses.byId(evseId);
    const r = [...this.byId.values()].find((x) => x.evseId === evseId);
    if (evse && r && evse.tx?.idToken?.idToken === r.idToken) this.remove(r.id);
  }

  /** Why this EVSE cannot take a reservation now (the ReserveNowStatusEnumType value), or undefined. */
  private refusal(evse: Evse): string | undefined {
    const o = evse.outlet;
    if (o.faulted) return 'Faulted';
    if (o.inoperative) return 'Unavailable';
    if (evse.reserved || activeTx(evse) || o.cableConnected || evse.authorized) return 'Occupied';
    return undefined;
  }

  private armExpiry(r: Reservation): void {
    const waitMs = Math.max(0, r.expiryMs - this.ctx.core.clock.wallMs());
    void this.ctx.core.sleep(waitMs, r.timer.signal).then(async (expired) => {
      if (!expired || this.byId.get(r.id) !== r) return;
      const evse = this.remove(r.id);
      // Part 2 H01: an expired reservation is reported (ReservationStatusUpdate Expired); the connector is Available again.
      await this.ctx.core.send('ReservationStatusUpdate', { reservationId: r.id, reservationUpdateStatus: 'Expired' });
      if (evse) await this.ctx.evses.reportStatuses(evse, false);
    });
  }

  private remove(id: number): Evse | undefined {
    const r = this.byId.get(id);
    if (r === undefined) return undefined;
    this.byId.delete(id);
    r.timer.abort();
    const evse = this.ctx.evses.byId(r.evseId);
    if (evse?.reserved?.id === id) evse.reserved = undefined;
    return evse;
  }
}
