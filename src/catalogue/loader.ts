/**
 * Find the test cases under `testcases/` (compiled to dist/testcases) and validate their metadata
 * against where they live: `<root>/ocpp2.0.1/cs/B-provisioning/TC_B_01_CS.js` must declare id
 * TC_B_01_CS, version 2.0.1, sut cs (and block B). Every problem in every file is collected and
 * thrown as one HarnessError, so an author fixes them all in one pass.
 */
import { withValidationSummary } from './trace.js';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { metadataProblems, type TestCase, type TestCaseDefinition } from '../engine/define.js';
import type { StateModule } from '../engine/states.js';
import { HarnessError } from '../errors.js';
import { ocppVersions, subprotocolOf, type OcppVersion, type Role } from '../protocol/versions.js';

export interface LoadFilter {
  version?: OcppVersion;
  sut?: Role;
}

export interface LoadedCatalogue {
  /** The folder that was searched (absolute). */
  root: string;
  cases: TestCase[];
  /** Reusable states and general-precondition restores (`<version>/<side>/{_shared,<block>}/states.js`). */
  stateModules: StateModule[];
  /** Facts worth telling someone wondering why a case is missing (missing folders, nothing found). */
  notes: string[];
}

/** dist/src/catalogue/loader.js → dist/testcases: where tsc puts the compiled catalogue. */
export const defaultTestcasesRoot: string = fileURLToPath(new URL('../../testcases', import.meta.url));

const sides: readonly Role[] = ['cs', 'csms'];

/** What `list` and `run` say for OCPP 2.1 until its catalogue exists. */
export const framingOnly21 = 'OCPP 2.1 is framing-only for now: the harness speaks it (CALLRESULTERROR, SEND, the 2.1 schemas and error codes) but its test catalogue is not written yet';
/** Official ids start TC_, the robustness catalogue's RB_ (issue #16). */
const caseFilePattern = /^(TC|RB)_.*\.js$/;
/** The robustness catalogue's folder under the testcases root: a catalogue of its own, never part of the official one. */
export const robustnessFolder = 'robustness';
/** 2.0.1 / 2.1 block folders are named `<letter>-<name>` (B-provisioning); 1.6 group folders are free-form. */
const blockFolderPattern = /^([A-Z])-/;

/** The test cases under `root`, validated. Throws HarnessError E_TESTCASE_METADATA listing every problem. */
export async function loadTestCases(root?: string, filter: LoadFilter = {}): Promise<TestCase[]> {
  return (await loadCatalogue(root, filter)).cases;
}

/** As loadTestCases, also returning the folder searched and notes (e.g. "folder does not exist"). */
export async function loadCatalogue(root: string = defaultTestcasesRoot, filter: LoadFilter = {}): Promise<LoadedCatalogue> {
  const absRoot = path.resolve(root);
  const notes: string[] = [];
  if (!(await isDirectory(absRoot))) {
    notes.push(`test case folder ${absRoot} does not exist: no test cases loaded`);
    return { root: absRoot, cases: [], stateModules: [], notes };
  }

  const searchDirs = await foldersToSearch(absRoot, filter, notes);
  const files: string[] = [];
  for (const dir of searchDirs) files.push(...(await findCaseFiles(dir, absRoot)));
  files.sort();

  const problems: string[] = [];
  const cases: TestCase[] = [];
  const firstFileOfId = new Map<string, string>();
  for (const file of files) {
    const rel = path.relative(absRoot, file).split(path.sep).join('/');
    const loaded = await importCase(file);
    if ('problem' in loaded) {
      problems.push(`${rel}: ${loaded.problem}`);
      continue;
    }
    const candidate = loaded.value;
    const fileProblems = [...checkedMetadata(candidate), ...placementProblems(rel, candidate)];
    if (typeof candidate.id === 'string') {
      const other = firstFileOfId.get(candidate.id);
      if (other !== undefined) fileProblems.push(`duplicate id ${candidate.id}: also declared in ${other}`);
      else firstFileOfId.set(candidate.id, rel);
    }
    if (fileProblems.length > 0) {
      problems.push(...fileProblems.map((p) => `${rel}: ${p}`));
      continue;
    }
    cases.push(withValidationSummary(Object.freeze({ ...(candidate as TestCaseDefinition), source: rel })));
  }

  const stateModules: StateModule[] = [];
  for (const dir of searchDirs) {
    for (const file of await findStateFiles(dir)) {
      const rel = path.relative(absRoot, file).split(path.sep).join('/');
      const loaded = await importCase(file);
      if ('problem' in loaded) {
        problems.push(`${rel}: ${loaded.problem.replace('defineTestCase', 'defineStates')}`);
        continue;
      }
      const module = loaded.value as unknown as Partial<StateModule>;
      const expectedVersion = versionOfFolder(rel.split('/')[0] ?? '');
      const expectedSut = rel.split('/')[1];
      if (module.version !== expectedVersion || module.sut !== expectedSut || typeof module.states !== 'object') {
        problems.push(`${rel}: must default-export defineStates({ version: '${expectedVersion ?? '?'}', sut: '${expectedSut ?? '?'}', states: {...} })`);
        continue;
      }
      stateModules.push(module as StateModule);
    }
  }

  if (problems.length > 0) {
    throw new HarnessError(
      'E_TESTCASE_METADATA',
      `${problems.length} test case metadata problem${problems.length === 1 ? '' : 's'} under ${absRoot}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      { hint: 'each named .js file is compiled from the .ts file at the same path under testcases/: fix its defineTestCase({...}) metadata or its file name/folder, then rebuild (npm run build)' },
    );
  }

  const selected = cases.filter((tc) => (filter.version === undefined || tc.version === filter.version) && (filter.sut === undefined || tc.sut === filter.sut));
  if (files.length === 0 && searchDirs.length > 0) notes.push(`no TC_*.js files under ${searchDirs.map((d) => path.relative(absRoot, d) || '.').join(', ')} in ${absRoot}`);
  return { root: absRoot, cases: selected, stateModules, notes };
}

const stateFilePattern = /^states(-[a-z0-9-]+)?\.js$/;

/**
 * The state modules of each `<version>/<side>` folder under `dir` (`dir` may be the root or one
 * side folder): `states.js` / `states-<topic>.js` in the side folder itself, and `states.js` in
 * each folder one level below it: a block's own states beside its cases (`B-provisioning/states.js`)
 * and the cross-block Part 6 §2.18 / §3.18 states in `_shared/states.js` (DESIGN.md: one module
 * per block, the shared states in one small module per version and side).
 */
async function findStateFiles(dir: string): Promise<string[]> {
  const filesIn = async (folder: string, pattern: RegExp): Promise<string[]> =>
    (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && pattern.test(e.name)).map((e) => path.join(folder, e.name)).sort();
  const subfolders = async (folder: string): Promise<string[]> =>
    (await fs.readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(folder, e.name)).sort();
  const inSide = async (side: string): Promise<string[]> => {
    const found = await filesIn(side, stateFilePattern);
    for (const block of await subfolders(side)) found.push(...(await filesIn(block, /^states\.js$/)));
    return found;
  };
  const isSideFolder = (sides as readonly string[]).includes(path.basename(dir)) && versionOfFolder(path.basename(path.dirname(dir))) !== undefined;
  if (isSideFolder) return inSide(dir);
  const found: string[] = [];
  for (const version of await subfolders(dir)) {
    if (path.basename(version) === robustnessFolder) continue;
    for (const side of await subfolders(version)) found.push(...(await inSide(side)));
  }
  return found;
}

/** The version folder names: `ocpp2.0.1` ↔ '2.0.1' (the OCPP-J subprotocol names). */
export function versionOfFolder(folder: string): OcppVersion | undefined {
  return ocppVersions.find((v) => subprotocolOf[v] === folder);
}

async function foldersToSearch(root: string, filter: LoadFilter, notes: string[]): Promise<string[]> {
  if (filter.version === undefined && filter.sut === undefined) return [root];
  const versions = filter.version === undefined ? ocppVersions : [filter.version];
  const roles = filter.sut === undefined ? sides : [filter.sut];
  const dirs: string[] = [];
  for (const v of versions) {
    for (const r of roles) {
      const dir = path.join(root, subprotocolOf[v], r);
      if (await isDirectory(dir)) dirs.push(dir);
      else if (filter.version !== undefined && root === path.resolve(defaultTestcasesRoot) && v === '2.1') {
        // OCPP 2.1 is framing-only so far: frames, schemas and validation, but no catalogue yet.
        if (!notes.includes(framingOnly21)) notes.push(framingOnly21);
      } else if (filter.version !== undefined) notes.push(`folder ${path.relative(root, dir)} does not exist in ${root}: no OCPP ${v} ${r} test cases`);
    }
  }
  return dirs;
}

async function findCaseFiles(dir: string, root: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && dir === root && entry.name === robustnessFolder) continue;
    if (entry.isDirectory()) found.push(...(await findCaseFiles(full, root)));
    else if (entry.isFile() && caseFilePattern.test(entry.name)) found.push(full);
  }
  return found;
}

async function importCase(file: string): Promise<{ value: Partial<TestCaseDefinition> } | { problem: string }> {
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (err) {
    return { problem: `failed to load: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (mod.default === undefined) return { problem: 'no default export (write `export default defineTestCase({...})`)' };
  if (typeof mod.default !== 'object' || mod.default === null) return { problem: `default export is a ${typeof mod.default}, not defineTestCase({...})` };
  return { value: mod.default };
}

/** metadataProblems assumes the shape of a definition; a hand-written default export may be anything. */
function checkedMetadata(candidate: Partial<TestCaseDefinition>): string[] {
  try {
    return metadataProblems(candidate);
  } catch (err) {
    return [`metadata could not be checked: ${err instanceof Error ? err.message : String(err)}`];
  }
}

/** Folder layout vs metadata: `<version folder>/<side folder>/[<block folder>/…]<id>.js`. */
function placementProblems(rel: string, tc: Partial<TestCaseDefinition>): string[] {
  const problems: string[] = [];
  const parts = rel.split('/');
  const fileName = parts[parts.length - 1] ?? rel;
  const baseName = fileName.replace(/\.js$/, '');
  if (typeof tc.id === 'string' && baseName !== tc.id) problems.push(`file name ${baseName} does not equal the id ${tc.id}`);

  const versionFolder = parts.length >= 3 ? parts[0] : undefined;
  const sideFolder = parts.length >= 3 ? parts[1] : undefined;
  if (versionFolder === undefined || sideFolder === undefined) {
    problems.push(`not in a <version>/<side>/ folder (expected e.g. ocpp2.0.1/cs/B-provisioning/${baseName}.js)`);
    return problems;
  }
  const folderVersion = versionOfFolder(versionFolder);
  if (folderVersion === undefined) problems.push(`version folder ${versionFolder} is not one of ${ocppVersions.map((v) => subprotocolOf[v]).join(', ')}`);
  else if (tc.version !== undefined && tc.version !== folderVersion) problems.push(`version is ${JSON.stringify(tc.version)} but the file is in ${versionFolder}/ (version ${folderVersion})`);

  if (!(sides as readonly string[]).includes(sideFolder)) problems.push(`side folder ${sideFolder} is not cs or csms`);
  else if (tc.sut !== undefined && tc.sut !== sideFolder) problems.push(`sut is ${JSON.stringify(tc.sut)} but the file is in ${versionFolder}/${sideFolder}/`);

  const blockFolder = parts.length >= 4 ? parts[2] : undefined;
  const blockLetter = blockFolder === undefined ? undefined : blockFolderPattern.exec(blockFolder)?.[1];
  if (blockLetter !== undefined && typeof tc.block === 'string' && tc.block !== blockLetter) {
    problems.push(`block is ${JSON.stringify(tc.block)} but the file is in block folder ${blockFolder}/`);
  }
  return problems;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
