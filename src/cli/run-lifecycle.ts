/**
 * One prepared run from start to exit code, shared by `run` and `demo`: the engine runs it
 * (engine/start-run.ts) while the CLI listens for SIGINT / SIGTERM, follows it in the live UI and
 * the diagnostic log, prints where the harness listens or dials, then writes every report and
 * turns the run model into the exit code.
 */
import { provisioningLines } from './token-provisioning.js';
import * as path from 'node:path';
import { systemClock } from '../clock.js';
import { ExitCode, HarnessError, isHarnessError } from '../errors.js';
import type { DutAdapter } from '../engine/dut-adapter.js';
import type { CaseResult, RunInfo, RunResult } from '../engine/run-model.js';
import { logRun } from '../engine/run-log.js';
import { interruptedSnapshot } from '../engine/runner.js';
import { startRun, type RunHandle, type StartRunOptions } from '../engine/start-run.js';
import type { Logger } from '../log.js';
import type { WireLogFile } from '../transport/wire-log-file.js';
import type { CliIo } from './io.js';
import type { LiveUi } from './live-ui.js';
import type { CreatedReporters } from './reporters.js';
import type { Progress } from './progress.js';
import { handleRunSignals } from './signals.js';

/** What `run` and `demo` hand to the engine, and what they need afterwards to write the reports. */
export interface PreparedRun {
  start: StartRunOptions;
  output: CreatedReporters;
  reportDir: string;
  adapter: DutAdapter;
  /** wire.jsonl, written frame by frame while the run goes (issue #12: bounded memory). */
  wireFile: WireLogFile;
  /** The live web page, when `--ui` was given. */
  ui?: LiveUi;
  /** `--report-dir` was given as an absolute path: report paths are printed absolute too. */
  absolutePaths?: boolean;
  /** Live progress on the console (run: with the console reporter). */
  progress?: Progress;
  /** `--max-failures`: stop after this many cases did not pass. */
  maxFailures?: number;
  /** `--pass-with-no-cases`: a run in which no selected case applied exits 0. */
  passWithNoCases?: boolean;
}

export interface ExecuteHooks {
  logger?: Logger;
  /** Called once the harness listens (SUT = cs), e.g. so a test can start its station. */
  onListening?: (url: string) => void;
  onHandle?: (handle: RunHandle) => void;
  onResult?: (run: RunResult) => void;
  /** An abort from the embedding code (tests, the demo) counts as a SIGINT for this run. */
  signal?: AbortSignal;
}

export async function executeRun(prepared: PreparedRun, plainIo: CliIo, hooks: ExecuteHooks = {}): Promise<number> {
  // Everything printed during the run goes through the progress line's io, which clears it first.
  const io = prepared.progress?.io ?? plainIo;
  // SIGINT / SIGTERM: the first ends the current case and writes a partial report; a second one
  // writes report.json from what is known at once and exits (src/cli/signals.ts).
  const progress: { info?: RunInfo; done: CaseResult[]; notPassed: number; stoppedEarly: boolean } = { done: [], notPassed: 0, stoppedEarly: false };
  const signals = handleRunSignals({
    io,
    ...(hooks.signal ? { external: hooks.signal } : {}),
    onForce: () => {
      if (progress.info) prepared.output.flushSync(interruptedSnapshot(progress.info, progress.done, prepared.start.cases, prepared.start.pics, systemClock));
    },
  });
  try {
    const handle = startRun({
      ...prepared.start,
      signal: signals.signal,
      reporters: [
        {
          onRunBegin: (info) => void (progress.info = info),
          onCaseEnd: (result) => {
            progress.done.push(result);
            if (result.verdict === 'fail' || result.verdict === 'inconclusive' || result.verdict === 'error') progress.notPassed += 1;
            if (prepared.maxFailures !== undefined && progress.notPassed === prepared.maxFailures && !progress.stoppedEarly) {
              progress.stoppedEarly = true;
              io.err(`--max-failures ${prepared.maxFailures}: ${progress.notPassed} case${progress.notPassed === 1 ? '' : 's'} did not pass; the rest are not run`);
              handle.abort(new HarnessError('E_ABORTED', `stopped after ${progress.notPassed} cases did not pass (--max-failures)`));
            }
          },
        },
        ...(prepared.start.reporters ?? []),
      ],
    });
    prepared.ui?.follow(handle.wireLog);
    prepared.progress?.follow(handle);
    if (hooks.logger) logRun(handle, hooks.logger);
    announceRun(handle, prepared.start, io, hooks.onListening);
    hooks.onHandle?.(handle);
    const run = await finishRun(prepared, handle, io, hooks.onResult);
    // Stopped by --max-failures: the run failed, it was not interrupted by anybody.
    if (progress.stoppedEarly && signals.exitCode === undefined) return ExitCode.failed;
    // The DUT could not be reached at all: say why (HTTP status, TLS error, refused port), exit 3.
    const stop = handle.stopReason;
    if (signals.exitCode === undefined && isHarnessError(stop) && stop.code === 'E_TRANSPORT') {
      io.err(`ocpp-conform: cannot run against the DUT: ${stop.message}${stop.hint ? `\n  fix: ${stop.hint}` : ''}`);
      return ExitCode.harness;
    }
    if (run.interrupted) return signals.exitCode ?? ExitCode.interrupted;
    if (run.tests.length > 0 && run.tests.every((t) => !t.applicability.applies)) {
      if (prepared.passWithNoCases) return ExitCode.ok;
      io.err(`no selected case applies to this DUT (all ${run.tests.length} were not applicable by the PICS): nothing was tested; pass --pass-with-no-cases to accept that`);
      return ExitCode.failed;
    }
    return exitCodeFor(run);
  } finally {
    signals.dispose();
    prepared.progress?.stop();
    prepared.wireFile.close();
    await prepared.adapter.close?.();
    await prepared.ui?.close();
  }
}

/** The lines `run` has always printed once the harness listens (SUT = cs) or is about to dial (SUT = csms). */
export function announceRun(handle: RunHandle, start: StartRunOptions, io: CliIo, onListening?: (url: string) => void): void {
  handle.on('ready', ({ sut, url }) => {
    if (sut === 'cs') {
      io.out(`harness (CSMS, OCPP ${start.version}) listening: connect station ${start.config.stationId} to ${url}`);
      onListening?.(url);
    } else {
      io.out(`harness (station ${start.config.stationId}, OCPP ${start.version}) will dial ${url}`);
      for (const line of provisioningLines(start.config, start.version)) io.out(line);
    }
  });
}

/** Wait for the run, write every report file, print where they are. */
async function finishRun(prepared: PreparedRun, handle: RunHandle, io: CliIo, onResult?: (run: RunResult) => void): Promise<RunResult> {
  const { output, reportDir } = prepared;
  const run = await handle.result;
  const written = await output.finish(run);
  prepared.wireFile.close();
  for (const f of handle.reporterFailures) io.err(`reporter ${f.reporter} failed in ${f.hook}: ${f.error}`);
  // A folder given as an absolute path is shown as one; a relative one relative to where we are.
  const show = (f: string): string => (prepared.absolutePaths ? f : path.relative(io.cwd, f) || f);
  const shown = written.filter((f) => !f.includes(`${path.sep}traces${path.sep}`)).map(show);
  if (written.length > shown.length) shown.push(`${show(path.join(reportDir, 'traces'))}/ (${written.length - shown.length} files)`);
  io.out(`report: ${shown.join(', ')}`);
  onResult?.(run);
  return run;
}

export function exitCodeFor(run: RunResult): number {
  if (run.interrupted) return ExitCode.interrupted;
  const v = run.summary.byVerdict;
  if (v.error > 0) return ExitCode.harness;
  if (v.fail > 0 || v.inconclusive > 0) return ExitCode.failed;
  return ExitCode.ok;
}
