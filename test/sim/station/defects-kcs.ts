/**
 * Proof scenarios of the 2.0.1 station defects of block K (smart charging): each one's wire
 * differs from the compliant run. The signatures hold statuses, reported profile ids and composite
 * limits in order, not times, so they are stable across runs. Used by ./defects.test.ts.
 */
import type { JsonObject } from '../../../src/protocol/frames.js';
import type { StationSimulator } from '../../../src/sim/station/station-simulator.js';
import { booted, sleep, type TestCsms, type DefectScenario as Scenario, type ScenarioHelpers as Helpers } from './support.js';

const iso = (offsetS: number): string => new Date((Math.floor(Date.now() / 1000) + offsetS) * 1000).toISOString();
const prof = (id: number, purpose: string, periods: Array<[number, number]>, extra: JsonObject = {}, schedule: JsonObject = {}): JsonObject => ({
  id,
  stackLevel: 0,
  chargingProfilePurpose: purpose,
  chargingProfileKind: 'Absolute',
  ...extra,
  chargingSchedule: [{ id, startSchedule: iso(-5), chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })), ...schedule }],
});
const handlers = { csms: { handlers: { ReportChargingProfiles: () => ({}) } } };

/** The profile ids of every ReportChargingProfiles since `from` (by evseId). */
const reported = (csms: TestCsms, from: number): string =>
  csms.calls
    .slice(from)
    .filter((c) => c.action === 'ReportChargingProfiles')
    .map((c) => `${String(c.payload['evseId'])}:${((c.payload['chargingProfile'] as JsonObject[] | undefined) ?? []).map((p) => String(p['id'])).join('+')}`)
    .join(',');

async function getAndReport(h: Helpers, csms: TestCsms, payload: JsonObject): Promise<string> {
  const from = csms.calls.length;
  const status = await h.answer(csms, 'GetChargingProfiles', { requestId: 7, ...payload });
  await sleep(150);
  return `${status} [${reported(csms, from)}]`;
}

/** The composite's limits in order (no times) and its duration. */
async function limits(csms: TestCsms, evseId: number, unit = 'A', duration = 600): Promise<string> {
  const res = await csms.ep().call('GetCompositeSchedule', { evseId, duration, chargingRateUnit: unit });
  if (res.status !== 'result') return res.status;
  const s = res.payload['schedule'] as JsonObject | undefined;
  const periods = (s?.['chargingSchedulePeriod'] as JsonObject[] | undefined) ?? [];
  return `${String(res.payload['status'])} ${String(s?.['duration'])} ${periods.map((p) => String(p['limit'])).join('/')}`;
}

const startTx = async (st: StationSimulator): Promise<void> => {
  await st.perform('plugIn', { evseId: 1, connectorId: 1 });
  await st.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
  await sleep(300);
};

export function kcs201Scenarios(h: Helpers): Record<string, Scenario> {
  return {
    kcsSet201: {
      ...handlers,
      station: { evses: [1, 1] },
      run: async (csms, st) => {
        await booted(csms, st);
        const set = (evseId: number, p: JsonObject): Promise<string> => h.answer(csms, 'SetChargingProfile', { evseId, chargingProfile: p });
        const out = [
          await set(1, prof(2, 'TxProfile', [[0, 6]], { chargingProfileKind: 'Relative', transactionId: 'UNKNOWN' })),
          await set(0, prof(3, 'TxProfile', [[0, 6]], { chargingProfileKind: 'Relative' })),
          await set(99, prof(4, 'TxDefaultProfile', [[0, 6]])),
          await set(1, prof(5, 'TxDefaultProfile', [[0, 6]], { chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' })),
          await h.answer(csms, 'ClearChargingProfile', { chargingProfileId: 5 }),
          await set(1, prof(1, 'TxDefaultProfile', [[0, 6]])),
          await getAndReport(h, csms, { chargingProfile: { chargingProfileId: [1] } }),
          await set(1, prof(1, 'TxDefaultProfile', [[0, 10]])),
          await getAndReport(h, csms, { chargingProfile: { chargingProfileId: [1] } }),
          await h.answer(csms, 'ClearChargingProfile', { chargingProfileId: 1 }),
          await h.answer(csms, 'ClearChargingProfile', { chargingProfileId: 1 }),
          await h.answer(csms, 'ClearChargingProfile', { chargingProfileId: 77 }),
          await set(1, prof(11, 'TxDefaultProfile', [[0, 6]], { stackLevel: 1 })),
          await set(2, prof(12, 'TxDefaultProfile', [[0, 6]], { stackLevel: 1 })),
          await h.answer(csms, 'ClearChargingProfile', { chargingProfileCriteria: { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: 1 } }),
          await getAndReport(h, csms, { chargingProfile: {} }),
          await set(0, prof(21, 'ChargingStationMaxProfile', [[0, 16]])),
          await set(1, prof(22, 'TxDefaultProfile', [[0, 6]], { stackLevel: 2 })),
          await getAndReport(h, csms, { evseId: 1, chargingProfile: { stackLevel: 3 } }),
          await getAndReport(h, csms, { evseId: 0, chargingProfile: {} }),
          await h.answer(csms, 'ClearChargingProfile', {}),
        ];
        return out.join(' ');
      },
    },
    kcsComposite201: {
      ...handlers,
      run: async (csms, st) => {
        await booted(csms, st);
        const set = (evseId: number, p: JsonObject): Promise<string> => h.answer(csms, 'SetChargingProfile', { evseId, chargingProfile: p });
        await set(0, prof(31, 'ChargingStationMaxProfile', [[0, 12]]));
        await set(1, prof(32, 'TxDefaultProfile', [[0, 6], [100, 8], [200, 10], [300, 16]]));
        await set(1, prof(33, 'TxDefaultProfile', [[0, 7], [100, 9]], { stackLevel: 1 }, { duration: 150 }));
        await set(1, prof(34, 'TxDefaultProfile', [[0, 3]], { stackLevel: 2, validFrom: iso(500) }));
        await set(1, prof(35, 'TxDefaultProfile', [[0, 2]], { stackLevel: 3, validTo: iso(50) }));
        await set(1, prof(36, 'TxDefaultProfile', [[0, 1]], { stackLevel: 4 }, { startSchedule: iso(550), duration: 20 }));
        const out = [await limits(csms, 1), await limits(csms, 1, 'W'), await limits(csms, 99)];
        await h.answer(csms, 'ClearChargingProfile', { chargingProfileId: 36 });
        out.push(await limits(csms, 1));
        await h.answer(csms, 'ClearChargingProfile', {});
        return out.join(' | ');
      },
    },
    kcsTx201: {
      ...handlers,
      run: async (csms, st) => {
        await booted(csms, st);
        await startTx(st);
        const set = (evseId: number, p: JsonObject): Promise<string> => h.answer(csms, 'SetChargingProfile', { evseId, chargingProfile: p });
        const out = [await set(1, prof(42, 'TxProfile', [[0, 6]], { chargingProfileKind: 'Relative', transactionId: 'UNKNOWN' })), await set(1, prof(41, 'TxDefaultProfile', [[0, 6]])), await limits(csms, 1, 'A', 60), await h.answer(csms, 'ClearChargingProfile', {})];
        return out.join(' | ');
      },
    },
    kcsReboot201: {
      ...handlers,
      run: async (csms, st) => {
        await booted(csms, st);
        await h.answer(csms, 'SetChargingProfile', { evseId: 1, chargingProfile: prof(51, 'TxDefaultProfile', [[0, 6]]) });
        await st.perform('powerCycle', {});
        await sleep(400);
        await booted(csms, st);
        const out = await getAndReport(h, csms, { chargingProfile: { chargingProfileId: [51] } });
        await h.answer(csms, 'ClearChargingProfile', {});
        return out;
      },
    },
  };
}

export const kcs201Proofs: Record<string, string> = {
  'profile-not-stored': 'kcsSet201',
  'keeps-replaced-profile': 'kcsSet201',
  'accepts-txprofile-without-tx': 'kcsSet201',
  'accepts-txprofile-on-evse-0': 'kcsSet201',
  'ignores-transaction-id': 'kcsTx201',
  'accepts-unknown-evse': 'kcsSet201',
  'rejects-recurring': 'kcsSet201',
  'profiles-lost-on-reboot': 'kcsReboot201',
  'clear-by-id-unknown': 'kcsSet201',
  'clear-unknown-accepted': 'kcsSet201',
  'clear-criteria-unknown': 'kcsSet201',
  'clear-criteria-first-evse': 'kcsSet201',
  'no-report-charging-profiles': 'kcsSet201',
  'get-profiles-ignores-criteria': 'kcsSet201',
  'get-profiles-ignores-evse': 'kcsSet201',
  'ignores-stack-level': 'kcsComposite201',
  'ignores-max-profile': 'kcsComposite201',
  'ignores-valid-from': 'kcsComposite201',
  'ignores-valid-to': 'kcsComposite201',
  'ignores-start-schedule': 'kcsComposite201',
  'ignores-tx-default-during-tx': 'kcsTx201',
  'clear-keeps-limit': 'kcsComposite201',
  'composite-unknown-evse-accepted': 'kcsComposite201',
  'composite-wrong-duration': 'kcsComposite201',
  'wrong-unit-conversion': 'kcsComposite201',
};
