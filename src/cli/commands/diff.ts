/**
 * `ocpp-conform diff <before.json> <after.json>`: compare two runs case by case — regressions,
 * fixes, new and removed cases — on the console, as JSON or as an HTML page. Exit 1 when any case
 * regressed, so a CI job can gate on "nothing that passed before fails now".
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../errors.js';
import { diffRuns } from '../../reporters/diff.js';
import { renderDiffHtml } from '../../reporters/diff-html.js';
import { renderDiffText } from '../../reporters/diff.js';
import { writeFileAtomic } from '../../reporters/json.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../exit.js';
import { loadReport } from './report.js';

interface DiffOptions {
  html?: string;
  json?: boolean;
}

export function registerDiffCommand(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('compare two report.json files: regressions, fixes, new and removed cases (exit 1 on a regression)')
    .argument('<before.json>', 'the earlier report.json')
    .argument('<after.json>', 'the later report.json')
    .option('--html <file>', 'also write the comparison as a self-contained HTML page')
    .option('--json', 'print the comparison as JSON instead of text')
    .addHelpText(
      'after',
      '\nExamples:\n  ocpp-conform diff reports/last/report.json reports/report.json\n  ocpp-conform diff old.json new.json --html reports/diff.html',
    )
    .action(async (before: string, after: string, options: DiffOptions, command: Command) => {
      setExitCode(command, await diffCommand(before, after, options, io));
    });
}

export async function diffCommand(beforeFile: string, afterFile: string, options: DiffOptions, io: CliIo): Promise<number> {
  // Both files are read and checked before anything is written: a bad second file costs nothing.
  const before = await loadReport(path.resolve(io.cwd, beforeFile));
  const after = await loadReport(path.resolve(io.cwd, afterFile));
  const diff = diffRuns(before, after);
  if (options.json) io.out(JSON.stringify(diff, null, 2));
  else io.out(renderDiffText(diff));
  if (options.html) {
    const target = path.resolve(io.cwd, options.html);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, renderDiffHtml(diff));
    if (!options.json) io.out(`diff: ${target}`);
  }
  return diff.counts.regression > 0 ? ExitCode.failed : ExitCode.ok;
}
