/**
 * `ocpp-conform list`: which test cases a run with the same flags and PICS would execute, and
 * why each other case would not (not selected by the flags, or not applicable per the PICS).
 */
import { type Command, Option } from 'commander';
import { loadCatalogue } from '../../catalogue/loader.js';
import { describeCases, formatListCount, formatListTable } from '../../catalogue/list.js';
import { selectCases } from '../../catalogue/select.js';
import { ocppVersions, type OcppVersion, type Role } from '../../protocol/versions.js';
import type { CliIo } from '../io.js';
import { loadPics } from '../pics-file.js';

interface ListOptions {
  ocpp: OcppVersion;
  sut: Role;
  only?: string[];
  block?: string[];
  profile?: string[];
  pics?: string;
  json: boolean;
}

export interface ListCommandDeps {
  /** Where the compiled test cases are (default: dist/testcases next to the harness). */
  testcasesRoot?: string;
}

/** `a,b c` → [a, b, c]: variadic flags also accept comma-separated lists. */
const splitCommas = (values: string[] | undefined): string[] | undefined =>
  values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

export function registerListCommand(program: Command, io: CliIo, deps: ListCommandDeps = {}): void {
  program
    .command('list')
    .description('list the test cases a run would execute, and why the others would not')
    .addOption(new Option('--ocpp <version>', 'OCPP version').choices([...ocppVersions]).makeOptionMandatory())
    .addOption(new Option('--sut <side>', 'system under test: cs = a charging station, csms = a CSMS').choices(['cs', 'csms']).makeOptionMandatory())
    .option('--only <glob...>', 'only ids matching these globs (* and ?), e.g. TC_B_0*')
    .option('--block <block...>', 'only these blocks (2.0.1: B, E …; 1.6: the group)')
    .option('--profile <profile...>', 'only cases of these certification profiles (e.g. "Smart Charging" or SmartCh)')
    .option('--pics <file>', 'PICS file: decides which cases apply (without it every selected case runs)')
    .option('--json', 'print a JSON array, one object per case', false)
    .action(async (options: ListOptions) => {
      await listCases(options, io, deps);
    });
}

async function listCases(options: ListOptions, io: CliIo, deps: ListCommandDeps): Promise<void> {
  const pics = await loadPics(options.pics, { ocpp: options.ocpp, sut: options.sut });
  const catalogue = await loadCatalogue(deps.testcasesRoot, { version: options.ocpp, sut: options.sut });
  const only = splitCommas(options.only);
  const blocks = splitCommas(options.block);
  const profiles = splitCommas(options.profile);
  const selection = selectCases(catalogue.cases, {
    version: options.ocpp,
    sut: options.sut,
    ...(only ? { only } : {}),
    ...(blocks ? { blocks } : {}),
    ...(profiles ? { profiles } : {}),
  });
  const entries = describeCases(selection, pics);

  // Notes and typos go to stderr so `--json` output stays parseable.
  if (catalogue.cases.length === 0) for (const note of catalogue.notes) io.err(`note: ${note}`);
  for (const glob of selection.unmatchedGlobs) io.err(`warning: --only ${glob} matches no OCPP ${options.ocpp} ${options.sut} test case`);

  if (options.json) {
    io.out(JSON.stringify(entries, null, 2));
    return;
  }
  if (entries.length > 0) io.out(formatListTable(entries));
  io.out(formatListCount(entries));
}
