/**
 * Proof scenarios of the 2.0.1 station defects added with TC_B_24_CS (block H reservation,
 * reservation.ts) and TC_B_41_CS (reset.ts, two EVSEs): each one's wire differs from the
 * compliant run. Used by ./defects.test.ts.
 */
import { booted, sleep, waitFor, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const valid = { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' };
const boots = (csms: TestCsms): number => csms.calls.filter((c) => c.action === 'BootNotification').length;

export function resetReservation201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    // ReserveNow, then a Reset OnIdle: after the reboot the reserved connector is still Reserved.
    reservedReset201: {
      run: async (csms, st) => {
        await booted(csms, st);
        const reserved = await h.answer(csms, 'ReserveNow', { id: 7, expiryDateTime: new Date(Date.now() + 3_600_000).toISOString(), idToken: valid, evseId: 1 });
        await sleep(100);
        const reset = await h.answer(csms, 'Reset', { type: 'OnIdle' });
        await waitFor(() => boots(csms) >= 2, 3_000).catch(() => undefined);
        await sleep(400);
        return `${reserved} ${reset} ${h.wire(csms)}`;
      },
    },
    // Two transactions (EVSE 1 local, EVSE 2 remote), Reset OnIdle, the first one stops: no reboot yet.
    resetTwoTx201: {
      station: { evses: [1, 1] },
      run: async (csms, st) => {
        await booted(csms, st);
        await st.perform('plugIn', { evseId: 1, connectorId: 1 });
        await st.perform('presentIdToken', { evseId: 1, ...valid });
        await st.perform('plugIn', { evseId: 2, connectorId: 1 });
        await h.answer(csms, 'RequestStartTransaction', { idToken: valid, remoteStartId: 2, evseId: 2 });
        await sleep(200);
        const reset = await h.answer(csms, 'Reset', { type: 'OnIdle' });
        await st.perform('presentIdToken', { evseId: 1, ...valid });
        await sleep(700);
        return `${reset} boots=${boots(csms)} ${h.wire(csms)}`;
      },
    },
  };
}

export const resetReservation201Proofs: Record<string, string> = {
  'reservation-lost-on-reset': 'reservedReset201',
  'reset-onidle-after-first-tx': 'resetTwoTx201',
};
