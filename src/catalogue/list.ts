/**
 * The data behind `ocpp-conform list`: for every case found, whether a run would execute it, and
 * if not, why (not selected by the flags, or not applicable per the PICS).
 */
import type { CertificationEntry, TestCase } from '../engine/define.js';
import { conditionText, type Applicability, type Pics } from '../engine/pics-condition.js';
import { applicabilityOf } from '../engine/runner.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { compareCases, type Selection } from './select.js';

export interface ListEntry {
  id: string;
  title: string;
  block: string;
  version: OcppVersion;
  sut: Role;
  certification: CertificationEntry[];
  applicability: Applicability;
  /** The case's PICS condition in words (`applies`), absent when it has none. */
  condition?: string;
  selected: boolean;
  excludedBecause?: string;
  detects: string[];
  states: string[];
  /** official, or robustness: beyond the official catalogue (issue #16). */
  catalogue: 'official' | 'robustness';
  /** Robustness cases: the interoperability-bug entry (IB-08) and the clause enforced. */
  ib?: string;
  /** Official validated steps, traced to checks, waived with a reason (absent: the id is not in the official documents). */
  validations?: { official: number; traced: number; waived: number };
}

export type ListStatus = 'runs' | 'notApplicable' | 'notSelected';

/** One entry per case (selected and excluded), in catalogue order. */
export function describeCases(selection: Pick<Selection, 'selected' | 'excluded'>, pics: Pics): ListEntry[] {
  const rows: Array<{ tc: TestCase; excludedBecause?: string }> = [
    ...selection.selected.map((tc) => ({ tc })),
    ...selection.excluded.map((e) => ({ tc: e.testCase, excludedBecause: e.reason })),
  ];
  rows.sort((a, b) => compareCases(a.tc, b.tc));
  return rows.map(({ tc, excludedBecause }) => {
    const entry: ListEntry = {
      id: tc.id,
      title: tc.title,
      block: tc.block,
      version: tc.version,
      sut: tc.sut,
      certification: tc.certification.map((c) => ({ ...c })),
      applicability: applicabilityOf(tc, pics),
      selected: excludedBecause === undefined,
      detects: [...tc.detects],
      states: [...(tc.states ?? [])],
      catalogue: tc.robustness === undefined ? 'official' : 'robustness',
      ...(tc.robustness ? { ib: tc.robustness.ib } : {}),
    };
    if (tc.applies) entry.condition = conditionText(tc.applies);
    if (excludedBecause !== undefined) entry.excludedBecause = excludedBecause;
    if (tc.validationSummary) entry.validations = { ...tc.validationSummary };
    return entry;
  });
}

/** Not selected wins over not applicable: a case left out by the flags is never evaluated. */
export function statusOf(entry: ListEntry): ListStatus {
  if (!entry.selected) return 'notSelected';
  return entry.applicability.applies ? 'runs' : 'notApplicable';
}

/** What a run would make of the case, in words: "runs", "n/a: …", "not selected: …". */
export function verdictToBe(entry: ListEntry): string {
  switch (statusOf(entry)) {
    case 'runs':
      return 'runs';
    case 'notApplicable':
      return `n/a: ${entry.applicability.reason}`;
    case 'notSelected':
      return `not selected: ${entry.excludedBecause ?? 'excluded'}`;
  }
}

export interface ListCounts {
  total: number;
  runs: number;
  notApplicable: number;
  notSelected: number;
}

export function countList(entries: readonly ListEntry[]): ListCounts {
  const counts: ListCounts = { total: entries.length, runs: 0, notApplicable: 0, notSelected: 0 };
  for (const e of entries) counts[statusOf(e)] += 1;
  return counts;
}

/** "3 of 5 cases run; 1 not applicable; 1 not selected". */
export function formatListCount(entries: readonly ListEntry[]): string {
  const c = countList(entries);
  return `${c.runs} of ${c.total} case${c.total === 1 ? '' : 's'} run; ${c.notApplicable} not applicable; ${c.notSelected} not selected`;
}
