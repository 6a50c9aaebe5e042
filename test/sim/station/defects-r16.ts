/**
 * Proof scenarios of the 1.6 station defects of the Reservation profile (issue #23): each one's
 * wire differs from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = '04A1B2C3D4E5F6';
const other = '04A1B2C3D4E5F8';
const inMs = (ms: number): string => new Date(Date.now() + ms).toISOString();
const reserve = (reservationId: number, connectorId: number, fields: JsonObject = {}): JsonObject => ({ connectorId, expiryDate: inMs(3_600_000), idTag: valid, reservationId, ...fields });
const present = async (st: StationSimulator, idTag: string): Promise<string> => JSON.stringify(await st.perform('presentIdToken', { connectorId: 1, idToken: idTag }));
const at = (st: StationSimulator, action: string): Promise<unknown> => st.perform(action, { connectorId: 1 });
/** The StartTransaction requests: idTag and reservationId. */
const starts = (csms: TestCsms): string =>
  csms.calls
    .filter((c) => c.action === 'StartTransaction')
    .map((c) => `${String(c.payload['idTag'])}/${String(c.payload['reservationId'])}`)
    .join(',');

export function reservation16Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    // ReserveNow refusals (Faulted, Unavailable, Occupied), connector 0, CancelReservation known and unknown.
    reserveAnswers16: {
      run: async (csms, st) => {
        await booted(csms, st);
        const out: string[] = [];
        await at(st, 'setFaulted');
        out.push(await h.answer(csms, 'ReserveNow', reserve(3, 1)));
        await at(st, 'clearFault');
        await h.answer(csms, 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' });
        out.push(await h.answer(csms, 'ReserveNow', reserve(4, 1)));
        await h.answer(csms, 'ChangeAvailability', { connectorId: 1, type: 'Operative' });
        await at(st, 'plugIn');
        out.push(await h.answer(csms, 'ReserveNow', reserve(5, 1)));
        await at(st, 'unplug');
        out.push(await h.answer(csms, 'ReserveNow', reserve(6, 0)));
        out.push(await h.answer(csms, 'CancelReservation', { reservationId: 999 }));
        out.push(await h.answer(csms, 'CancelReservation', { reservationId: 6 }));
        await sleep(150);
        return `${out.join(' ')} ${h.wire(csms)}`;
      },
    },
    // Another idTag at the reserved connector, then the reserved one: its StartTransaction names the reservation.
    reserveUse16: {
      csms: { handlers: { Authorize: () => ({ idTagInfo: { status: 'Accepted' } }) } },
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'ReserveNow', reserve(7, 1));
        const refused = await present(st, other);
        await at(st, 'plugIn');
        const taken = await present(st, valid);
        await sleep(200);
        return `${refused} ${taken} ${starts(csms)} ${h.wire(csms)}`;
      },
    },
    // An idTag of the reservation's parentIdTag takes it up.
    reserveParent16: {
      csms: { handlers: { Authorize: () => ({ idTagInfo: { status: 'Accepted', parentIdTag: 'PARENT-1' } }) } },
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'ReserveNow', reserve(8, 1, { parentIdTag: 'PARENT-1' }));
        await at(st, 'plugIn');
        const taken = await present(st, other);
        await sleep(200);
        return `${taken} ${starts(csms)}`;
      },
    },
    // The reservation ends at its expiryDate: the connector is Available again.
    reserveExpiry16: {
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'ReserveNow', reserve(9, 1, { expiryDate: inMs(300) }));
        await sleep(700);
        return h.wire(csms);
      },
    },
  };
}

export const reservation16Proofs: Record<string, string> = {
  'reserves-faulted-connector': 'reserveAnswers16',
  'reserves-unavailable-evse': 'reserveAnswers16',
  'reserves-occupied-evse': 'reserveAnswers16',
  'rejects-connector-zero-reservation': 'reserveAnswers16',
  'cancel-reservation-ignored': 'reserveAnswers16',
  'cancel-unknown-reservation-accepted': 'reserveAnswers16',
  'reservation-accepts-other-idtoken': 'reserveUse16',
  'no-reservation-id-in-start': 'reserveUse16',
  'reservation-group-id-ignored': 'reserveParent16',
  'reservation-ignores-expiry': 'reserveExpiry16',
};
