/**
 * The exec adapter: each DUT action runs the user's command under `sh -c`, with the action in
 * environment variables. Exit 0 is done (the last stdout line is the detail); anything else is
 * not done, in words. The command runs in its own process group so a timeout or an abort kills
 * it and everything it started; `perform` always settles, even when a background child keeps
 * the output pipes open.
 *
 * The command text never appears in a reason: it may carry credentials (curl -u …).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dutActionTimeoutMs, killGraceMs } from '../constants.js';
import { fmtMs } from '../engine/context.js';
import type { DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';
import { HarnessError } from '../errors.js';

export interface ExecAdapterOptions {
  /** Shell command, run as `sh -c <command>`. */
  command: string;
  timeoutMs?: number;
  /** After SIGTERM, how long before SIGKILL. */
  killGraceMs?: number;
  cwd?: string;
  /** Base environment; defaults to the harness's own. */
  env?: NodeJS.ProcessEnv;
  /** Shell binary; defaults to /bin/sh. */
  shell?: string;
}

/** Prefix of every variable the harness sets for the command. */
export const execEnvPrefix = 'OCPP_CONFORM_';
/** Output kept per stream: enough for the last lines, bounded for chatty commands. */
const outputTailBytes = 64 * 1024;
/** After the command exits, how long we wait for its pipes to close (a background child may hold them). */
const pipeCloseGraceMs = 500;
/** Longest line quoted in a reason or detail. */
const maxQuotedChars = 500;

/** `evseId` → `OCPP_CONFORM_PARAM_EVSE_ID`; undefined when the name has no usable characters. */
export function paramEnvName(name: string): string | undefined {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return snake ? `${execEnvPrefix}PARAM_${snake}` : undefined;
}

/** The variables one action sets for the command. */
export function execEnvironment(request: DutActionRequest): Record<string, string> {
  const env: Record<string, string> = {
    [`${execEnvPrefix}ACTION`]: request.action,
    [`${execEnvPrefix}PARAMS`]: JSON.stringify(request.params),
    [`${execEnvPrefix}INSTRUCTION`]: request.instruction,
    [`${execEnvPrefix}TESTCASE`]: request.testCaseId,
    [`${execEnvPrefix}STATION_ID`]: request.stationId,
    [`${execEnvPrefix}OCPP_VERSION`]: request.version,
  };
  for (const [key, value] of Object.entries(request.params)) {
    const name = paramEnvName(key);
    if (name === undefined || value === undefined) continue;
    env[name] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return env;
}

export class ExecAdapter implements DutAdapter {
  readonly kind = 'exec';
  private readonly command: string;
  private readonly timeoutMs: number;
  private readonly killGraceMs: number;
  private readonly cwd: string | undefined;
  private readonly env: NodeJS.ProcessEnv;
  private readonly shell: string;
  private readonly running = new Set<ChildProcess>();

  constructor(options: ExecAdapterOptions) {
    if (!options.command.trim()) {
      throw new HarnessError('E_DUT_ADAPTER', 'the exec adapter needs a command', { hint: 'write exec:<command>, e.g. exec:./dut-action.sh' });
    }
    this.command = options.command;
    this.timeoutMs = options.timeoutMs ?? dutActionTimeoutMs;
    this.killGraceMs = options.killGraceMs ?? killGraceMs;
    this.cwd = options.cwd;
    this.env = options.env ?? process.env;
    this.shell = options.shell ?? '/bin/sh';
  }

  perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (signal.aborted) return Promise.resolve(notDone('aborted before the command started'));
    return new Promise((resolve) => {
      const stdout = new Tail();
      const stderr = new Tail();
      let settled = false;
      let stopping: 'timeout' | 'abort' | undefined;
      let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      const timers: NodeJS.Timeout[] = [];

      // detached: the command leads a new process group (setsid), so one kill reaches its children
      // and it cannot read the operator's terminal.
      const child = spawn(this.shell, ['-c', this.command], {
        cwd: this.cwd,
        env: { ...this.env, ...execEnvironment(request) },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.running.add(child);
      child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

      const finish = (result: DutActionResult): void => {
        if (settled) return;
        settled = true;
        for (const timer of timers) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.running.delete(child);
        child.stdout?.destroy();
        child.stderr?.destroy();
        resolve(result);
      };

      const resultOfExit = (): DutActionResult => {
        if (stopping === 'timeout') return notDone(`the command did not finish within ${fmtMs(this.timeoutMs)} (its process group was killed)`);
        if (stopping === 'abort') return notDone("aborted while the command ran (its process group was killed)");
        if (exit?.code === 0) {
          const detail = stdout.lastLine();
          return detail ? { done: true, detail } : { done: true };
        }
        const said = stderr.lastLine();
        const how = exit?.code !== null && exit?.code !== undefined ? `exited with code ${exit.code}` : `was killed by ${exit?.signal ?? 'a signal'}`;
        return notDone(`the command ${how}${said ? `: ${said}` : ''}`);
      };

      const stop = (why: 'timeout' | 'abort'): void => {
        if (settled || stopping) return;
        stopping = why;
        killGroup(child, 'SIGTERM');
        // SIGKILL whatever ignored SIGTERM, even after we answer (unref: it must not hold the loop).
        setTimeout(() => killGroup(child, 'SIGKILL'), this.killGraceMs).unref();
        // Never hang: answer once the group has had its grace, whatever the pipes do.
        timers.push(setTimeout(() => finish(resultOfExit()), this.killGraceMs + pipeCloseGraceMs));
      };
      const onAbort = (): void => stop('abort');
      signal.addEventListener('abort', onAbort, { once: true });
      timers.push(setTimeout(() => stop('timeout'), this.timeoutMs));

      child.on('error', (err) => finish(notDone(`could not start the command with ${this.shell}: ${err.message}`)));
      child.on('exit', (code, sig) => {
        exit = { code, signal: sig };
        // 'close' waits for the pipes; a background child of the command may keep them open.
        timers.push(setTimeout(() => finish(resultOfExit()), pipeCloseGraceMs));
      });
      child.on('close', () => {
        if (exit) finish(resultOfExit());
      });
    });
  }

  /** Kill every command still running (SIGKILL to each process group). */
  async close(): Promise<void> {
    for (const child of this.running) killGroup(child, 'SIGKILL');
    this.running.clear();
  }
}

function killGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** The last `outputTailBytes` of a stream. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > outputTailBytes && this.chunks.length > 1) {
      const dropped = this.chunks.shift();
      this.size -= dropped?.length ?? 0;
    }
  }

  lastLine(): string | undefined {
    const lines = Buffer.concat(this.chunks).toString('utf8').split(/\r?\n/);
    const line = lines.map((l) => l.trim()).filter(Boolean).at(-1);
    if (line === undefined) return undefined;
    return line.length > maxQuotedChars ? `${line.slice(0, maxQuotedChars)}…` : line;
  }
}

function notDone(reason: string): DutActionResult {
  return { done: false, reason };
}
