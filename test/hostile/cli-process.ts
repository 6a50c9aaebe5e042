/**
 * The real CLI as a child process, for the hostile-input tests: spawn, watch stdout, signal it,
 * and read what it left in its report folder. Every temp folder made here is removed by `cleanup`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = join(repoRoot, 'bin', 'ocpp-conform.js');
export const fixtureCases = join(repoRoot, 'test', 'integration', 'fixtures', 'testcases');
export const compiledFixtureCases = fileURLToPath(new URL('../integration/fixtures/testcases', import.meta.url));

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  /** Exit code, or the signal name when the process died by a signal. */
  exit: Promise<number | string | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const l of [...listeners]) l();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exit = new Promise<number | string | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    out: () => out,
    err: () => err,
    exit,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = pattern.exec(out);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(pattern)}; stdout: ${out}; stderr: ${err}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

/** Temp folders for one test file; `cleanup()` in an after hook removes them all. */
export function tempDirs(): { make(prefix?: string): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make(prefix = 'ocpp-hostile-') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

export interface ReportJson {
  partial: boolean;
  interrupted: boolean;
  dut: Record<string, string>;
  tests: Array<{ id: string; verdict: string; message?: string; findings: Array<{ code: string; layer: string; severity: string; message: string }>; trace: Array<{ text: string }> }>;
  summary: { total: number; byVerdict: Record<string, number> };
}

export function readReport(dir: string): ReportJson {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as ReportJson;
}
