/**
 * Requirement coverage: which functional requirements (FR ids such as `B01.FR.05`) the run
 * exercised, grouped by use case, and how they fared. A requirement is only as good as the worst
 * case that covers it: one failing case makes it failed, whatever else passed.
 */
import type { CaseResult, RunResult } from '../engine/run-model.js';

export const coverageStates = ['failed', 'inconclusive', 'passed', 'notRun'] as const;
export type CoverageState = (typeof coverageStates)[number];

export interface RequirementCoverage {
  id: string;
  state: CoverageState;
  /** The cases that cover it, with their verdicts. */
  cases: Array<{ id: string; verdict: string }>;
}

export interface UseCaseCoverage {
  useCase: string;
  state: CoverageState;
  requirements: RequirementCoverage[];
  /** Cases that name the use case but no requirement of it. */
  cases: Array<{ id: string; verdict: string }>;
}

export interface CoverageSummary {
  useCases: UseCaseCoverage[];
  counts: Record<CoverageState, number>;
  /** Requirements in total. */
  total: number;
}

function stateOf(verdicts: readonly string[]): CoverageState {
  if (verdicts.some((v) => v === 'fail' || v === 'error')) return 'failed';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  if (verdicts.includes('pass')) return 'passed';
  return 'notRun';
}

/** `B01.FR.05` → `B01`; an id without `.FR.` is its own use case. */
export function useCaseOf(requirement: string): string {
  const i = requirement.indexOf('.FR.');
  return i > 0 ? requirement.slice(0, i) : requirement;
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function requirementCoverage(run: Pick<RunResult, 'tests'>): CoverageSummary {
  const requirementCases = new Map<string, CaseResult[]>();
  const useCaseCases = new Map<string, CaseResult[]>();
  const add = <K>(map: Map<K, CaseResult[]>, key: K, t: CaseResult) => map.set(key, [...(map.get(key) ?? []), t]);
  for (const t of run.tests) {
    for (const fr of t.requirements ?? []) add(requirementCases, fr, t);
    const covered = new Set((t.requirements ?? []).map(useCaseOf));
    for (const uc of t.useCases ?? []) if (!covered.has(uc)) add(useCaseCases, uc, t);
  }
  const groups = new Map<string, UseCaseCoverage>();
  const group = (uc: string): UseCaseCoverage => {
    let g = groups.get(uc);
    if (!g) groups.set(uc, (g = { useCase: uc, state: 'notRun', requirements: [], cases: [] }));
    return g;
  };
  for (const [fr, cases] of requirementCases) {
    group(useCaseOf(fr)).requirements.push({ id: fr, state: stateOf(cases.map((c) => c.verdict)), cases: cases.map((c) => ({ id: c.id, verdict: c.verdict })) });
  }
  for (const [uc, cases] of useCaseCases) group(uc).cases.push(...cases.map((c) => ({ id: c.id, verdict: c.verdict })));
  const counts: Record<CoverageState, number> = { failed: 0, inconclusive: 0, passed: 0, notRun: 0 };
  const useCases = [...groups.values()].sort((a, b) => byId(a.useCase, b.useCase));
  for (const g of useCases) {
    g.requirements.sort((a, b) => byId(a.id, b.id));
    for (const r of g.requirements) counts[r.state] += 1;
    g.state = stateOf([...g.requirements.flatMap((r) => r.cases), ...g.cases].map((c) => c.verdict));
  }
  return { useCases, counts, total: requirementCases.size };
}

/** `12 requirements: 10 passed, 1 failed, 0 inconclusive, 1 not run`. */
export function coverageLine(summary: CoverageSummary): string {
  const c = summary.counts;
  return `${summary.total} requirement${summary.total === 1 ? '' : 's'}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notRun} not run`;
}
