/**
 * Reservation profile (1.6 §3.13, §5.13 ReserveNow, §5.3 CancelReservation, §9.1
 * ReserveConnectorZeroSupported): a connector is held for one idTag (or any idTag of its
 * parentIdTag) until expiryDate, reported Reserved; a Faulted, Unavailable or used connector is
 * refused with that status; connectorId 0 holds one free connector of the charge point when the
 * key allows it. The idTag that takes the reservation starts its transaction with the
 * reservationId (§4.8 StartTransaction.req reservationId); CancelReservation frees the connector.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Connector } from './connector.js';
import type { Block16, Context16 } from './context.js';
import { k } from '../config-keys.js';

interface Held {
  reservationId: number;
  idTag: string;
  parentIdTag?: string;
  connector: Connector;
  /** Made for connectorId 0: any free connector may take it up. */
  anyConnector: boolean;
  expiry: AbortController;
}

export const reservation16: Block16 = {
  name: 'reservation',
  configKeys: () => [k('ReserveConnectorZeroSupported', 'bool', true, 'true')],
  defects: [
    { name: 'reservation-ignores-expiry', description: 'keeps a reservation past its expiry time (no ReservationStatusUpdate Expired, the connector stays Reserved)' },
    { name: 'reserves-occupied-evse', description: 'accepts a reservation for an EVSE or connector that is in use (cable plugged in, transaction running) instead of answering Occupied' },
    { name: 'reserves-unavailable-evse', description: 'accepts a reservation for an EVSE that is Unavailable instead of answering Unavailable' },
    { name: 'reserves-faulted-connector', description: 'accepts a reservation for a Faulted connector (or a faulted charge point) instead of answering Faulted' },
    { name: 'reservation-accepts-other-idtoken', description: 'lets an idToken other than the reserved one (and not of its group) charge at the reserved EVSE' },
    { name: 'reservation-group-id-ignored', description: "refuses an idToken of the reservation's groupIdToken at the reserved EVSE" },
    { name: 'no-reservation-id-in-start', description: 'leaves the reservationId out of the StartTransaction of the transaction that took up a reservation' },
    { name: 'rejects-connector-zero-reservation', description: 'answers Rejected to a ReserveNow for connectorId 0 although ReserveConnectorZeroSupported is true' },
    { name: 'cancel-reservation-ignored', description: 'answers Accepted to CancelReservation but keeps the reservation (the connector stays Reserved)' },
    { name: 'cancel-unknown-reservation-accepted', description: 'answers Accepted to CancelReservation for a reservationId it does not hold' },
  ],
  create: (ctx) => {
    const held = new Map<number, Held>();
    const release = (h: Held): void => {
      h.expiry.abort();
      held.delete(h.reservationId);
      if (h.connector.reservedFor?.reservationId === h.reservationId) h.connector.reservedFor = undefined;
    };
    ctx.connectors.claim = (c, idTag, parentIdTag) => {
      const own = [...held.values()].find((h) => (h.connector === c || h.anyConnector) && (h.idTag === idTag || (h.parentIdTag !== undefined && h.parentIdTag === parentIdTag && !ctx.core.has('reservation-group-id-ignored'))));
      if (own) {
        release(own);
        return ctx.core.has('no-reservation-id-in-start') ? undefined : own.reservationId;
      }
      if (c.reservedFor && !ctx.core.has('reservation-accepts-other-idtoken')) return 'refused';
      return undefined;
    };
    return {
      handlers: {
        ReserveNow: (call) => reserveNow(ctx, call, held, release),
        CancelReservation: (call) => {
          const h = held.get(Number(call.payload['reservationId']));
          if (!h) return { status: ctx.core.has('cancel-unknown-reservation-accepted') ? 'Accepted' : 'Rejected' };
          if (!ctx.core.has('cancel-reservation-ignored')) {
            release(h);
            call.after(() => ctx.connectors.report(h.connector, true));
          }
          return { status: 'Accepted' };
        },
      },
    };
  },
};

/** A connector in use for §5.13 Occupied: a cable in, an authorization or a transaction, or held by another reservation. */
const inUse = (c: Connector): boolean => c.outlet.evSide || c.outlet.stationSide || c.authorized !== undefined || c.tx !== undefined || c.finishing || c.reservedFor !== undefined;

function refusal(ctx: Context16, c: Connector): string | undefined {
  const { core, connectors } = ctx;
  if (c.outlet.faulted && !core.has('reserves-faulted-connector')) return 'Faulted';
  if ((c.outlet.inoperative || connectors.stationInoperative) && !core.has('reserves-unavailable-evse')) return 'Unavailable';
  if (inUse(c) && !core.has('reserves-occupied-evse')) return 'Occupied';
  return undefined;
}

function reserveNow(ctx: Context16, call: InboundCall, held: Map<number, Held>, release: (h: Held) => void): JsonObject {
  const { core, config, connectors } = ctx;
  const p = call.payload;
  const reservationId = Number(p['reservationId']);
  const connectorId = Number(p['connectorId']);
  // §5.13: a reservationId the charge point holds is replaced by the new reservation.
  const previous = held.get(reservationId);
  if (previous) release(previous);
  let c: Connector | undefined;
  if (connectorId === 0) {
    if (!config.bool('ReserveConnectorZeroSupported') || core.has('rejects-connector-zero-reservation')) return { status: 'Rejected' };
    // The whole charge point: the first connector that can be reserved, else the refusal of the first one.
    c = connectors.all.find((x) => refusal(ctx, x) === undefined);
    if (!c) return { status: refusal(ctx, connectors.all[0] as Connector) ?? 'Rejected' };
  } else {
    c = connectors.byId(connectorId);
    if (!c) return { status: 'Rejected' };
    const refused = refusal(ctx, c);
    if (refused) return { status: refused };
  }
  const h: Held = {
    reservationId,
    idTag: String(p['idTag']),
    ...(typeof p['parentIdTag'] === 'string' ? { parentIdTag: p['parentIdTag'] } : {}),
    connector: c,
    anyConnector: connectorId === 0,
    expiry: new AbortController(),
  };
  held.set(reservationId, h);
  c.reservedFor = { reservationId, idTag: h.idTag, ...(h.parentIdTag === undefined ? {} : { parentIdTag: h.parentIdTag }) };
  const reserved = c;
  call.after(() => connectors.report(reserved, true));
  // §5.13 expiryDate: the reservation ends then and the connector is free again.
  const waitMs = Math.max(0, Date.parse(String(p['expiryDate'])) - core.clock.wallMs());
  if (!core.has('reservation-ignores-expiry') && Number.isFinite(waitMs)) {
    void core.sleep(waitMs, h.expiry.signal).then(async (elapsed) => {
      if (!elapsed || held.get(reservationId) !== h) return;
      release(h);
      // Reserved → Available (forced: the Reserved report may not have been the last one recorded).
      await connectors.report(reserved, true);
    });
  }
  return { status: 'Accepted' };
}
