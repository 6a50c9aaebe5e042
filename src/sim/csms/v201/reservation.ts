/** Block H, reservation: the ReserveNow and CancelReservation triggers; ReservationStatusUpdate. */
import { empty, type CsmsBlock } from '../block.js';
import { idTokenOf, isoAfter, reservationToCancel } from '../trigger-helpers.js';

export const reservation: CsmsBlock = {
  name: 'reservation',
  defects: [
    { name: 'reserve-now-without-evse', description: 'asked to reserve a specific EVSE, sends ReserveNow without evseId' },
    { name: 'cancel-reservation-wrong-id', description: 'sends CancelReservation with a reservationId other than the one of its ReserveNow' },
  ],
  responders: () => ({ ReservationStatusUpdate: empty }),
  triggers: {
    triggerReserveNow: (ctx, p) => {
      const evseId = p.int('evseId');
      return {
        action: 'ReserveNow',
        payload: {
          id: p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId'),
          expiryDateTime: p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
          idToken: idTokenOf(ctx, p),
          ...(evseId === undefined || ctx.has('reserve-now-without-evse') ? {} : { evseId }),
        },
      };
    },
    triggerCancelReservation: (ctx, p) => ({ action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) + (ctx.has('cancel-reservation-wrong-id') ? 1 : 0) } }),
  },
};
