/**
 * Pure statistics over the run model that every view shows: counts per certification profile
 * ("Core, charging station: 97 of 104 mandatory cases passed") and per block. No I/O, no clock.
 */
import type { CaseResult, RunResult } from '../engine/run-model.js';
import type { Verdict } from '../engine/verdict.js';

export const verdictOrder: readonly Verdict[] = ['pass', 'fail', 'inconclusive', 'error', 'notApplicable', 'skipped', 'notRun'];

export const verdictLabel: Record<Verdict, string> = {
  pass: 'pass',
  fail: 'fail',
  inconclusive: 'inconclusive',
  error: 'error',
  notApplicable: 'not applicable',
  skipped: 'skipped',
  notRun: 'not run',
};

export type VerdictCounts = Record<Verdict, number>;

export function emptyCounts(): VerdictCounts {
  return { pass: 0, fail: 0, inconclusive: 0, notApplicable: 0, error: 0, skipped: 0, notRun: 0 };
}

/** Cases of one need (M or C) within one profile. */
export interface ProfileTally {
  total: number;
  /** Cases that applied to the DUT: total minus notApplicable. Skipped cases count here (not run is not passed). */
  applicable: number;
  byVerdict: VerdictCounts;
}

export interface ProfileSummary {
  profile: string;
  /** Whether the DUT's PICS claims the profile; undefined when no PICS was given. */
  claimed: boolean | undefined;
  mandatory: ProfileTally;
  conditional: ProfileTally;
  /** Every applicable mandatory case passed (and at least one ran). */
  mandatoryComplete: boolean;
  /** One sentence, e.g. "Core, charging station: 97 of 104 mandatory cases passed". */
  line: string;
}

export interface BlockSummary {
  block: string;
  /** "B Provisioning" for a 2.0.1/2.1 block letter; the 1.6 group as it is. */
  title: string;
  total: number;
  byVerdict: VerdictCounts;
  durationMs: number;
}

/** OCPP 2.0.1 Part 2 functional blocks (the same letters in 2.1). */
const blockNames: Record<string, string> = {
  A: 'Security',
  B: 'Provisioning',
  C: 'Authorization',
  D: 'Local Authorization List Management',
  E: 'Transactions',
  F: 'Remote Control',
  G: 'Availability',
  H: 'Reservation',
  I: 'Tariff and Cost',
  J: 'Meter Values',
  K: 'Smart Charging',
  L: 'Firmware Management',
  M: 'ISO 15118 Certificate Management',
  N: 'Diagnostics',
  O: 'Display Message',
  P: 'Data Transfer',
};

export function blockTitle(version: string, block: string): string {
  const name = version === '1.6' ? undefined : blockNames[block];
  return name === undefined ? block : `${block} ${name}`;
}

export function sideWords(sut: 'cs' | 'csms'): string {
  return sut === 'cs' ? 'charging station' : 'CSMS';
}

/** "OCPP 2.0.1 CS" — the short name of what was tested. */
export function runTitle(run: Pick<RunResult, 'version' | 'sut'>): string {
  return `OCPP ${run.version} ${run.sut.toUpperCase()}`;
}

/** The certification profiles the PICS claims, if the run's PICS says. */
export function claimedProfiles(run: Pick<RunResult, 'pics'>): string[] | undefined {
  const pics = run.pics;
  if (pics === null || typeof pics !== 'object') return undefined;
  const p = pics as { certificationProfiles?: unknown; claimAll?: unknown };
  if (p.claimAll === true) return undefined;
  return Array.isArray(p.certificationProfiles) ? p.certificationProfiles.filter((x): x is string => typeof x === 'string') : undefined;
}

function tally(tests: readonly CaseResult[]): ProfileTally {
  const byVerdict = emptyCounts();
  for (const t of tests) byVerdict[t.verdict] += 1;
  return { total: tests.length, applicable: tests.length - byVerdict.notApplicable, byVerdict };
}

function profileLine(profile: string, sut: 'cs' | 'csms', m: ProfileTally, c: ProfileTally, claimed: boolean | undefined): string {
  const head = `${profile}, ${sideWords(sut)}`;
  if (claimed === false && m.applicable === 0 && c.applicable === 0) return `${head}: not claimed (${m.total + c.total} cases not applicable)`;
  const parts: string[] = [];
  if (m.total > 0) parts.push(`${m.byVerdict.pass} of ${m.applicable} mandatory cases passed`);
  if (c.applicable > 0) parts.push(`${c.byVerdict.pass} of ${c.applicable} applicable conditional cases passed`);
  if (parts.length === 0) parts.push(m.total + c.total === 0 ? 'no case of this profile in this run' : 'no applicable case ran');
  return `${head}: ${parts.join('; ')}`;
}

/**
 * Per certification profile: claimed profiles first (in the PICS order), then any other profile
 * the run's cases belong to, in order of first appearance.
 */
export function profileSummaries(run: Pick<RunResult, 'tests' | 'sut' | 'pics'>): ProfileSummary[] {
  const claimed = claimedProfiles(run);
  const order: string[] = [...(claimed ?? [])];
  for (const t of run.tests) for (const c of t.certification) if (!order.includes(c.profile)) order.push(c.profile);
  const out: ProfileSummary[] = [];
  for (const profile of order) {
    const of = (need: 'M' | 'C'): CaseResult[] => run.tests.filter((t) => t.certification.some((c) => c.profile === profile && c.need === need));
    const mandatory = tally(of('M'));
    const conditional = tally(of('C'));
    if (mandatory.total + conditional.total === 0 && claimed === undefined) continue;
    const isClaimed = claimed === undefined ? undefined : claimed.includes(profile);
    out.push({
      profile,
      claimed: isClaimed,
      mandatory,
      conditional,
      mandatoryComplete: mandatory.applicable > 0 && mandatory.byVerdict.pass === mandatory.applicable,
      line: profileLine(profile, run.sut, mandatory, conditional, isClaimed),
    });
  }
  return out;
}

/** Per block, in order of first appearance. */
export function blockSummaries(run: Pick<RunResult, 'tests' | 'version'>): BlockSummary[] {
  const blocks = new Map<string, BlockSummary>();
  for (const t of run.tests) {
    let b = blocks.get(t.block);
    if (!b) {
      b = { block: t.block, title: blockTitle(t.version || run.version, t.block), total: 0, byVerdict: emptyCounts(), durationMs: 0 };
      blocks.set(t.block, b);
    }
    b.total += 1;
    b.byVerdict[t.verdict] += 1;
    b.durationMs += t.durationMs;
  }
  return [...blocks.values()];
}

/** "12 cases: 10 passed, 1 failed, 1 inconclusive" — zero counts left out except passed. */
export function verdictSentence(byVerdict: VerdictCounts, total: number): string {
  const words: Record<Verdict, string> = { pass: 'passed', fail: 'failed', inconclusive: 'inconclusive', error: 'errors', notApplicable: 'not applicable', skipped: 'skipped', notRun: 'not run' };
  const parts = verdictOrder.filter((v) => v === 'pass' || byVerdict[v] > 0).map((v) => `${byVerdict[v]} ${words[v]}`);
  return `${total} case${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Seconds with one decimal below a minute, else "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  return `${Math.floor(totalS / 60)} min ${String(totalS % 60).padStart(2, '0')} s`;
}

/** The first step check that failed (severity error), with its step: what a failure message shows. */
export function firstFailure(test: CaseResult): { step: CaseResult['steps'][number]; check?: CaseResult['steps'][number]['checks'][number] } | undefined {
  for (const step of test.steps) {
    const check = step.checks.find((c) => !c.ok && c.severity === 'error');
    if (check) return { step, check };
  }
  const step = test.steps.find((s) => s.verdict !== 'pass');
  return step ? { step } : undefined;
}

/** Timing check as words: "measured 4212 ms, allowed ≤ 4000 ms (tolerance 0 ms)". */
export function timingWords(timing: NonNullable<CaseResult['steps'][number]['checks'][number]['timing']>): { measured: string; allowed: string } {
  const ms = (n: number): string => `${Math.round(n * 10) / 10} ms`;
  let allowed: string;
  if (timing.minMs !== undefined && timing.maxMs !== undefined) allowed = `${ms(timing.minMs)} – ${ms(timing.maxMs)}`;
  else if (timing.maxMs !== undefined) allowed = `≤ ${ms(timing.maxMs)}`;
  else if (timing.minMs !== undefined) allowed = `≥ ${ms(timing.minMs)}`;
  else allowed = 'any';
  return { measured: ms(timing.measuredMs), allowed: `${allowed} (tolerance ${ms(timing.toleranceMs)} included)` };
}
