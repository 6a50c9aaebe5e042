/**
 * Proof scenarios of the 2.0.1 station defects of block H (reservation): each one's wire differs
 * from the compliant run. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const other = { idToken: '04A1B2C3D4E5F7', type: 'ISO14443' };
const hour = (): string => new Date(Date.now() + 3_600_000).toISOString();
const reserve = (id: number, fields: JsonObject = {}): JsonObject => ({ id, expiryDateTime: hour(), idToken: valid, ...fields });
const present = async (st: StationSimulator, t: { idToken: string; type: string }, evseId = 1): Promise<string> => JSON.stringify(await st.perform('presentIdToken', { evseId, ...t }));

export function reservation201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    // ReserveNow answers: a second one for a reserved EVSE, an occupied one, an unavailable one, none named, a type, disabled.
    reserveAnswers201: {
      station: { evses: [1, 1] },
      run: async (csms, st) => {
        await booted(csms, st);
        const out = [
          await h.answer(csms, 'ReserveNow', reserve(11, { evseId: 1 })),
          await h.answer(csms, 'ReserveNow', reserve(12, { evseId: 1, idToken: other })),
          await h.answer(csms, 'ReserveNow', reserve(11, { evseId: 1, idToken: other })),
          await h.answer(csms, 'ReserveNow', reserve(13, { connectorType: 'cType2' })),
          await h.answer(csms, 'CancelReservation', { reservationId: 13 }),
          await h.answer(csms, 'CancelReservation', { reservationId: 1 }),
          await h.answer(csms, 'CancelReservation', { reservationId: 11 }),
        ];
        await st.perform('plugIn', { evseId: 2, connectorId: 1 });
        out.push(await h.answer(csms, 'ReserveNow', reserve(14, { evseId: 2 })));
        await h.answer(csms, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 1 } });
        await sleep(100);
        out.push(await h.answer(csms, 'ReserveNow', reserve(15, { evseId: 1 })));
        await h.answer(csms, 'SetVariables', { setVariableData: [{ component: { name: 'ReservationCtrlr' }, variable: { name: 'Enabled' }, attributeValue: 'false' }] });
        out.push(await h.answer(csms, 'ReserveNow', reserve(16, { evseId: 2 })));
        await sleep(100);
        return `${out.join(' ')} ${h.wire(csms)}`;
      },
    },
    // Two unspecified reservations at a two-EVSE station: both connectors are shown Reserved (H01.FR.20).
    floatingShown201: {
      station: { evses: [1, 1] },
      run: async (csms, st) => {
        await booted(csms, st);
        const out = [await h.answer(csms, 'ReserveNow', reserve(61)), await h.answer(csms, 'ReserveNow', reserve(62, { idToken: other }))];
        await sleep(200);
        return `${out.join(' ')} ${h.wire(csms)}`;
      },
    },
    // Without NonEvseSpecific an unspecified reservation is Rejected.
    reserveSpecificOnly201: {
      station: { quirks: ['evse-specific-reservations'] },
      run: async (csms, st) => {
        await booted(csms, st);
        return h.answer(csms, 'ReserveNow', reserve(21));
      },
    },
    // Who may use a reserved EVSE: another idToken no, the reserved one yes (the connector is Available again).
    reservedUse201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const reserved = await h.answer(csms, 'ReserveNow', reserve(31, { evseId: 1 }));
        const refused = await present(st, other);
        const used = await present(st, valid);
        await sleep(200);
        return `${reserved} ${refused} ${used} ${h.wire(csms)}`;
      },
    },
    // A reservation with a groupIdToken: another idToken of the group may use it.
    reservedGroup201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const reserved = await h.answer(csms, 'ReserveNow', reserve(41, { evseId: 1, groupIdToken: { idToken: 'GROUP-01', type: 'Central' } }));
        const used = await present(st, other);
        await sleep(200);
        return `${reserved} ${used} ${h.wire(csms)}`;
      },
    },
    // Expiry (ReservationStatusUpdate Expired) and removal when the EVSE goes Inoperative (Removed).
    reservationEnds201: {
      station: { evses: [1, 1] },
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'ReserveNow', reserve(51, { evseId: 1, expiryDateTime: new Date(Date.now() + 300).toISOString() }));
        await h.answer(csms, 'ReserveNow', reserve(52, { evseId: 2, idToken: other }));
        await h.answer(csms, 'ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } });
        await sleep(800);
        return h.wire(csms);
      },
    },
  };
}

export const reservation201Proofs: Record<string, string> = {
  'reservation-ignores-expiry': 'reservationEnds201',
  'reservation-kept-when-unusable': 'reservationEnds201',
  'reserves-reserved-evse': 'reserveAnswers201',
  'reserves-occupied-evse': 'reserveAnswers201',
  'reserves-unavailable-evse': 'reserveAnswers201',
  'reservation-ignores-enabled': 'reserveAnswers201',
  'reservation-not-replaced': 'reserveAnswers201',
  'rejects-connector-type': 'reserveAnswers201',
  'cancel-reservation-ignored': 'reserveAnswers201',
  'cancel-unknown-reservation-accepted': 'reserveAnswers201',
  'rejects-unspecified-evse': 'reserveAnswers201',
  'accepts-unspecified-evse': 'reserveSpecificOnly201',
  'reservation-accepts-other-idtoken': 'reservedUse201',
  'reservation-kept-after-authorize': 'reservedUse201',
  'reservation-group-id-ignored': 'reservedGroup201',
  'floating-reservations-not-shown': 'floatingShown201',
};
