/**
 * Property: for generated profile sets (every purpose, kind, recurrency, validity window,
 * duration, unit and phase count), the engine's composite equals the per-second reference
 * (reference.ts), period by period. Whole-second inputs keep both exact; windows sit across
 * Daily/Weekly roll-overs, validity edges and schedule ends so those paths are exercised.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { compositeSchedule, DAY_S, WEEK_S, type EvaluationContext, type Profile, type RateUnit } from '../../../src/protocol/smart-charging/index.js';
import { referenceComposite } from './reference.js';

const NOW = 1_796_083_200; // 2026-12-01T00:00:00Z, a whole day
const WINDOW = 240;

const periodArb = fc.record({ startPeriod: fc.integer({ min: 0, max: 200 }), limit: fc.integer({ min: 0, max: 64 }), numberPhases: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), phaseToUse: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }, { requiredKeys: ['startPeriod', 'limit'] });

const near = (span: number) => fc.integer({ min: -span, max: span }).map((d) => NOW + d);

const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    id: fc.integer({ min: 1, max: 1000 }),
    stackLevel: fc.integer({ min: 0, max: 3 }),
    purpose: fc.constantFrom('ChargingStationMaxProfile', 'ChargingStationExternalConstraints', 'TxDefaultProfile', 'TxProfile'),
    kind: fc.constantFrom('Absolute', 'Relative', 'Recurring'),
    recurrencyKind: fc.constantFrom<'Daily' | 'Weekly'>('Daily', 'Weekly'),
    validFrom: fc.option(near(200), { nil: undefined }),
    validTo: fc.option(near(300), { nil: undefined }),
    evseId: fc.constantFrom(0, 1),
    rollovers: fc.integer({ min: 0, max: 3 }),
    start: fc.option(fc.integer({ min: -250, max: 200 }), { nil: undefined }),
    duration: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    unit: fc.constantFrom('A', 'W'),
    periods: fc.uniqueArray(periodArb, { minLength: 1, maxLength: 4, selector: (p) => p.startPeriod }), // startPeriods strictly increase (a schedule with two equal ones is malformed)
    minChargingRate: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  })
  .map((g) => {
    const cycle = g.recurrencyKind === 'Weekly' ? WEEK_S : DAY_S;
    // Recurring anchors lie whole cycles back, so a roll-over falls inside the window.
    const startSchedule = g.start === undefined ? undefined : NOW + g.start - (g.kind === 'Recurring' ? g.rollovers * cycle : 0);
    const limits = g.periods.map((p) => ({ ...p, limit: g.unit === 'W' ? p.limit * 500 : p.limit }));
    return {
      id: g.id,
      stackLevel: g.stackLevel,
      purpose: g.purpose,
      kind: g.kind,
      evseId: g.evseId,
      ...(g.kind === 'Recurring' ? { recurrencyKind: g.recurrencyKind } : {}),
      ...(g.validFrom === undefined ? {} : { validFrom: g.validFrom }),
      ...(g.validTo === undefined ? {} : { validTo: g.validTo }),
      schedule: {
        chargingRateUnit: g.unit,
        chargingSchedulePeriod: limits,
        ...(startSchedule === undefined ? {} : { startSchedule }),
        ...(g.duration === undefined ? {} : { duration: g.duration }),
        ...(g.minChargingRate === undefined ? {} : { minChargingRate: g.minChargingRate }),
      },
    } satisfies Profile;
  });

const ctxArb: fc.Arbitrary<EvaluationContext> = fc.record({ tx: fc.option(fc.integer({ min: -300, max: 0 }), { nil: undefined }), voltage: fc.constantFrom(230, 120, 400) }).map((c) => ({ nowS: NOW, voltageV: c.voltage, ...(c.tx === undefined ? {} : { txStartS: NOW + c.tx }) }));

describe('smart-charging engine: composite = per-second reference', () => {
  it('holds for 10,000 generated profile sets', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 0, maxLength: 5 }), ctxArb, fc.constantFrom('A', 'W') as fc.Arbitrary<RateUnit>, fc.integer({ min: 1, max: WINDOW }), (profiles, ctx, unit, duration) => {
        const engine = compositeSchedule(profiles, duration, unit, ctx);
        const ref = referenceComposite(profiles, duration, unit, ctx);
        expect(engine.chargingSchedulePeriod.length, 'number of periods').to.equal(ref.length);
        engine.chargingSchedulePeriod.forEach((p, i) => {
          const r = ref[i];
          expect(p.startPeriod, `period ${i} start`).to.equal(r?.startPeriod);
          expect(p.numberPhases, `period ${i} phases`).to.equal(r?.numberPhases);
          expect(p.phaseToUse, `period ${i} phaseToUse`).to.equal(r?.phaseToUse);
          if (p.limit === null || r?.limit === null || r === undefined) expect(p.limit, `period ${i} limit`).to.equal(r?.limit);
          else expect(p.limit, `period ${i} limit`).to.be.closeTo(r.limit, 1e-9);
        });
      }),
      { numRuns: 10_000, seed: 20261202 },
    );
  });
});
