/**
 * Block H, reservation (Part 2 H01-H04): the block's ReservationCtrlr variables, its CALL handlers
 * (ReserveNow, CancelReservation), the service other blocks ask whether a reserved EVSE lets an
 * idToken in (block C local authorization, block F remote start), and its defects. The rules live
 * in ./reservation-book.ts. Reservations live in the block's memory, so they survive a reboot (Part 6
 * TC_B_24_CS: "Reserved persists reset"), unless a defect forgets them.
 */
import { v } from '../device-model-data.js';
import type { Block201 } from './context.js';
import { ctrlr, ReservationBook } from './reservation-book.js';

export const reservation: Block201 = {
  name: 'reservation',
  variables: [
    v({ component: ctrlr, variable: 'Enabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: ctrlr, variable: 'Available', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
    v({ component: ctrlr, variable: 'NonEvseSpecific', dataType: 'boolean', mutability: 'ReadOnly', value: 'true' }),
  ],
  defects: [
    { name: 'reservation-lost-on-reset', description: 'forgets its reservations over a reboot (the reserved connector comes back Available)' },
    { name: 'reservation-ignores-expiry', description: 'keeps a reservation past its expiry time (no ReservationStatusUpdate Expired, the connector stays Reserved)' },
    { name: 'reserves-reserved-evse', description: 'accepts a second reservation for an EVSE or connector that is already reserved instead of answering Occupied' },
    { name: 'reserves-occupied-evse', description: 'accepts a reservation for an EVSE or connector that is in use (cable plugged in, transaction running) instead of answering Occupied' },
    { name: 'reserves-unavailable-evse', description: 'accepts a reservation for an EVSE that is Unavailable instead of answering Unavailable' },
    { name: 'reservation-accepts-other-idtoken', description: 'lets an idToken other than the reserved one (and not of its group) charge at the reserved EVSE' },
    { name: 'reservation-kept-after-authorize', description: 'keeps the connector Reserved after the reserved idToken was authorized on it' },
    { name: 'rejects-unspecified-evse', description: 'answers Rejected to a ReserveNow without evseId although ReservationCtrlr.NonEvseSpecific is true' },
    { name: 'floating-reservations-not-shown', description: 'does not report its free connectors Reserved when the unspecified reservations are as many as the free EVSEs' },
    { name: 'accepts-unspecified-evse', description: 'accepts a ReserveNow without evseId although ReservationCtrlr.NonEvseSpecific is false' },
    { name: 'rejects-connector-type', description: 'answers Rejected to a ReserveNow that names a connectorType the station has' },
    { name: 'reservation-group-id-ignored', description: 'refuses an idToken of the reservation\'s groupIdToken at the reserved EVSE' },
    { name: 'reservation-kept-when-unusable', description: 'keeps a reservation when its EVSE becomes Unavailable or Faulted (no ReservationStatusUpdate Removed)' },
    { name: 'reservation-ignores-enabled', description: 'accepts reservations although ReservationCtrlr.Enabled is false' },
    { name: 'reservation-not-replaced', description: 'answers Occupied to a ReserveNow with the id of an existing reservation instead of replacing it' },
    { name: 'cancel-reservation-ignored', description: 'answers Accepted to CancelReservation but keeps the reservation (the connector stays Reserved)' },
    { name: 'cancel-unknown-reservation-accepted', description: 'answers Accepted to CancelReservation for a reservationId it does not hold' },
  ],
  quirks: [
    // Part 5 R-2 false (TC_H_13_CS): a station that reserves named EVSEs only.
    { name: 'evse-specific-reservations', description: 'variant: reserves named EVSEs only (ReservationCtrlr.NonEvseSpecific false)', pics: { 'R-2': false } },
  ],
  create: (ctx) => {
    if (ctx.core.has('evse-specific-reservations')) ctx.deviceModel.setInternal({ name: ctrlr }, { name: 'NonEvseSpecific' }, 'false');
    const book = new ReservationBook(ctx);
    ctx.core.bus.on('powerOff', () => {
      if (ctx.core.has('reservation-lost-on-reset')) book.clear();
    });
    ctx.core.bus.on('transactionEnded', ({ evseId }) => book.transactionEnded(evseId));
    ctx.core.bus.on('evseUnusable', ({ evseId }) => book.unusable(evseId));
    return {
      provides: { reservations: book },
      handlers: { ReserveNow: (call) => book.reserveNow(call), CancelReservation: (call) => book.cancel(call) },
    };
  },
};
