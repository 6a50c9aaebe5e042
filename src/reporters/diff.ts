/**
 * Compare two runs (two report.json files) case by case: what broke, what was fixed, what is new.
 * A view of two run models like every other report format: pure data in, plain data out, so the
 * console, JSON and HTML renderings all say the same thing.
 */
import type { CaseResult, RunResult } from '../engine/run-model.js';

/**
 * regression: passed before, now fails (fail, error or inconclusive); fix: the reverse;
 * changed: any other verdict change (fail → inconclusive, pass → notApplicable, …).
 */
export const changeKinds = ['regression', 'fix', 'new', 'removed', 'changed', 'unchanged'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export interface CaseChange {
  id: string;
  title: string;
  kind: ChangeKind;
  /** Absent for a new case. */
  before?: string;
  /** Absent for a removed case. */
  after?: string;
  /** Why the case ended as it did in the later run (or the earlier one, for a removed case). */
  message?: string;
}

export interface RunSide {
  startedAt: string;
  version: string;
  sut: string;
  toolVersion: string;
  cases: number;
  partial: boolean;
}

export interface RunDiff {
  before: RunSide;
  after: RunSide;
  /** Differences that make the comparison less meaningful (another version, another side, a partial run). */
  caveats: string[];
  /** Every case of either run, regressions first, then by id. */
  changes: CaseChange[];
  counts: Record<ChangeKind, number>;
}

// A verdict says the DUT did something right, something wrong, or nothing either way.
const good = new Set(['pass']);
const bad = new Set(['fail', 'error', 'inconclusive']);

function classify(before: string, after: string): ChangeKind {
  if (before === after) return 'unchanged';
  if (good.has(before) && bad.has(after)) return 'regression';
  if (bad.has(before) && good.has(after)) return 'fix';
  return 'changed';
}

function sideOf(run: RunResult): RunSide {
  return {
    startedAt: run.startedAt,
    version: run.version,
    sut: run.sut,
    toolVersion: run.tool.version,
    cases: run.tests.length,
    partial: run.partial || run.interrupted,
  };
}

function caveatsOf(before: RunSide, after: RunSide): string[] {
  const caveats: string[] = [];
  if (before.version !== after.version) caveats.push(`the runs test different OCPP versions (${before.version} and ${after.version})`);
  if (before.sut !== after.sut) caveats.push(`the runs test different sides (SUT=${before.sut} and SUT=${after.sut})`);
  if (before.partial) caveats.push('the earlier run did not finish (partial report)');
  if (after.partial) caveats.push('the later run did not finish (partial report)');
  return caveats;
}

const kindOrder: Record<ChangeKind, number> = { regression: 0, fix: 1, new: 2, removed: 3, changed: 4, unchanged: 5 };

export function diffRuns(beforeRun: RunResult, afterRun: RunResult): RunDiff {
  const beforeById = new Map<string, CaseResult>(beforeRun.tests.map((t) => [t.id, t]));
  const afterIds = new Set(afterRun.tests.map((t) => t.id));
  const changes: CaseChange[] = [];
  for (const t of afterRun.tests) {
    const old = beforeById.get(t.id);
    const change: CaseChange = old
      ? { id: t.id, title: t.title, kind: classify(old.verdict, t.verdict), before: old.verdict, after: t.verdict }
      : { id: t.id, title: t.title, kind: 'new', after: t.verdict };
    if (t.message !== undefined) change.message = t.message;
    changes.push(change);
  }
  for (const t of beforeRun.tests) {
    if (afterIds.has(t.id)) continue;
    const change: CaseChange = { id: t.id, title: t.title, kind: 'removed', before: t.verdict };
    if (t.message !== undefined) change.message = t.message;
    changes.push(change);
  }
  changes.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.id.localeCompare(b.id, 'en', { numeric: true }));
  const counts = Object.fromEntries(changeKinds.map((k) => [k, 0])) as Record<ChangeKind, number>;
  for (const c of changes) counts[c.kind] += 1;
  const before = sideOf(beforeRun);
  const after = sideOf(afterRun);
  return { before, after, caveats: caveatsOf(before, after), changes, counts };
}

const headings: Record<Exclude<ChangeKind, 'unchanged'>, string> = {
  regression: 'regressions (passed before, not now)',
  fix: 'fixes (failed before, pass now)',
  new: 'new cases',
  removed: 'cases no longer run',
  changed: 'other verdict changes',
};

function verdictText(c: CaseChange): string {
  return `${c.before ?? '—'} → ${c.after ?? '—'}`;
}

export function sideWordsOf(side: RunSide): string {
  return `OCPP ${side.version} SUT=${side.sut}, ${side.cases} cases, started ${side.startedAt}`;
}

/** The one-line tally both views end with, e.g. `1 regression, 2 fixes, 0 new, 0 removed, 0 changed, 37 unchanged`. */
export function tallyLine(counts: Record<ChangeKind, number>): string {
  const n = (k: ChangeKind, one: string, many: string) => `${counts[k]} ${counts[k] === 1 ? one : many}`;
  return [
    n('regression', 'regression', 'regressions'),
    n('fix', 'fix', 'fixes'),
    `${counts.new} new`,
    `${counts.removed} removed`,
    `${counts.changed} changed`,
    `${counts.unchanged} unchanged`,
  ].join(', ');
}

/** Plain text for the console: the changed cases grouped by kind, then the tally. */
export function renderDiffText(diff: RunDiff): string {
  const lines = [`before: ${sideWordsOf(diff.before)}`, `after:  ${sideWordsOf(diff.after)}`];
  for (const c of diff.caveats) lines.push(`note: ${c}`);
  for (const kind of Object.keys(headings) as (keyof typeof headings)[]) {
    const rows = diff.changes.filter((c) => c.kind === kind);
    if (rows.length === 0) continue;
    lines.push('', `${headings[kind]} (${rows.length}):`);
    const width = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) {
      const why = r.message && kind !== 'fix' ? `\n      ${r.message}` : '';
      lines.push(`  ${r.id.padEnd(width)}  ${verdictText(r)}  ${r.title}${why}`);
    }
  }
  lines.push('', tallyLine(diff.counts));
  return `${lines.join('\n')}\n`;
}
