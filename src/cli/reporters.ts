/**
 * The reporters a run writes, by name (`--reporter console json junit html traces`, default all),
 * shared by `run` and `demo`. During the run: console lines, report.json, junit.xml and the case's
 * trace after every case (a crash or Ctrl-C leaves valid partial files); `finish(run)` writes
 * the final versions of every file format, report.html included, and says which files it wrote.
 */
import * as path from 'node:path';
import { HarnessError } from '../errors.js';
import type { Reporter } from '../engine/reporter.js';
import type { CaseResult, RunResult } from '../engine/run-model.js';
import { consoleReporter } from '../reporters/console.js';
import { renderHtml } from '../reporters/html.js';
import { writeFileAtomic, writeJsonReport, writeJsonReportSync } from '../reporters/json.js';
import { renderJunit } from '../reporters/junit.js';
import { writeTrace, writeTraces } from '../reporters/traces.js';
import type { CliIo } from './io.js';

export const reporterNames = ['console', 'json', 'junit', 'html', 'traces'] as const;
export type ReporterName = (typeof reporterNames)[number];

/** File names inside the report folder. */
export const reportFiles = { json: 'report.json', junit: 'junit.xml', html: 'report.html', traces: 'traces' } as const;

export interface CreateReportersOptions {
  reportDir: string;
  io: CliIo;
  /**
   * Removes known secrets from any string of the run model before a reporter sees it
   * (protocol/redact.ts `createSecretRedactor().scrub`): frames are masked by the wire log
   * already; this catches a secret echoed in a check's "actual" or a message.
   */
  scrub?: (text: string) => string;
}

export interface CreatedReporters {
  reporters: Reporter[];
  /** Write the final files for `run`; returns the paths written. */
  finish(run: RunResult): Promise<string[]>;
  /** report.json only, synchronously (a forced exit after a second signal); the path, or undefined without the json reporter. */
  flushSync(run: RunResult): string | undefined;
}

export function parseReporterNames(names: readonly string[]): ReporterName[] {
  const split = names.flatMap((n) => n.split(',')).map((n) => n.trim()).filter((n) => n !== '');
  if (split.length === 0) return [...reporterNames];
  const unknown = split.filter((n) => !(reporterNames as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new HarnessError('E_USAGE', `unknown reporter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}`, {
      hint: `choose from: ${reporterNames.join(', ')} (default: all)`,
    });
  }
  return [...new Set(split)] as ReporterName[];
}

function deepScrub<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => deepScrub(v, scrub)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepScrub(v, scrub)])) as T;
  }
  return value;
}

/** A view of the run with secrets scrubbed; finished cases are scrubbed once and reused. */
function scrubber(scrub: ((text: string) => string) | undefined): (run: RunResult) => RunResult {
  if (!scrub) return (run) => run;
  const cases = new WeakMap<CaseResult, CaseResult>();
  return (run) => {
    const { tests, ...rest } = run;
    const scrubbedTests = tests.map((t) => {
      let s = cases.get(t);
      if (!s) {
        s = deepScrub(t, scrub);
        cases.set(t, s);
      }
      return s;
    });
    return { ...deepScrub(rest, scrub), tests: scrubbedTests };
  };
}

export function createReporters(names: readonly string[], options: CreateReportersOptions): CreatedReporters {
  const chosen = new Set(parseReporterNames(names));
  const view = scrubber(options.scrub);
  const file = (name: keyof typeof reportFiles): string => path.join(options.reportDir, reportFiles[name]);
  const reporters: Reporter[] = [];

  if (chosen.has('console')) {
    const inner = consoleReporter(options.io);
    reporters.push({
      onRunBegin: (run, planned) => inner.onRunBegin?.(run, planned),
      onCaseEnd: (result, run) => {
        const r = view(run);
        return inner.onCaseEnd?.(r.tests[r.tests.length - 1] ?? result, r);
      },
      onRunEnd: (run) => inner.onRunEnd?.(view(run)),
    });
  }
  // During the run: the cheap formats after every case; report.html only in finish().
  const eachCase: Array<(result: CaseResult, run: RunResult) => Promise<void>> = [];
  if (chosen.has('json')) eachCase.push((_result, run) => writeJsonReport(file('json'), run));
  if (chosen.has('junit')) eachCase.push((_result, run) => writeFileAtomic(file('junit'), renderJunit(run)));
  if (chosen.has('traces')) eachCase.push(async (result) => void (await writeTrace(file('traces'), result)));
  if (eachCase.length > 0) {
    // A failed write after a case is said at once (issue #12: it used to be silent until the end).
    let reported = false;
    reporters.push({
      onCaseEnd: async (_result, run) => {
        const r = view(run);
        const last = r.tests[r.tests.length - 1];
        if (!last) return;
        for (const write of eachCase) {
          try {
            await write(last, r);
          } catch (err) {
            if (!reported) options.io.err(`report: writing after ${last.id} failed in ${options.reportDir}: ${messageOf(err)}`);
            reported = true;
          }
        }
      },
    });
  }

  return {
    reporters,
    flushSync(run) {
      if (!chosen.has('json')) return undefined;
      writeJsonReportSync(file('json'), view(run));
      return file('json');
    },
    async finish(run) {
      try {
        return await finishAll(run);
      } catch (err) {
        throw new HarnessError('E_REPORT_WRITE', `could not write the reports in ${options.reportDir}: ${messageOf(err)}`, { cause: err, hint: 'check that the folder still exists, is writable and the disk is not full' });
      }
    },
  };

  async function finishAll(run: RunResult): Promise<string[]> {
    const r = view(run);
    const written: string[] = [];
    if (chosen.has('json')) {
      await writeJsonReport(file('json'), r);
      written.push(file('json'));
    }
    if (chosen.has('junit')) {
      await writeFileAtomic(file('junit'), renderJunit(r));
      written.push(file('junit'));
    }
    if (chosen.has('html')) {
      await writeFileAtomic(file('html'), renderHtml(r));
      written.push(file('html'));
    }
    if (chosen.has('traces')) written.push(...(await writeTraces(file('traces'), r)));
    return written;
  }
}

function messageOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

