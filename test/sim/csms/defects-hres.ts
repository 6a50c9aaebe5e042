/**
 * Wire tests of the 2.0.1 CSMS defects of block H (reservation): each scenario runs against the
 * compliant simulator and against the one with the defect (defects.test.ts runs them).
 */
import type { CsmsSimulator } from '../../../src/sim/csms/index.js';
import type { BlockDefectCase } from './defects-provisioning-authorization.js';
import { bootOf, connectStation } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };

/** What the station received after ReserveNow (evseId 1, id 7) and then a CancelReservation trigger. */
async function reserveThen(sim: CsmsSimulator, url: string, cancel: boolean): Promise<unknown> {
  const station = await connectStation(url, '2.0.1');
  await station.call('BootNotification', bootOf('2.0.1'));
  await sim.perform('triggerReserveNow', { reservationId: 7, evseId: 1, idToken: valid, expiryDateTime: '2030-01-01T00:00:00.000Z' });
  if (cancel) await sim.perform('triggerCancelReservation', {});
  const last = station.callsIn().at(-1) as { action?: string; payload?: Record<string, unknown> } | undefined;
  return last ? { action: last.action, evseId: last.payload?.['evseId'], reservationId: last.payload?.['reservationId'] } : 'nothing sent';
}

export const reservationCsmsCases: BlockDefectCase[] = [
  {
    defect: 'reserve-now-without-evse',
    version: '2.0.1',
    observe: (sim, url) => reserveThen(sim, url, false),
    expected: [{ action: 'ReserveNow', evseId: 1, reservationId: undefined }, { action: 'ReserveNow', evseId: undefined, reservationId: undefined }],
  },
  {
    defect: 'cancel-reservation-wrong-id',
    version: '2.0.1',
    observe: (sim, url) => reserveThen(sim, url, true),
    expected: [{ action: 'CancelReservation', evseId: undefined, reservationId: 7 }, { action: 'CancelReservation', evseId: undefined, reservationId: 8 }],
  },
];
