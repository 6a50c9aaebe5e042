/**
 * SIGINT (Ctrl-C) and SIGTERM (CI cancel, `docker stop`) during a run (issue #12): the first
 * signal aborts the run through its AbortSignal — the current case ends inconclusive
 * ("interrupted"), the rest are listed `notRun`, every report is written with `partial: true` —
 * and the process exits 130 / 143 (128 + signal number, the shell convention). A second signal
 * does not wait for that: it flushes report.json synchronously and exits at once.
 */
import { ExitCode, HarnessError } from '../errors.js';
import type { CliIo } from './io.js';

export type RunStopSignal = 'SIGINT' | 'SIGTERM';

/** The part of `process` this module uses, so a test can drive it without real signals. */
export interface SignalSource {
  on(event: RunStopSignal, listener: () => void): unknown;
  off(event: RunStopSignal, listener: () => void): unknown;
}

export interface RunSignals {
  /** Aborted by the first signal (or by `external`). */
  readonly signal: AbortSignal;
  /** 130 after SIGINT or an external abort, 143 after SIGTERM; undefined while none came. */
  readonly exitCode: number | undefined;
  dispose(): void;
}

export const exitCodeForSignal: Record<RunStopSignal, number> = { SIGINT: ExitCode.interrupted, SIGTERM: ExitCode.terminated };

interface ActiveRun {
  first(name: RunStopSignal): void;
  force(): void;
}

/**
 * One listener pair per signal source, shared by every run in the process (the demo runs four at
 * once): the second signal must flush every run's report before the one exit.
 */
interface Registry {
  runs: Set<ActiveRun>;
  received: RunStopSignal | undefined;
  count: number;
  listeners: Record<RunStopSignal, () => void>;
}
const registries = new WeakMap<SignalSource, Registry>();

function registryOf(source: SignalSource, io: CliIo, exit: (code: number) => void): Registry {
  let registry = registries.get(source);
  if (registry) return registry;
  const on = (name: RunStopSignal): void => {
    const r = registries.get(source);
    if (!r) return;
    r.count += 1;
    if (r.count === 1) {
      r.received = name;
      io.err(`${name}: finishing the current case and writing a partial report (send it again to stop at once)`);
      for (const run of [...r.runs]) run.first(name);
      return;
    }
    if (r.count > 2) return;
    io.err(`${name} again: writing report.json and exiting now`);
    for (const run of [...r.runs]) {
      try {
        run.force();
      } catch (err) {
        io.err(`could not write the report: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    exit(exitCodeForSignal[r.received ?? name]);
  };
  registry = { runs: new Set(), received: undefined, count: 0, listeners: { SIGINT: () => on('SIGINT'), SIGTERM: () => on('SIGTERM') } };
  registries.set(source, registry);
  source.on('SIGINT', registry.listeners.SIGINT);
  source.on('SIGTERM', registry.listeners.SIGTERM);
  return registry;
}

function release(source: SignalSource, registry: Registry, run: ActiveRun): void {
  registry.runs.delete(run);
  if (registry.runs.size > 0) return;
  source.off('SIGINT', registry.listeners.SIGINT);
  source.off('SIGTERM', registry.listeners.SIGTERM);
  registries.delete(source);
}

export function handleRunSignals(options: {
  io: CliIo;
  /** Called synchronously on the second signal, before the exit: write what is known. */
  onForce: () => void;
  /** An abort from the embedding code (tests, the demo) counts as a SIGINT for this run. */
  external?: AbortSignal;
  source?: SignalSource;
  exit?: (code: number) => void;
}): RunSignals {
  const source: SignalSource = options.source ?? process;
  const registry = registryOf(source, options.io, options.exit ?? ((code: number) => process.exit(code)));
  const controller = new AbortController();
  let code: number | undefined;
  const run: ActiveRun = {
    first(name) {
      if (code !== undefined) return;
      code = exitCodeForSignal[name];
      controller.abort(new HarnessError('E_ABORTED', `interrupted by ${name}`));
    },
    force: options.onForce,
  };
  registry.runs.add(run);
  const onExternal = (): void => run.first('SIGINT');
  if (options.external?.aborted) onExternal();
  else options.external?.addEventListener('abort', onExternal, { once: true });

  return {
    signal: controller.signal,
    get exitCode() {
      return code;
    },
    dispose() {
      release(source, registry, run);
      options.external?.removeEventListener('abort', onExternal);
    },
  };
}
