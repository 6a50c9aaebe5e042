/** Reservation profile (1.6 §5.13, §5.1): the ReserveNow and CancelReservation triggers. */
import type { CsmsBlock } from '../block.js';
import { idTokenOf, isoAfter, reservationToCancel } from '../trigger-helpers.js';

export const reservation16: CsmsBlock = {
  name: 'reservation',
  defects: [],
  triggers: {
    triggerReserveNow: (ctx, p) => ({
      action: 'ReserveNow',
      payload: {
        connectorId: p.int('connectorId') ?? p.int('evseId') ?? 1,
        expiryDate: p.str('expiryDate') ?? p.str('expiryDateTime') ?? isoAfter(ctx, p.int('expirySeconds') ?? 3600),
        idTag: idTokenOf(ctx, p).idToken,
        reservationId: p.int('reservationId') ?? p.int('id') ?? ctx.next('reservationId'),
      },
    }),
    triggerCancelReservation: (ctx, p) => ({ action: 'CancelReservation', payload: { reservationId: reservationToCancel(ctx, p) } }),
  },
};
