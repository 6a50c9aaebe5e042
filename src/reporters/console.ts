/**
 * Console progress: one line per case as it ends ("[3/12] fail  TC_B_01_CS  Cold Boot …"), the
 * reason under anything that did not pass, and a closing table per verdict and per certification
 * profile. Colour on a terminal unless NO_COLOR is set (https://no-color.org), and off a terminal
 * with FORCE_COLOR (GitHub Actions logs render it).
 */
import type { Reporter } from '../engine/reporter.js';
import type { RunResult } from '../engine/run-model.js';
import type { Verdict } from '../engine/verdict.js';
import { formatDuration, profileSummaries, verdictLabel, verdictOrder, verdictSentence } from './summary.js';

/** What the console reporter writes to: the CLI's CliIo fits. */
export interface ConsoleOutput {
  out(text: string): void;
  isTty: boolean;
  env: Record<string, string | undefined>;
}

const colourCodes: Record<Verdict, string> = { pass: '32', fail: '31', error: '35', inconclusive: '33', notApplicable: '2', skipped: '2', notRun: '2' };

/** NO_COLOR (any value) turns colour off; FORCE_COLOR (other than 0 / false) turns it on off a terminal too (CI logs that render ANSI). */
export function useColour(io: Pick<ConsoleOutput, 'isTty' | 'env'>): boolean {
  const force = io.env['FORCE_COLOR'];
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return io.isTty && io.env['TERM'] !== 'dumb';
}

export function consoleReporter(io: ConsoleOutput): Reporter {
  const colour = useColour(io);
  const paint = (verdict: Verdict, text: string): string => (colour ? `\u001b[${colourCodes[verdict]}m${text}\u001b[0m` : text);
  let planned = 0;

  return {
    onRunBegin: (_run, plannedCases) => {
      planned = plannedCases;
    },
    onCaseEnd: (result, run) => {
      const n = run.tests.length;
      const width = String(Math.max(planned, n)).length;
      const progress = `[${String(n).padStart(width)}/${Math.max(planned, n)}]`;
      const verdict = paint(result.verdict, verdictLabel[result.verdict].padEnd(14));
      const time = result.verdict === 'notApplicable' ? '' : `  (${formatDuration(result.durationMs)})`;
      const why = result.message && result.verdict !== 'pass' ? `\n      ${result.message}` : '';
      io.out(`${progress} ${verdict} ${result.id}  ${result.title}${time}${why}`);
    },
    onRunEnd: (run) => {
      io.out(summaryTable(run, paint));
    },
  };
}

/** The closing summary: counts per verdict, then per certification profile. */
export function summaryTable(run: RunResult, paint: (verdict: Verdict, text: string) => string = (_v, t) => t): string {
  const v = run.summary.byVerdict;
  const lines: string[] = ['', 'verdict           cases'];
  for (const verdict of verdictOrder) {
    if (v[verdict] === 0 && verdict !== 'pass' && verdict !== 'fail') continue;
    lines.push(`${paint(verdict, verdictLabel[verdict].padEnd(16))}  ${String(v[verdict]).padStart(5)}`);
  }
  lines.push(`${'total'.padEnd(16)}  ${String(run.summary.total).padStart(5)}`);
  const profiles = profileSummaries(run);
  if (profiles.length > 0) {
    lines.push('', 'certification profile');
    for (const p of profiles) lines.push(`  ${p.line}`);
  }
  const beyond = run.summary.beyondOfficial;
  if (beyond) lines.push('', `beyond the official catalogue (robustness): ${beyond.byVerdict.pass} of ${beyond.total} passed, ${beyond.byVerdict.fail} failed; not part of any certification profile`);
  const state = run.interrupted ? ' (interrupted)' : run.partial ? ' (partial)' : '';
  lines.push('', `${verdictSentence(v, run.summary.total)}${state}`);
  return lines.join('\n');
}
