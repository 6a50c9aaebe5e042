/**
 * The project file a team checks in (`ocpp-conform.config.yaml`): named projects, each a version ×
 * side × DUT × PICS × selection, like Playwright's projects. Found upward from the working
 * directory or named with `--config-file`; `extends` chains files; paths are resolved against the
 * file that wrote them, so a shared base can live elsewhere. Flags given on the command line win
 * over every file.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { HarnessError } from '../errors.js';
import { closestNames, dataFileError, describeSchemaErrors, harnessSchema, problemsError, readDataFile } from './config-file.js';

export const runConfigNames = ['ocpp-conform.config.yaml', 'ocpp-conform.config.yml', 'ocpp-conform.config.json'] as const;

/** The run options a project may set (the `run` flags, camel-cased). */
export interface ProjectSettings {
  ocpp?: '1.6' | '2.0.1' | '2.1';
  sut?: 'cs' | 'csms';
  listen?: string;
  path?: string;
  csmsUrl?: string;
  stationId?: string;
  securityProfile?: number;
  ca?: string;
  cert?: string;
  key?: string;
  pics?: string;
  config?: string;
  only?: string[];
  block?: string[];
  profile?: string[];
  dut?: string;
  reportDir?: string;
  reporter?: string[];
  schemas?: string[];
  caseTimeout?: number;
  tolerance?: number;
  ui?: string;
  /** run --fault: a fault profile name or spec (issue #16). */
  fault?: string;
}

export interface Project extends ProjectSettings {
  name: string;
}

export interface RunConfig {
  /** The files read, the named one first, then what it extends. */
  files: string[];
  projects: Project[];
  /** Named fault profiles (the `faults` section), every later file winning. */
  faults: Record<string, string>;
}

interface RawFile {
  extends?: string;
  faults?: Record<string, string>;
  defaults?: ProjectSettings;
  projects?: Project[];
}

const fileFields = ['ca', 'cert', 'key', 'pics', 'config', 'reportDir'] as const;
const maxExtends = 10;

/** The nearest project file at or above `cwd`, or undefined. */
export function findRunConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of runConfigNames) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Paths in a file are relative to that file: make them absolute before files are merged. */
function anchored<T extends ProjectSettings>(settings: T, dir: string): T {
  const out: T = { ...settings };
  for (const field of fileFields) {
    const value = out[field];
    if (value !== undefined) out[field] = path.resolve(dir, value);
  }
  if (out.schemas) out.schemas = out.schemas.map((s) => path.resolve(dir, s));
  return out;
}

async function readOne(file: string): Promise<RawFile> {
  const { value, secrets } = await readDataFile(file, 'E_CONFIG', 'project file');
  const source = { code: 'E_CONFIG' as const, subject: `project file ${file}`, secrets };
  const data = value ?? {};
  const { schema, validate } = await harnessSchema('run-config.schema.json');
  if (!validate(data)) throw problemsError(source, describeSchemaErrors(schema, validate.errors ?? [], data));
  const raw = data as RawFile;
  const names = new Set<string>();
  for (const p of raw.projects ?? []) {
    if (names.has(p.name)) throw dataFileError(source, `two projects are named "${p.name}"`, 'give every project its own name');
    names.add(p.name);
  }
  const dir = path.dirname(file);
  return {
    ...(raw.extends ? { extends: path.resolve(dir, raw.extends) } : {}),
    ...(raw.defaults ? { defaults: anchored(raw.defaults, dir) } : {}),
    ...(raw.faults ? { faults: raw.faults } : {}),
    projects: (raw.projects ?? []).map((p) => anchored(p, dir)),
  };
}

/** Read a project file and the files it extends; projects come out with the defaults applied. */
export async function loadRunConfig(file: string): Promise<RunConfig> {
  const chain: RawFile[] = [];
  const files: string[] = [];
  for (let next: string | undefined = path.resolve(file); next !== undefined; ) {
    if (files.includes(next)) {
      throw new HarnessError('E_CONFIG', `project file ${files[0] ?? next}: "extends" goes round in a circle (${[...files, next].join(' → ')})`, { hint: 'remove one of the extends' });
    }
    if (files.length > maxExtends) throw new HarnessError('E_CONFIG', `project file ${files[0] ?? next}: more than ${maxExtends} files extend each other`, { hint: 'flatten the chain' });
    files.push(next);
    const raw = await readOne(next);
    chain.push(raw);
    next = raw.extends;
  }
  // The base (last in the chain) first; every later file wins.
  let defaults: ProjectSettings = {};
  let faults: Record<string, string> = {};
  const byName = new Map<string, Project>();
  for (const raw of [...chain].reverse()) {
    defaults = { ...defaults, ...raw.defaults };
    faults = { ...faults, ...raw.faults };
    for (const p of raw.projects ?? []) byName.set(p.name, { ...byName.get(p.name), ...p });
  }
  // A project without a report folder gets its own beside the project file, so projects never overwrite each other.
  const home = path.dirname(files[0] ?? file);
  const projects = [...byName.values()].map((p) => ({ ...defaults, ...p, reportDir: p.reportDir ?? defaults.reportDir ?? path.join(home, 'reports', p.name) }));
  return { files, projects, faults };
}

/** The projects `run` runs: the named ones (error with suggestions for an unknown name), or all. */
export function chooseProjects(config: RunConfig, names: readonly string[] | undefined): Project[] {
  if (config.projects.length === 0) {
    throw new HarnessError('E_CONFIG', `project file ${config.files[0] ?? ''} has no projects`, { hint: 'add a "projects:" list (see `ocpp-conform config init`)' });
  }
  if (!names || names.length === 0) return config.projects;
  const known = config.projects.map((p) => p.name);
  return names.map((name) => {
    const found = config.projects.find((p) => p.name === name);
    if (found) return found;
    const near = closestNames(name, known);
    throw new HarnessError('E_USAGE', `--project ${name}: no such project in ${config.files[0] ?? 'the project file'}`, {
      hint: near.length > 0 ? `did you mean ${near.join(', ')}? (projects: ${known.join(', ')})` : `projects: ${known.join(', ')}`,
    });
  });
}
