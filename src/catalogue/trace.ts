/**
 * Traceability of a case to the official document (issue #10): the validated steps of each case id
 * (generated from `../shared/spec` by `scripts/gen-spec-data.ts`, committed), and how many of them
 * a case traces to checks or waives.
 */
import type { TestCase, TestCaseDefinition, ValidationSummary } from '../engine/define.js';
import official from './data/official-validations.json' with { type: 'json' };

export type OfficialStep = number | 'post';

const table = official as Record<string, { steps: number[]; post: boolean } | undefined>;

/** The validated steps of a case id in the document, `'post'` for post-scenario validations; undefined if the id is not in it. */
export function officialSteps(id: string): OfficialStep[] | undefined {
  const entry = table[id];
  if (!entry) return undefined;
  return [...entry.steps, ...(entry.post ? (['post'] as const) : [])];
}

export function validationSummary(tc: Pick<TestCaseDefinition, 'id' | 'validations' | 'waivers'>): ValidationSummary | undefined {
  const steps = officialSteps(tc.id);
  if (!steps) return undefined;
  const traced = new Set((tc.validations ?? []).map((v) => v.step));
  const waived = new Set((tc.waivers ?? []).map((w) => w.step));
  return { official: steps.length, traced: steps.filter((s) => traced.has(s)).length, waived: steps.filter((s) => !traced.has(s) && waived.has(s)).length };
}

/** The case with its summary attached (the loader's last step). */
export function withValidationSummary<T extends TestCase>(tc: T): T {
  const summary = validationSummary(tc);
  return summary ? Object.freeze({ ...tc, validationSummary: summary }) : tc;
}
