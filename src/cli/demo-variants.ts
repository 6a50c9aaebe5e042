/**
 * The demo's hardware variants. The simulator under test describes itself with a PICS
 * (src/sim/pics.ts), so a case applies to it exactly as it would to a device with those answers.
 * A case written for other hardware (a fixed cable, back-up power, no SummaryInventory …) does not
 * apply to the default simulator; it runs against the simulator switched into the variant (a
 * quirk with PICS answers) under which it applies, so every case of the catalogue is shown
 * against some compliant simulator.
 */
import type { TestCase } from '../engine/define.js';
import type { RunResult } from '../engine/run-model.js';
import { applicabilityOf } from '../engine/runner.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { hardwareVariants, simulatorPics } from '../sim/pics.js';

export interface VariantPlan {
  /** Cases that apply to the simulator as configured (or to no variant either: they report notApplicable). */
  base: string[];
  /** Cases that apply only with one more hardware variant switched on, per variant. */
  variants: Array<{ quirk: string; ids: string[] }>;
}

const appliesWith = (tc: TestCase, side: Role, version: OcppVersion, quirks: readonly string[]): boolean =>
  applicabilityOf(tc, { items: simulatorPics(side, version, quirks), claimAll: true }).applies;

/** Which cases run against the simulator with `quirks`, and which against one of its hardware variants. */
export function planVariants(cases: readonly TestCase[], side: Role, version: OcppVersion, quirks: readonly string[]): VariantPlan {
  const base: string[] = [];
  const byVariant = new Map<string, string[]>();
  const variants = hardwareVariants(side, version).filter((v) => !quirks.includes(v.name));
  for (const tc of cases) {
    const variant = appliesWith(tc, side, version, quirks) ? undefined : variants.find((v) => appliesWith(tc, side, version, [...quirks, v.name]));
    if (variant === undefined) base.push(tc.id);
    else byVariant.set(variant.name, [...(byVariant.get(variant.name) ?? []), tc.id]);
  }
  return { base, variants: [...byVariant].map(([quirk, ids]) => ({ quirk, ids })) };
}

/** The PICS answers a variant changes, in words: "HW-FixedCable = true". */
export function variantWords(side: Role, version: OcppVersion, quirk: string): string {
  const variant = hardwareVariants(side, version).find((v) => v.name === quirk);
  const items = simulatorPics(side, version);
  return Object.entries(variant?.pics ?? {}).filter(([item]) => item in items).map(([item, value]) => `${item} = ${JSON.stringify(value)}`).join(', ');
}

/** A variant run's results say which simulator variant they ran against (the report shows it as the applicability). */
export function markVariant(run: RunResult, side: Role, version: OcppVersion, quirk: string): RunResult {
  const reason = `ran against the simulator's hardware variant ${quirk} (PICS ${variantWords(side, version, quirk)})`;
  return { ...run, tests: run.tests.map((t) => (t.applicability.applies ? { ...t, applicability: { applies: true, reason } } : t)) };
}
