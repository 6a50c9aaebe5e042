/**
 * `ocpp-conform report <report.json>`: render junit.xml and report.html again from a report.json
 * (e.g. one left by an interrupted run, or from another machine) without touching the DUT. The
 * file is checked against schemas/report.schema.json first; a bad file is a usage error that
 * names the field.
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Command } from 'commander';
import type { RunResult } from '../../engine/run-model.js';
import { renderHtml } from '../../reporters/html.js';
import { writeFileAtomic } from '../../reporters/json.js';
import { renderJunit } from '../../reporters/junit.js';
import { writeTraces } from '../../reporters/traces.js';
import { describeSchemaErrors, harnessSchema, problemsError, readDataFile } from '../config-file.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../exit.js';
import { reportFiles } from '../reporters.js';

interface ReportOptions {
  html?: boolean;
  junit?: boolean;
  traces?: boolean;
  out?: string;
}

/** Read and validate a report.json; throws HarnessError('E_CONFIG') naming the file and the problem. */
export async function loadReport(file: string): Promise<RunResult> {
  const { value, secrets } = await readDataFile(file, 'E_CONFIG', 'report file');
  const { schema, validate } = await harnessSchema('report.schema.json');
  if (!validate(value)) {
    const source = { code: 'E_CONFIG' as const, subject: `report file ${file}`, secrets };
    throw problemsError(source, describeSchemaErrors(schema, validate.errors ?? [], value));
  }
  return value as RunResult;
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('render junit.xml and report.html again from a report.json (the DUT is not contacted)')
    .addHelpText('after', '\nExamples:\n  ocpp-conform report reports/latest/report.json\n  ocpp-conform report other-machine/report.json --html --out /tmp/view')
    .argument('<report.json>', 'a report.json written by `ocpp-conform run`')
    .option('--html', 'write report.html')
    .option('--junit', 'write junit.xml')
    .option('--traces', 'write traces/<caseId>.jsonl')
    .option('--out <dir>', 'where to write (default: the folder of report.json)')
    .action(async (file: string, options: ReportOptions, command: Command) => {
      setExitCode(command, await reportCommand(file, options, io));
    });
}

export async function reportCommand(file: string, options: ReportOptions, io: CliIo): Promise<number> {
  const input = path.resolve(io.cwd, file);
  const run = await loadReport(input);
  const outDir = path.resolve(io.cwd, options.out ?? path.dirname(input));
  // No format flag: the two documents people open (traces are already beside report.json).
  const all = !options.html && !options.junit && !options.traces;
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  if (all || options.junit) {
    const f = path.join(outDir, reportFiles.junit);
    await writeFileAtomic(f, renderJunit(run));
    written.push(f);
  }
  if (all || options.html) {
    const f = path.join(outDir, reportFiles.html);
    await writeFileAtomic(f, renderHtml(run));
    written.push(f);
  }
  if (options.traces) written.push(...(await writeTraces(path.join(outDir, reportFiles.traces), run)));
  const state = run.interrupted ? ' (interrupted run)' : run.partial ? ' (partial run)' : '';
  io.out(`${run.tests.length} cases${state} → ${written.map((f) => path.relative(io.cwd, f) || f).join(', ')}`);
  return 0;
}
