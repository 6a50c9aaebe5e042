/**
 * Runs selected test cases sequentially against one DUT: applicability from the PICS, reusable
 * states, per-case timeout, carry on after failures, bring the DUT back to the general
 * preconditions after each case (2.0.1 Part 6 §2.1 / §3.1) or mark the next case inconclusive,
 * and stop cleanly on interrupt leaving every finished result in place.
 */
import { isoWall, type Clock } from '../clock.js';
import type { Finding } from '../protocol/findings.js';
import { CallOrigins } from './call-origins.js';
import { CaseContext, type WaitInfo } from './context.js';
import { LostDut } from './dut-lost.js';
import type { StepRecord, TestContext } from './context-types.js';
import type { ConfiguredValues } from './configured-values.js';
import type { TestCase } from './define.js';
import type { DutAdapter } from './dut-adapter.js';
import type { JournalEntry } from './journal.js';
import type { DutLink } from './link.js';
import { evaluate, type Applicability, type Pics } from './pics-condition.js';
import type { Reporter } from './reporter.js';
import { breachFinding, checkGeneralRules } from './rules/index.js';
import { summarise, type CaseResult, type RunFinding, type RunInfo, type RunResult, type TraceEvent, type TraceFrame } from './run-model.js';
import { citeTrace } from './evidence.js';
import { preconditionOf } from './precondition.js';
import type { StateRegistry } from './states.js';
import { isVerdictSignal, worst, type Verdict } from './verdict.js';
import type { Pki } from '../protocol/pki.js';

export interface RunOptions {
  cases: readonly TestCase[];
  link: DutLink;
  adapter: DutAdapter;
  config: ConfiguredValues;
  pics: Pics;
  clock: Clock;
  signal: AbortSignal;
  states: StateRegistry;
  pki?: Pki;
  reporter: Reporter;
  info: RunInfo;
  /** What the running case (or its restore) waits for, for live progress. */
  onWait?: (caseId: string, wait: WaitInfo) => void;
  /** Bring the DUT back to the general preconditions after a case; throw to say it could not. */
  restore?: (ctx: TestContext) => Promise<void>;
  /** The wire log as the runner needs it for each case's trace (frames only, secrets redacted). */
  frames?: {
    lastSeq(): number;
    since(afterSeq: number): Array<(Omit<TraceFrame, 'relMs'> | Omit<TraceEvent, 'relMs'>) & { monoMs: number }>;
  };
}

/**
 * Whether a case applies to a DUT: mandatory cases of a claimed profile run; conditional ones when
 * their PICS condition holds; everything else is notApplicable with the reason.
 */
export function applicabilityOf(tc: TestCase, pics: Pics): Applicability {
  // A robustness case has no certification profile (issue #16): its PICS condition alone decides.
  if (tc.robustness !== undefined) return tc.applies ? evaluate(tc.applies, pics) : { applies: true, reason: 'robustness case (beyond the official catalogue): runs whenever selected' };
  if (pics.claimAll) {
    const cond = tc.applies ? evaluate(tc.applies, pics) : undefined;
    if (cond && !cond.applies && Object.keys(pics.items).length > 0) return cond;
    return { applies: true, reason: 'no PICS given: every selected case runs' };
  }
  const claimed = new Set(pics.certificationProfiles ?? []);
  const entries = tc.certification.filter((c) => claimed.has(c.profile));
  if (entries.length === 0) {
    const profiles = tc.certification.map((c) => c.profile).join(', ') || 'none (not in Part 5)';
    return { applies: false, reason: `certification profile not claimed (case belongs to: ${profiles})` };
  }
  if (entries.some((c) => c.need === 'M') && !tc.applies) return { applies: true, reason: `mandatory for ${entries.map((e) => e.profile).join(', ')}` };
  const cond = evaluate(tc.applies, pics);
  return cond.applies ? { applies: true, reason: `conditional: ${cond.reason}` } : cond;
}

export async function runCases(options: RunOptions): Promise<RunResult> {
  const { cases, link, clock, reporter } = options;
  const run: RunResult = { ...options.info, partial: true, interrupted: false, tests: [], summary: summarise([]) };
  // Late replies and cleanup findings, attributed to the CALL's sender (call-origins.ts).
  const attribution = { origins: new CallOrigins(), found: [] as RunFinding[] };
  const lost = new LostDut();
  await reporter.onRunBegin?.(options.info, cases.length);
  let carriedProblem: string | undefined;

  for (const [index, tc] of cases.entries()) {
    if (options.signal.aborted) {
      run.interrupted = true;
      // Issue #12: every selected case is in the report; the ones never started say so.
      for (const rest of cases.slice(index)) run.tests.push(notRunResult(rest, options.pics, clock));
      break;
    }
    await reporter.onCaseBegin?.({ id: tc.id, title: tc.title, index, total: cases.length });
    // A DUT lost in an earlier case: one power cycle, then quick inconclusive verdicts (dut-lost.ts).
    const gone = applicabilityOf(tc, options.pics).applies
      ? await lost.beforeCase(tc.id, link, options.adapter, { stationId: options.config.stationId, version: tc.version }, clock, options.signal)
      : undefined;
    const result = await runOne(tc, options, gone ?? carriedProblem, attribution, gone !== undefined);
    // A DUT that could not be brought back stays so until a restore succeeds (issue #11): carried on.
    carriedProblem = result.problem === undefined || result.problem.includes('(cleanup after ') ? result.problem : `${result.problem} (cleanup after ${tc.id})`;
    lost.afterCase(result.result, link);
    if (attribution.found.length > 0) run.runFindings = [...attribution.found];
    run.tests.push(result.result);
    run.summary = summarise(run.tests);
    await reporter.onCaseEnd?.(result.result, run);
    if (options.signal.aborted) run.interrupted = true;
  }
  // An interrupted run is a partial report (README: `partial: true`), whatever finished.
  run.partial = run.interrupted;
  run.endedAt = isoWall(clock.wallMs());
  run.summary = summarise(run.tests);
  await reporter.onRunEnd?.(run);
  void link;
  return run;
}

/**
 * The run as far as it got, for a forced exit (a second Ctrl-C / SIGTERM) that cannot wait for
 * the case in progress: finished cases as they are, the one in progress inconclusive, the rest
 * `notRun`; partial and interrupted.
 */
export function interruptedSnapshot(info: RunInfo, done: readonly CaseResult[], cases: readonly TestCase[], pics: Pics, clock: Clock): RunResult {
  const tests = [...done];
  const rest = cases.slice(done.length).map((tc) => notRunResult(tc, pics, clock));
  const current = rest[0];
  if (current && current.applicability.applies) Object.assign(current, { verdict: 'inconclusive', message: 'the run was interrupted (forced exit during this case)' });
  tests.push(...rest);
  return { ...info, partial: true, interrupted: true, endedAt: isoWall(clock.wallMs()), tests, summary: summarise(tests) };
}

/** "at +1.234 s (code 1006)" when the last connection event of the case is a close with no reconnect after it. */
function lostConnection(entries: readonly JournalEntry[], startedMono: number): string | undefined {
  let last: JournalEntry | undefined;
  for (const e of entries) if (e.kind === 'connected' || e.kind === 'disconnected') last = e;
  if (last?.kind !== 'disconnected') return undefined;
  const reason = last.reason ? `, ${last.reason}` : '';
  return `at +${((last.monoMs - startedMono) / 1000).toFixed(3)} s into the case (WebSocket close code ${last.code}${reason})`;
}

/** The restore once more before a case the previous restore failed for; the first cause again when it still fails. */
async function retryRestore(options: RunOptions, tc: TestCase, carried: string): Promise<string | undefined> {
  if (!options.restore || options.signal.aborted) return carried;
  const ctx = new CaseContext({ id: tc.id, version: tc.version, sut: tc.sut, link: options.link, adapter: options.adapter, config: options.config, pics: options.pics, clock: options.clock, signal: options.signal, states: options.states, ...(options.pki ? { pki: options.pki } : {}) });
  try {
    options.link.responders.clearOverrides();
    await options.restore(ctx);
    return undefined;
  } catch {
    return carried;
  }
}

function notRunResult(tc: TestCase, pics: Pics, clock: Clock): CaseResult {
  return {
    id: tc.id,
    title: tc.title,
    block: tc.block,
    version: tc.version,
    sut: tc.sut,
    certification: [...tc.certification],
    applicability: applicabilityOf(tc, pics),
    verdict: 'notRun',
    message: 'not run: the run was interrupted before this case began',
    startedAt: isoWall(clock.wallMs()),
    durationMs: 0,
    steps: [],
    findings: [],
    warnings: [],
    trace: [],
  };
}

async function runOne(
  tc: TestCase,
  options: RunOptions,
  carried: string | undefined,
  attribution: { origins: CallOrigins; found: RunFinding[] },
  dutGone = false,
): Promise<{ result: CaseResult; problem: string | undefined }> {
  const { clock, link } = options;
  const applicability = applicabilityOf(tc, options.pics);
  const startedAt = isoWall(clock.wallMs());
  const started = clock.monoMs();
  const lastSeqBefore = options.frames?.lastSeq() ?? 0;
  const base = {
    id: tc.id,
    title: tc.title,
    block: tc.block,
    version: tc.version,
    sut: tc.sut,
    certification: [...tc.certification],
    ...(tc.useCases ? { useCases: [...tc.useCases] } : {}),
    ...(tc.requirements ? { requirements: [...tc.requirements] } : {}),
    ...(tc.robustness ? { robustness: { ...tc.robustness } } : {}),
    ...(tc.validationSummary ? { validations: { ...tc.validationSummary } } : {}),
    applicability,
    startedAt,
    findings: [] as Finding[],
    warnings: [] as string[],
    trace: [] as TraceFrame[],
  };
  if (!applicability.applies) {
    return { result: { ...base, verdict: 'notApplicable', message: applicability.reason, durationMs: 0, steps: [] }, problem: carried };
  }
  if (tc.securityProfiles !== undefined && !tc.securityProfiles.includes(options.config.securityProfile)) {
    const wanted = tc.securityProfiles.join(' or ');
    return { result: { ...base, verdict: 'inconclusive', message: `the case's prerequisite is a connection with security profile ${wanted}; this run uses security profile ${options.config.securityProfile} (--security-profile)`, durationMs: 0, steps: [] }, problem: carried };
  }
  if (carried && dutGone) return { result: { ...base, verdict: 'inconclusive', message: carried, durationMs: 0, steps: [] }, problem: undefined };
  if (carried) {
    // Try the restore again: a DUT that came back runs the case; one still off keeps the cause for the next.
    const still = await retryRestore(options, tc, carried);
    if (still !== undefined) {
      return { result: { ...base, verdict: 'inconclusive', message: `the DUT could not be brought back to the general preconditions after an earlier case: ${still}`, durationMs: 0, steps: [] }, problem: still };
    }
  }

  link.responders.clearOverrides();
  const caseAbort = new AbortController();
  const onRunAbort = (): void => caseAbort.abort(options.signal.reason);
  options.signal.addEventListener('abort', onRunAbort, { once: true });
  const timeoutMs = tc.timeoutMs ?? options.config.caseTimeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    caseAbort.abort(new Error('case timeout'));
  }, timeoutMs);

  const contextFor = (signal: AbortSignal, onStepEnd?: (step: StepRecord) => void, journalFrom?: number): CaseContext =>
    new CaseContext({
      id: tc.id,
      version: tc.version,
      sut: tc.sut,
      link,
      adapter: options.adapter,
      config: options.config,
      pics: options.pics,
      clock,
      signal,
      states: options.states,
      ...(options.pki ? { pki: options.pki } : {}),
      ...(onStepEnd ? { onStepEnd } : {}),
      ...(options.onWait ? { onWait: (wait: WaitInfo) => options.onWait?.(tc.id, wait) } : {}),
      ...(journalFrom === undefined ? {} : { journalFrom }),
    });
  const ctx = contextFor(caseAbort.signal, (step) => void options.reporter.onStepEnd?.(tc.id, step));
  attribution.origins.mark(ctx.startIndex, tc.id, false);

  let verdict: Verdict = 'pass';
  let message: string | undefined;
  try {
    for (const state of tc.states ?? []) await ctx.state(state);
    await tc.run(ctx);
  } catch (err) {
    if (timedOut) {
      verdict = 'inconclusive';
      message = `the case did not finish within its timeout of ${Math.round(timeoutMs / 1000)} s`;
    } else if (options.signal.aborted) {
      verdict = 'inconclusive';
      message = 'the run was interrupted';
    } else if (isVerdictSignal(err)) {
      verdict = err.verdict;
      message = err.message;
    } else {
      verdict = 'error';
      message = `harness error: ${err instanceof Error ? err.message : String(err)}`;
    }
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onRunAbort);
    link.refuseConnections?.(false);
    // The second endpoint (TC_B_45…50_CS) lives only as long as the case that opened it.
    await link.closeSecondEndpoint?.().catch(() => undefined);
  }

  // Every frame the DUT sent during the case was judged; schema/format errors fail the case.
  const caseEntries = link.journal.entries(ctx.startIndex);
  // A late reply to a CALL an earlier case (or its cleanup) sent is not this case's doing.
  const inbound = caseEntries.flatMap((e) => (e.kind === 'finding' && e.finding.direction !== 'out' ? [e.finding] : []));
  const { own: findings, elsewhere } = attribution.origins.split(link.journal.entries(0), ctx.startIndex, inbound);
  attribution.found.push(...elsewhere);
  const warnings: string[] = [];
  for (const e of caseEntries) {
    if (e.kind !== 'finding') continue;
    if (e.finding.direction === 'out') warnings.push(`harness frame: ${e.finding.message}`);
    else if (e.finding.severity === 'warning' && findings.includes(e.finding)) warnings.push(`${e.finding.layer}: ${e.finding.message}`);
  }
  for (const step of ctx.steps) {
    for (const check of step.checks) if (!check.ok && check.severity === 'warning') warnings.push(`${check.description}: ${check.actual}`);
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && (verdict === 'pass' || verdict === 'inconclusive')) {
    const first = errors[0];
    verdict = worst(verdict, 'fail');
    message = `${errors.length} invalid message${errors.length > 1 ? 's' : ''} from the DUT; first: [${first?.layer}] ${first?.action ?? ''} ${first?.message ?? ''}`.replace(/\s+/g, ' ');
  }

  // DESIGN.md "a verdict names its cause": a DUT that vanished mid-case is why nothing came.
  const lost = lostConnection(link.journal.entries(ctx.startIndex), started);
  if (lost && verdict !== 'pass' && verdict !== 'notApplicable' && !(message ?? '').includes('connection')) {
    message = `${message ?? verdict}; the DUT's connection was lost ${lost}`;
  }

  let problem: string | undefined;
  const caseEnd = link.journal.length;
  if (options.restore && !options.signal.aborted) {
    const restoreAbort = new AbortController();
    const onAbort = (): void => restoreAbort.abort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    // The restore sees the case's frames too (journal()), to undo what the case changed.
    const restoreCtx = contextFor(restoreAbort.signal, undefined, ctx.startIndex);
    const cleanupFrom = link.journal.length;
    attribution.origins.mark(cleanupFrom, tc.id, true);
    try {
      link.responders.clearOverrides();
      await options.restore(restoreCtx);
    } catch (err) {
      problem = err instanceof Error ? err.message : String(err);
    } finally {
      options.signal.removeEventListener('abort', onAbort);
      // What the DUT did wrong while no case ran is recorded, at the run level.
      attribution.found.push(...attribution.origins.duringCleanup(link.journal.entries(0), cleanupFrom, tc.id));
    }
  }

  // The document's general rules, after every case and its restore (a queued message may arrive
  // only then; issue #10): each breach is a finding with its frames and fails a passing case.
  if (verdict !== 'error') {
    const breaches = checkGeneralRules({ version: tc.version, sut: tc.sut, entries: link.journal.entries(0), caseStart: ctx.startIndex, caseEnd, ...(tc.generalRules ? { waive: tc.generalRules.waive } : {}) });
    findings.push(...breaches.map(breachFinding));
    // A SHOULD of the document (severity warning) is reported, and fails nothing by itself.
    const failing = breaches.filter((b) => b.severity !== 'warning');
    const first = failing[0];
    if (first && (verdict === 'pass' || verdict === 'inconclusive')) {
      verdict = 'fail';
      message = `${failing.length} breach${failing.length > 1 ? 'es' : ''} of the general rules; first: ${breachFinding(first).message}`;
    }
  }

  const rel = (monoMs: number): number => Math.round((monoMs - started) * 1000) / 1000;
  const trace: TraceFrame[] = [];
  const events: TraceEvent[] = [];
  for (const { monoMs, ...e } of options.frames?.since(lastSeqBefore) ?? []) {
    if ('event' in e) events.push({ ...e, relMs: rel(monoMs) });
    else trace.push({ ...e, relMs: rel(monoMs) });
  }
  citeTrace(ctx.steps, trace);
  const result: CaseResult = {
    ...base,
    trace,
    ...(events.length > 0 ? { events } : {}),
    verdict,
    ...preconditionField(ctx.steps, verdict),
    ...(message === undefined ? {} : { message }),
    durationMs: clock.monoMs() - started,
    steps: ctx.steps,
    findings,
    warnings,
  };
  return { result, problem };
}

function preconditionField(steps: Parameters<typeof preconditionOf>[0], verdict: Verdict): { precondition?: string } {
  const precondition = preconditionOf(steps, verdict);
  return precondition === undefined ? {} : { precondition };
}
