/**
 * The serialisable run model: what every report format is a view of (JSON is canonical). Plain
 * data only — no functions, no class instances — so it round-trips through JSON unchanged.
 */
import type { Finding } from '../protocol/findings.js';
import type { CertificationEntry, RobustnessMeta } from './define.js';
import type { StepRecord } from './context-types.js';
import type { Verdict } from './verdict.js';

export interface CaseResult {
  id: string;
  title: string;
  block: string;
  version: string;
  sut: 'cs' | 'csms';
  certification: CertificationEntry[];
  /** The case's use cases and functional requirements (metadata), for the requirement coverage view. */
  useCases?: string[];
  requirements?: string[];
  /** A case of the robustness catalogue, beyond the official one (issue #16): the IB entry, clause, severity. */
  robustness?: RobustnessMeta;
  /** Official validated steps of the case: how many, how many it traces to checks, how many it waives (issue #10). */
  validations?: { official: number; traced: number; waived: number };
  applicability: { applies: boolean; reason: string };
  verdict: Verdict;
  /** Why the verdict, in one sentence (the failing step's message, the N/A reason, …). */
  message?: string;
  startedAt: string;
  durationMs: number;
  steps: StepRecord[];
  /** Findings on the DUT's frames during the case, by layer. */
  findings: Finding[];
  /** Behaviour the spec allows but OCTT is known to reject, and other non-failing observations. */
  warnings: string[];
  /** The frames that crossed the wire during the case (secrets redacted), in order. */
  trace: TraceFrame[];
  /** Faults injected during the case (run --fault), in wire-log order; absent without fault injection. */
  faults?: FaultRecord[];
}

/** One injected fault: where (wire-log seq, connection, direction) and what it did. */
export interface FaultRecord {
  seq: number;
  connectionId: string;
  direction: 'in' | 'out' | 'both';
  fault: 'drop' | 'delay' | 'corrupt' | 'close' | 'duplicate' | 'reorder';
  detail: string;
  wallTime: string;
}

/** One wire frame as reports show it: raw text exactly as on the wire, times relative to the case start. */
export interface TraceFrame {
  seq: number;
  connectionId: string;
  /** 'in' = from the DUT, 'out' = from the harness. */
  direction: 'in' | 'out';
  wallTime: string;
  /** Milliseconds since the case started, monotonic. */
  relMs: number;
  /** The frame text; only its head when `stored` is set. */
  text: string;
  /** A frame above maxStoredFrameBytes (issue #12): full text in wire.jsonl under the same seq. */
  stored?: { length: number; bytes: number; sha256: string; headLength: number };
}

export interface RunInfo {
  tool: { name: string; version: string };
  startedAt: string;
  version: string;
  /** The role the DUT plays. */
  sut: 'cs' | 'csms';
  dut: Record<string, string>;
  securityProfile: number;
  dutAdapter: string;
  pics: unknown;
  config: unknown;
  selection: Record<string, unknown>;
  /** The fault profile of the run (run --fault), absent without fault injection. */
  faults?: { profile: string; spec: string; seed: number };
}

export interface RunSummary {
  total: number;
  byVerdict: Record<Verdict, number>;
  /**
   * The robustness cases among them, counted apart: beyond the official catalogue, never part of a
   * certification summary (they carry no certification profile). Absent when the run had none.
   */
  beyondOfficial?: { total: number; byVerdict: Record<Verdict, number> };
}

/** A finding that belongs to no case's verdict: a late reply to an earlier CALL, or one seen during a cleanup. */
export interface RunFinding {
  /** Who it is about: a case id, or "the cleanup after <case id>". */
  origin: string;
  /** The case it belongs to (or whose cleanup). */
  caseId: string;
  finding: Finding;
}

export interface RunResult extends RunInfo {
  endedAt?: string;
  /** Findings attributed to the case or cleanup that caused them, never to an innocent case (src/engine/call-origins.ts). */
  runFindings?: RunFinding[];
  /** True until the run finished; an interrupted run's report says so. */
  partial: boolean;
  interrupted: boolean;
  tests: CaseResult[];
  summary: RunSummary;
}

export function summarise(tests: readonly CaseResult[]): RunSummary {
  const byVerdict: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0, notApplicable: 0, error: 0, skipped: 0, notRun: 0 };
  for (const t of tests) byVerdict[t.verdict] += 1;
  const beyond = tests.filter((t) => t.robustness !== undefined);
  if (beyond.length === 0) return { total: tests.length, byVerdict };
  const rb: Record<Verdict, number> = { pass: 0, fail: 0, inconclusive: 0, notApplicable: 0, error: 0, skipped: 0, notRun: 0 };
  for (const t of beyond) rb[t.verdict] += 1;
  return { total: tests.length, byVerdict, beyondOfficial: { total: beyond.length, byVerdict: rb } };
}
