/**
 * The authoring API of the catalogue: a test case is metadata as data plus an async `run(ctx)`.
 * One file per official id under testcases/, named after the id.
 */
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { PicsCondition } from './pics-condition.js';
import type { TestContext } from './context-types.js';
import { waiverProblems, type RuleWaiver } from './rules/index.js';

/** 2.0.1 Part 5 certification profiles; 1.6 uses its feature profiles (Core, SmartCharging, …). */
export interface CertificationEntry {
  profile: string;
  /** M = mandatory for the profile, C = conditional (then `applies` says on what). */
  need: 'M' | 'C';
}

export interface TestCaseDefinition {
  /** Official id, e.g. `TC_B_01_CS`, `TC_001_CSMS`. Must equal the file name. */
  id: string;
  version: OcppVersion;
  /** The system under test: `cs` = a charging station (the harness plays the CSMS), `csms` = a CSMS. */
  sut: Role;
  /** Functional block (2.0.1: `B`), or the 1.6 group (`01 Cold Boot`). */
  block: string;
  /** Official title. */
  title: string;
  useCases?: string[];
  requirements?: string[];
  certification: CertificationEntry[];
  /** PICS condition for a conditional case; absent = applies whenever the profile is claimed. */
  applies?: PicsCondition;
  /** Reusable states (Part 6 §2.2/§3.2) the runner brings the DUT into before `run`. */
  states?: string[];
  /** Names of simulator defects this case exists to catch; at least one. */
  detects: string[];
  /**
   * The general rules of the document (Part 6 §2.1 …) run after every case; a case opts out of one
   * only by quoting the clause that overrules it (`{ rule: 'tx-seqno-sequential', clause: 'Part 6 …: "…"' }`).
   */
  generalRules?: { waive: RuleWaiver[] };
  /**
   * Traceability (issue #10): the official steps whose tool validations this case implements, each
   * with a short label in our words (`{ step: 4, checks: 'RemoteStartTransaction.conf status Accepted' }`);
   * `'post'` stands for the post-scenario validations. The checks and expectations of the step name it
   * (`step: 4`).
   */
  validations?: ValidationTrace[];
  /** Official validated steps this case does not check, each with the reason citing the clause. */
  waivers?: ValidationWaiver[];
  /**
   * The security profiles the case's prerequisites allow the connection to use (Part 6 TC_B_50_CS:
   * "connected using either security profile 2 or 3"); absent: any. At another profile the run
   * cannot establish the prerequisite: inconclusive, saying so (the demo runs such cases over TLS).
   */
  securityProfiles?: ReadonlyArray<0 | 1 | 2 | 3>;
  /** Per-case timeout; default from the run configuration. */
  timeoutMs?: number;
  /** Set on the cases of the robustness catalogue (`testcases/robustness/`, ids RB_…): beyond the official catalogue. */
  robustness?: RobustnessMeta;
  run(ctx: TestContext): Promise<void>;
}

/** What a robustness case (issue #16) is about: an interoperability bug seen in the field. */
export interface RobustnessMeta {
  /** The entry of the interoperability-bug list it tests, e.g. `IB-08`. */
  ib: string;
  /** The spec clause it enforces, e.g. `OCPP-J 2.0.1 Part 4 §4.2.3`. */
  clause: string;
  /** How bad a failure is in the field: `critical` (lost connection or data), `major` (interop breaks), `minor`. */
  severity: 'critical' | 'major' | 'minor';
  /** What of the IB entry's test this case does not cover (honest scope), when something. */
  notCovered?: string;
}

export interface ValidationTrace {
  step: number | 'post';
  checks: string;
}

export interface ValidationWaiver {
  step: number | 'post';
  reason: string;
}

/** How much of the document's validations a case traces (the catalogue computes it from committed data). */
export interface ValidationSummary {
  official: number;
  traced: number;
  waived: number;
}

export interface TestCase extends Readonly<TestCaseDefinition> {
  /** Where it was loaded from, for messages. */
  readonly source?: string;
  /** Set by the catalogue loader from the official validated steps (src/catalogue/trace.ts). */
  readonly validationSummary?: ValidationSummary;
}

const idPattern = /^TC_[A-Z0-9_]+_(CS|CSMS)$/;
/** Robustness ids: RB_IB<nn>_<n>_<CS|CSMS>, one per test the interoperability-bug entry calls for. */
const robustnessIdPattern = /^RB_IB\d{2}_\d+_(CS|CSMS)$/;

/**
 * Declare a test case. Metadata problems that can be seen without I/O are reported here; the
 * loader adds file-name and catalogue checks.
 */
export function defineTestCase(definition: TestCaseDefinition): TestCase {
  const problems = metadataProblems(definition);
  if (problems.length > 0) {
    throw new TypeError(`test case ${String(definition.id)}: ${problems.join('; ')}`);
  }
  return Object.freeze({ ...definition });
}

export function metadataProblems(d: Partial<TestCaseDefinition>): string[] {
  const problems: string[] = [];
  if (d.robustness !== undefined) {
    if (typeof d.id !== 'string' || !robustnessIdPattern.test(d.id)) problems.push(`a robustness id must look like RB_IB08_1_CS, got ${JSON.stringify(d.id)}`);
    else if (!/^IB-\d{2}$/.test(d.robustness.ib) || d.id.slice(5, 7) !== d.robustness.ib.slice(3)) problems.push(`robustness.ib ${JSON.stringify(d.robustness.ib)} does not match the id ${d.id}`);
    if (typeof d.robustness.clause !== 'string' || d.robustness.clause.trim() === '') problems.push('robustness.clause is missing: the spec clause the case enforces');
    if (Array.isArray(d.certification) && d.certification.length > 0) problems.push('a robustness case has no certification profile (certification: []): it is beyond the official catalogue');
    if (!['critical', 'major', 'minor'].includes(d.robustness.severity)) problems.push(`robustness.severity must be critical, major or minor, got ${JSON.stringify(d.robustness.severity)}`);
  } else if (typeof d.id !== 'string' || !idPattern.test(d.id)) problems.push(`id must look like TC_B_01_CS or TC_001_CSMS, got ${JSON.stringify(d.id)}`);
  if (d.sut !== 'cs' && d.sut !== 'csms') problems.push(`sut must be 'cs' or 'csms', got ${JSON.stringify(d.sut)}`);
  if (typeof d.id === 'string' && (d.sut === 'cs' || d.sut === 'csms')) {
    const suffix = d.id.endsWith('_CSMS') ? 'csms' : 'cs';
    if (suffix !== d.sut) problems.push(`id ${d.id} ends in _${suffix.toUpperCase()} but sut is '${d.sut}'`);
  }
  if (d.version !== '1.6' && d.version !== '2.0.1' && d.version !== '2.1') problems.push(`version must be 1.6, 2.0.1 or 2.1, got ${JSON.stringify(d.version)}`);
  if (typeof d.title !== 'string' || d.title.trim() === '') problems.push('title is missing');
  if (typeof d.block !== 'string' || d.block.trim() === '') problems.push('block is missing');
  if (!Array.isArray(d.certification)) problems.push('certification is missing (list of { profile, need: "M" | "C" })');
  else for (const c of d.certification) if (c.need !== 'M' && c.need !== 'C') problems.push(`certification need must be "M" or "C", got ${JSON.stringify(c.need)}`);
  if (!Array.isArray(d.detects) || d.detects.length === 0) problems.push('detects is missing: name at least one simulator defect this case catches');
  if (typeof d.run !== 'function') problems.push('run(ctx) is missing');
  problems.push(...waiverProblems(d.generalRules?.waive));
  for (const v of d.validations ?? []) if (typeof v.checks !== 'string' || v.checks.trim() === '') problems.push(`validations: step ${String(v.step)} needs a short label (checks)`);
  for (const w of d.waivers ?? []) if (typeof w.reason !== 'string' || w.reason.trim().length < 12) problems.push(`waivers: step ${String(w.step)} needs a reason citing the clause`);
  return problems;
}
