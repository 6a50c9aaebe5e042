import { expect } from 'chai';
import { compareComposite, compositeFromJson, compositeSchedule, compositeToJson16, compositeToJson201, fillUnlimited, limitAt, profileFromJson, type Profile } from '../../../src/protocol/smart-charging/index.js';

const NOW = Date.parse('2026-12-02T10:00:00Z') / 1000;
const ctx = { nowS: NOW, voltageV: 230 };
const abs = (id: number, purpose: Profile['purpose'], stackLevel: number, periods: Array<[number, number]>, extra: Partial<Profile> = {}, duration?: number): Profile => ({
  id,
  stackLevel,
  purpose,
  kind: 'Absolute',
  schedule: { startSchedule: NOW, chargingRateUnit: 'A', chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })), ...(duration === undefined ? {} : { duration }) },
  ...extra,
});
const limits = (ps: readonly Profile[], d: number) => compositeSchedule(ps, d, 'A', ctx).chargingSchedulePeriod.map((p) => [p.startPeriod, p.limit]);

describe('smart-charging engine', () => {
  it('a higher stackLevel prevails while its schedule runs, then the lower one takes over', () => {
    const base = abs(1, 'TxDefaultProfile', 0, [[0, 32]]);
    const top = abs(2, 'TxDefaultProfile', 1, [[0, 10]], {}, 600);
    expect(limits([base, top], 1200)).to.deep.equal([[0, 10], [600, 32]]);
  });
  it('TxProfile overrides TxDefaultProfile whatever the stackLevel; the max profile caps both', () => {
    const def = abs(1, 'TxDefaultProfile', 5, [[0, 6]]);
    const tx = abs(2, 'TxProfile', 0, [[0, 20], [300, 8]]);
    const max = abs(3, 'ChargingStationMaxProfile', 0, [[0, 16]]);
    expect(limits([def, tx, max], 600)).to.deep.equal([[0, 16], [300, 8]]);
  });
  it('Part 6 TC_K_41_CS: after the TxProfile\'s schedule ends the max profile rules, not the TxDefaultProfile', () => {
    const max = abs(1, 'ChargingStationMaxProfile', 0, [[0, 10]], {}, 86_400);
    const window = { validFrom: NOW, validTo: NOW + 401 };
    const def = abs(2, 'TxDefaultProfile', 0, [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]], window, 300);
    const tx = abs(3, 'TxProfile', 0, [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]], window, 260);
    expect(limits([max, def, tx], 400)).to.deep.equal([[0, 8], [50, 10], [200, 6], [240, 10]]);
  });
  it('validFrom / validTo bound a profile; nothing limits outside', () => {
    const p = abs(1, 'TxDefaultProfile', 0, [[0, 12]], { validFrom: NOW + 60, validTo: NOW + 120 });
    expect(limits([p], 180)).to.deep.equal([[0, null], [60, 12], [120, null]]);
  });
  it('Relative starts at the transaction start, else now', () => {
    const rel: Profile = { id: 1, stackLevel: 0, purpose: 'TxProfile', kind: 'Relative', schedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6 }, { startPeriod: 100, limit: 12 }] } };
    expect(compositeSchedule([rel], 200, 'A', { ...ctx, txStartS: NOW - 40 }).chargingSchedulePeriod.map((p) => p.startPeriod)).to.deep.equal([0, 60]);
    expect(compositeSchedule([rel], 200, 'A', ctx).chargingSchedulePeriod.map((p) => p.startPeriod)).to.deep.equal([0, 100]);
  });
  it('Daily recurrence rolls over at the anchor time of day', () => {
    const rec: Profile = { id: 1, stackLevel: 0, purpose: 'TxDefaultProfile', kind: 'Recurring', recurrencyKind: 'Daily', schedule: { startSchedule: NOW - 86_400 * 3 + 120, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }, { startPeriod: 3600, limit: 20 }] } };
    expect(limits([rec], 300)).to.deep.equal([[0, 20], [120, 10]]);
  });
  it('converts A <-> W with the declared voltage and the fewest phases in use', () => {
    const w: Profile = { id: 1, stackLevel: 0, purpose: 'ChargingStationMaxProfile', kind: 'Absolute', schedule: { startSchedule: NOW, chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11040 }] } };
    const a = abs(2, 'TxDefaultProfile', 0, []);
    const a1 = { ...a, schedule: { ...a.schedule, chargingSchedulePeriod: [{ startPeriod: 0, limit: 32, numberPhases: 1 }] } };
    expect(limitAt([w], NOW, 'A', ctx)).to.deep.equal({ limit: 16, numberPhases: 3 });
    expect(limitAt([w, a1], NOW, 'A', ctx)).to.deep.equal({ limit: 32, numberPhases: 1 });
    expect(limitAt([w, a1], NOW, 'W', ctx)).to.deep.equal({ limit: 7360, numberPhases: 1 });
  });
  it('reads 2.0.1 and 1.6 profiles alike', () => {
    const s = { chargingRateUnit: 'A', startSchedule: '2026-12-02T10:00:00Z', chargingSchedulePeriod: [{ startPeriod: 0, limit: 8 }] };
    const p201 = profileFromJson({ id: 4, stackLevel: 1, chargingProfilePurpose: 'ChargingStationMaxProfile', chargingProfileKind: 'Absolute', chargingSchedule: [{ id: 1, ...s }] }, 0);
    const p16 = profileFromJson({ chargingProfileId: 4, stackLevel: 1, chargingProfilePurpose: 'ChargePointMaxProfile', chargingProfileKind: 'Absolute', chargingSchedule: s }, 0);
    expect(p201).to.deep.equal(p16);
    expect(p201?.schedule.startSchedule).to.equal(NOW);
    expect(profileFromJson({ id: 1, stackLevel: 0, chargingProfilePurpose: 'Bogus', chargingProfileKind: 'Absolute', chargingSchedule: [s] })).to.equal(undefined);
  });
  it('renders a composite for 2.0.1 and 1.6 and the checker accepts it back', () => {
    const c = fillUnlimited(compositeSchedule([abs(1, 'TxDefaultProfile', 0, [[0, 6], [60, 7.25]], {}, 120)], 300, 'A', ctx), 32);
    const j = compositeToJson201(c, 1, 32);
    expect(j).to.deep.include({ evseId: 1, duration: 300, scheduleStart: '2026-12-02T10:00:00Z', chargingRateUnit: 'A' });
    expect(j['chargingSchedulePeriod']).to.deep.equal([{ startPeriod: 0, limit: 6, numberPhases: 3 }, { startPeriod: 60, limit: 7.3, numberPhases: 3 }, { startPeriod: 120, limit: 32, numberPhases: 3 }]);
    const back = compositeFromJson(compositeToJson16(c, 32));
    expect(back && compareComposite(c, back).ok).to.equal(true);
  });
  it('the checker reports a wrong period, forgives a boundary a second off, converts units', () => {
    const c = compositeSchedule([abs(1, 'TxDefaultProfile', 0, [[0, 6], [60, 10]])], 120, 'A', ctx);
    const dut = (periods: unknown[], unit = 'A') => compositeFromJson({ scheduleStart: '2026-12-02T10:00:01Z', duration: 120, chargingRateUnit: unit, chargingSchedulePeriod: periods });
    const shifted = dut([{ startPeriod: 0, limit: 6 }, { startPeriod: 60, limit: 10 }]);
    expect(shifted && compareComposite(c, shifted).ok).to.equal(true);
    const wrong = dut([{ startPeriod: 0, limit: 6 }, { startPeriod: 59, limit: 16 }]);
    const r = wrong && compareComposite(c, wrong);
    expect(r?.ok).to.equal(false);
    expect(r?.issues.join()).to.match(/limit 16 A, expected 10 A/);
    const watts = dut([{ startPeriod: 0, limit: 4140 }, { startPeriod: 59, limit: 6900 }], 'W');
    expect(watts && compareComposite(c, watts).ok).to.equal(true);
  });
});
