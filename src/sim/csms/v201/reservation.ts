/**
 * Block H, reservation: the ReserveNow triggers (a specific EVSE, an unspecified one, a connectorType,
 * with a groupIdToken, all from the trigger params) and CancelReservation; the answers to
 * ReservationStatusUpdate (Expired, or Removed when the station cancelled a reservation itself, e.g.
 * because its EVSE became Faulted: Part 2 H01.FR.20 / H04).
 */
import { PropertyConstraintViolationError } from '../../../session/rpc-error.js';
import { empty, type CsmsBlock } from '../block.js';
import { idTokenOf, isoAfter, reservationToCancel } from '../trigger-helpers.js';

export const reservation: CsmsBlock = {
  name: 'reservation',
  defects: [
    { name: 'reserve-now-without-evse', description: 'asked to reserve a specific EVSE, sends ReserveNow without evseId' },
    { name: 'cancel-reservation-wrong-id', description: 'sends CancelReservation with a reservationId other than the one of its ReserveNow' },
    { name: 'reserve-now-unspecified-names-evse', description: 'asked to reserve an unspecified EVSE, sends ReserveNow with evseId 1' },
    { name: 'reserve-now-without-connector-type', description: 'asked to reserve a connector of a given type, sends ReserveNow without connectorType' },
    { name: 'reserve-now-without-group-id-token', description: 'asked to reserve for an idToken with a group, sends ReserveNow without groupIdToken' },
    { name: 'reservation-removed-error', description: 'answers a ReservationStatusUpdate with reservationUpdateStatus Removed (the station cancelled it) with CALLERROR PropertyConstraintViolation' },
    { name: 'reserve-now-id-as-string', description: 'sends ReserveNow with its id as a string instead of an integer (schema-invalid)' },
  ],
  responders: (host) => ({
    ReservationStatusUpdate: (station, payload) => {
      if (payload['reservationUpdateStatus'] === 'Removed' && host.has('reservation-removed-error')) throw new PropertyConstraintViolationError('reservation was not cancelled by the CSMS');
      return empty(station, payload);
    },
  }),
  triggers: {
    triggerReserveNow: (ctx, p) => {
      const evseId = p.int('evseId') ?? (ctx.has('reserve-now-unspecified-names-evse') ? 1 : undefined);
      const connectorType = ctx.has('reserve-now-without-connector-type') ? undefined : p.str('connectorType');
      const group = typeof p.raw.groupIdToken === 'object' && !ctx.has('reserve-now-without-group-id-token') ? p.obj('groupIdToken') : undefined;
      const id = p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId');
      return {
        action: 'ReserveNow',
        payload: {
          id: ctx.has('reserve-now-id-as-string') ? String(id) : id,
          expiryDateTime: p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
          idToken: idTokenOf(ctx, p),
          ...(evseId === undefined || ctx.has('reserve-now-without-evse') ? {} : { evseId }),
          ...(connectorType === undefined ? {} : { connectorType }),
          ...(group === undefined ? {} : { groupIdToken: group }),
        },
      };
    },
    triggerCancelReservation: (ctx, p) => ({ action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) + (ctx.has('cancel-reservation-wrong-id') ? 1 : 0) } }),
  },
};
