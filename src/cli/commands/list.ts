/**
 * `ocpp-conform list`: which test cases a run with the same flags and PICS would execute, and
 * why each other case would not (not selected by the flags, or not applicable per the PICS).
 */
import { defaultConfiguredValues } from '../../engine/configured-values.js';
import { provisioningLines } from '../token-provisioning.js';
import { type Command, Option } from 'commander';
import { loadCatalogueOf, parseCatalogueKind } from '../../catalogue/catalogues.js';
import { describeCases, formatListCount, verdictToBe, type ListEntry } from '../../catalogue/list.js';
import { formatTable, tableWidth } from '../text-table.js';
import { selectCases } from '../../catalogue/select.js';
import { ocppVersions, type OcppVersion, type Role } from '../../protocol/versions.js';
import { HarnessError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { loadPics } from '../pics-file.js';

interface ListOptions {
  ocpp: OcppVersion;
  sut?: Role;
  only?: string[];
  block?: string[];
  profile?: string[];
  pics?: string;
  json: boolean;
  catalogue?: string;
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
    .addHelpText('after', "\nExamples:\n  ocpp-conform list --ocpp 2.0.1 --sut cs\n  ocpp-conform list --ocpp 2.0.1 --sut cs --pics pics.yaml --only 'TC_E_*'\n  ocpp-conform list --ocpp 1.6 --json")
    .addOption(new Option('--ocpp <version>', 'OCPP version').choices([...ocppVersions]).makeOptionMandatory())
    .addOption(new Option('--sut <side>', 'system under test: cs = a charging station, csms = a CSMS').choices(['cs', 'csms']))
    .option('--only <glob...>', 'only ids matching these globs (* and ?), e.g. TC_B_0*')
    .addOption(new Option('--catalogue <which>', 'official cases, the robustness catalogue beyond them (RB_ ids), or all').choices(['official', 'robustness', 'all']))
    .option('--block <block...>', 'only these blocks (2.0.1: B, E …; 1.6: the group)')
    .option('--profile <profile...>', 'only cases of these certification profiles (e.g. "Smart Charging" or SmartCh)')
    .option('--pics <file>', 'PICS file: decides which cases apply (without it every selected case runs)')
    .option('--json', 'print a JSON array, one object per case', false)
    .action(async (options: ListOptions) => {
      await listCases(options, io, deps);
    });
}


async function listCases(options: ListOptions, io: CliIo, deps: ListCommandDeps): Promise<void> {
  if (options.pics !== undefined && options.sut === undefined) {
    throw new HarnessError('E_USAGE', 'a PICS file describes one side: --pics needs --sut', { hint: 'add --sut cs or --sut csms' });
  }
  // Without --sut, both sides of the version are listed (charging-station cases first).
  const sides: Role[] = options.sut ? [options.sut] : ['cs', 'csms'];
  const only = splitCommas(options.only);
  const blocks = splitCommas(options.block);
  const profiles = splitCommas(options.profile);
  const entries: ListEntry[] = [];
  const notes: string[] = [];
  const unmatched = new Map<string, number>();
  for (const sut of sides) {
    const pics = await loadPics(options.pics, { ocpp: options.ocpp, sut });
    const catalogue = await loadCatalogueOf(parseCatalogueKind(options.catalogue), deps.testcasesRoot, { version: options.ocpp, sut });
    const selection = selectCases(catalogue.cases, {
      version: options.ocpp,
      sut,
      ...(only ? { only } : {}),
      ...(blocks ? { blocks } : {}),
      ...(profiles ? { profiles } : {}),
    });
    entries.push(...describeCases(selection, pics));
    if (catalogue.cases.length === 0) notes.push(...catalogue.notes.filter((n) => !notes.includes(n)));
    for (const glob of selection.unmatchedGlobs) unmatched.set(glob, (unmatched.get(glob) ?? 0) + 1);
  }
  const options_ = { ...options, sut: options.sut ?? 'cs or csms' };

  // Notes and typos go to stderr so `--json` output stays parseable.
  if (entries.length === 0) for (const note of notes) io.err(`note: ${note}`);
  for (const [glob, sidesMissed] of unmatched) {
    if (sidesMissed === sides.length) io.err(`warning: --only ${glob} matches no OCPP ${options_.ocpp} ${options_.sut} test case`);
  }

  if (options.json) {
    io.out(JSON.stringify(entries, null, 2));
    return;
  }
  if (entries.length > 0) io.out(formatListTable(entries, tableWidth(io)));
  io.out(formatListCount(entries));
  // SUT = CSMS: the harness presents these idTokens as a station; the CSMS must know them.
  if (sides.includes('csms')) for (const line of provisioningLines(defaultConfiguredValues, options.ocpp)) io.out(line);
}

/** An aligned text table for people: id, verdict-to-be, title and PICS condition; wrapped to `width` when given. */
export function formatListTable(entries: readonly ListEntry[], width?: number): string {
  // The PICS column only when some case has a condition (most 2.0.1 Core cases have none).
  const pics = entries.some((e) => e.condition !== undefined);
  const rows = [['ID', 'STATUS', 'TITLE', ...(pics ? ['PICS'] : [])], ...entries.map((e) => [e.id, verdictToBe(e), e.title, ...(pics ? [e.condition ?? ''] : [])])];
  return formatTable(rows, width === undefined ? {} : { width, maxColumn: 44 });
}
