/**
 * Which runs one `ocpp-conform run` makes: the classic single run from flags (`--ocpp` and
 * `--sut` given), or the projects of the project file (ocpp-conform.config.yaml, found upward or
 * named by `--config-file`), all of them or those named by `--project`. A flag the user typed wins
 * over the file; a flag's default never does.
 */
import { HarnessError } from '../errors.js';
import { chooseProjects, findRunConfig, loadRunConfig, runConfigNames, type Project } from './run-config.js';

/** The flags as commander parsed them, plus which of them the user typed. */
export interface ParsedFlags<T> {
  values: T;
  typed: ReadonlySet<string>;
}

export interface ProjectFlags {
  ocpp?: string;
  sut?: string;
  configFile?: string;
  project?: string[];
}

export interface Invocation<T> {
  /** The project's name; absent for a run from flags alone. */
  project?: string;
  options: T;
}

/** A project's settings as the string-valued options of `run` (the file holds numbers). */
function asFlags(project: Project): Record<string, unknown> {
  const { name: _name, securityProfile, caseTimeout, tolerance, ...rest } = project;
  return {
    ...rest,
    ...(securityProfile === undefined ? {} : { securityProfile: String(securityProfile) }),
    ...(caseTimeout === undefined ? {} : { caseTimeout: String(caseTimeout) }),
    ...(tolerance === undefined ? {} : { tolerance: String(tolerance) }),
  };
}

export async function runInvocations<T extends ProjectFlags>(flags: ParsedFlags<T>, cwd: string): Promise<Array<Invocation<T>>> {
  const { values, typed } = flags;
  const wantsFile = values.configFile !== undefined || (values.project?.length ?? 0) > 0;
  if (!wantsFile && values.ocpp !== undefined && values.sut !== undefined) return [{ options: values }];
  const file = values.configFile ?? findRunConfig(cwd);
  if (file === undefined) {
    const missing = [values.ocpp === undefined ? '--ocpp' : '', values.sut === undefined ? '--sut' : ''].filter(Boolean).join(' and ');
    throw new HarnessError('E_USAGE', wantsFile ? `--project needs a project file, and none was found from ${cwd} upward` : `run needs ${missing}`, {
      hint: `give --ocpp 2.0.1 --sut cs (or csms), or write a project file with \`ocpp-conform config init\` (${runConfigNames.join(', ')})`,
    });
  }
  const config = await loadRunConfig(file);
  const fromCli = Object.fromEntries(Object.entries(values).filter(([key]) => typed.has(key)));
  return chooseProjects(config, values.project).map((project) => {
    const options = { ...values, ...asFlags(project), ...fromCli } as T;
    for (const required of ['ocpp', 'sut'] as const) {
      if (options[required] === undefined) {
        throw new HarnessError('E_CONFIG', `project "${project.name}" in ${config.files[0] ?? file} has no ${required}`, { hint: `set ${required} in the project (or in defaults), or pass --${required}` });
      }
    }
    return { project: project.name, options };
  });
}

/** The exit code of several runs: an interruption first, then the harness failing, then any failure. */
export function combinedExitCode(codes: readonly number[]): number {
  const rank = (code: number): number => (code === 130 || code === 143 ? 4 : code === 3 ? 3 : code === 2 ? 2 : code === 1 ? 1 : 0);
  return codes.reduce((worst, code) => (rank(code) > rank(worst) ? code : worst), 0);
}
