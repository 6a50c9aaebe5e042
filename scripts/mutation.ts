/**
 * Mutation score of the harness's own tests (issue #25): runs Stryker (stryker.config.mjs) over
 * the chosen sources with the fast unit tests of src/protocol, src/session and src/engine.
 *
 *   npm run test:mutation [-- --mutate 'src/protocol/frames.ts' [--mutate GLOB …]] [-- --concurrency 2]
 *
 * Prints a score per source folder and per file, every surviving mutant (file:line, mutator,
 * replacement), and as its last line exactly:
 *   harness mutation score: P% (killed K, survived S, no coverage N)
 * K counts killed and timed-out mutants (a mutant that hangs the tests is detected); mutants that
 * did not compile or crashed the runner are left out, as Stryker's own score does.
 * Not part of `npm test`: a full run takes tens of minutes on a shared 2-core machine.
 */
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult } from '@stryker-mutator/api/core';
import { parseArgs } from 'node:util';

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}

const emptyTally = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0 });

function add(tally: Tally, mutant: MutantResult): void {
  if (mutant.status === 'Killed' || mutant.status === 'Timeout') tally.killed += 1;
  else if (mutant.status === 'Survived') tally.survived += 1;
  else if (mutant.status === 'NoCoverage') tally.noCoverage += 1;
}

/** Percentage with one decimal; an empty set scores 100 (nothing escaped). */
export function score(t: Tally): string {
  const total = t.killed + t.survived + t.noCoverage;
  return total === 0 ? '100.0' : ((100 * t.killed) / total).toFixed(1);
}

function tallyBy(mutants: readonly MutantResult[], key: (m: MutantResult) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const m of mutants) {
    const k = key(m);
    const t = out.get(k) ?? emptyTally();
    add(t, m);
    out.set(k, t);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const relative = (fileName: string): string => fileName.replace(/\\/g, '/').replace(/^.*?\b(src\/)/, '$1');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { mutate: { type: 'string', multiple: true }, concurrency: { type: 'string' } },
    allowPositionals: false,
  });
  const options: Record<string, unknown> = { configFile: 'stryker.config.mjs' };
  if (values.mutate && values.mutate.length > 0) options.mutate = values.mutate;
  if (values.concurrency !== undefined) options.concurrency = Number(values.concurrency);
  const started = Date.now();
  const mutants = await new Stryker(options).runMutationTest();
  const minutes = ((Date.now() - started) / 60000).toFixed(1);

  const lines: string[] = ['', `mutation run took ${minutes} min over ${mutants.length} mutants`];
  for (const [folder, t] of tallyBy(mutants, (m) => relative(m.fileName).split('/').slice(0, 2).join('/'))) {
    lines.push(`  ${folder}: ${score(t)}% (killed ${t.killed}, survived ${t.survived}, no coverage ${t.noCoverage})`);
  }
  for (const [file, t] of tallyBy(mutants, (m) => relative(m.fileName))) {
    lines.push(`    ${file}: ${score(t)}% (killed ${t.killed}, survived ${t.survived}, no coverage ${t.noCoverage})`);
  }
  const escaped = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => relative(a.fileName).localeCompare(relative(b.fileName)) || a.location.start.line - b.location.start.line);
  if (escaped.length > 0) lines.push('surviving mutants:');
  for (const m of escaped) {
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
    lines.push(`  ${relative(m.fileName)}:${m.location.start.line} ${m.mutatorName}${m.status === 'NoCoverage' ? ' (no coverage)' : ''} → ${replacement}`);
  }
  const total = emptyTally();
  for (const m of mutants) add(total, m);
  lines.push(`harness mutation score: ${score(total)}% (killed ${total.killed}, survived ${total.survived}, no coverage ${total.noCoverage})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`mutation run failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 3;
});
