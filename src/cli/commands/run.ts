/**
 * `ocpp-conform run`: the harness against a real DUT. SUT = cs: we listen as the CSMS and the
 * station connects to us; SUT = csms: we dial the CSMS as a station. Exit codes through the one
 * funnel: 0 all applicable cases passed, 1 any failed or inconclusive, 2 usage/config, 3 harness,
 * 130 interrupted.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { defaultServerPath } from '../../constants.js';
import { ExitCode, HarnessError, isHarnessError } from '../../errors.js';
import { existsSync } from 'node:fs';
import type { TestCase } from '../../engine/define.js';
import { loadReport } from './report.js';
import { loadCatalogue } from '../../catalogue/loader.js';
import { loadCatalogueOf, parseCatalogueKind } from '../../catalogue/catalogues.js';
import { resolveFault } from '../fault-profiles.js';
import { selectCases } from '../../catalogue/select.js';
import { caseWaitWarnings } from '../case-waits.js';
import type { ConfiguredValues } from '../../engine/configured-values.js';
import type { DutAdapter } from '../../engine/dut-adapter.js';
import type { RunResult } from '../../engine/run-model.js';
import type { RunEndpointOptions, RunHandle, StartRunOptions } from '../../engine/start-run.js';
import type { StateModule, StateRegistry } from '../../engine/states.js';
import { createSecretRedactor } from '../../protocol/redact.js';
import type { OcppVersion, Role } from '../../protocol/versions.js';
import { createAdapter } from '../../dut/parse-spec.js';
import { loadConfig, type ConfigOverrides } from '../config-file.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../exit.js';
import { toolVersion } from '../version.js';
import { parseListen } from '../listen.js';
import { checkNetworkProfiles } from '../network-profiles-config.js';
import { startLiveUi } from '../live-ui.js';
import { runConfigNames } from '../run-config.js';
import { combinedExitCode, runInvocations, type ProjectFlags } from '../run-projects.js';
import { addLogOptions, openLogFor } from '../log-options.js';
import { loadPics, type LoadedPics } from '../pics-file.js';
import { loadSchemaDir } from '../schema-dir.js';
import { createReporters, parseReporterNames, reportFiles, reporterNames } from '../reporters.js';
import { createProgress } from '../progress.js';
import { preflightRun } from '../preflight.js';
import { executeRun, type PreparedRun } from '../run-lifecycle.js';
import { openWireLogFile } from '../../transport/wire-log-file.js';
import { createPki } from '../pki.js';
import type { Pki } from '../../protocol/pki.js';

export { exitCodeFor, type PreparedRun } from '../run-lifecycle.js';

export interface RunCommandOptions {
  ocpp: OcppVersion;
  sut: Role;
  listen: string;
  path: string;
  csmsUrl?: string;
  stationId?: string;
  securityProfile?: string;
  password?: string;
  ca?: string;
  cert?: string;
  key?: string;
  pics?: string;
  config?: string;
  only?: string[];
  block?: string[];
  profile?: string[];
  dut: string;
  reportDir: string;
  reporter: string[];
  testcases?: string;
  schemas?: string[];
  caseTimeout?: string;
  tolerance?: string;
  logLevel?: string;
  logFile?: string;
  /** `--ui [host:port]`: serve the live web page (true when given without a value). */
  ui?: string | true;
  /** Only the cases that failed, were inconclusive or broke in the report already in --report-dir. */
  lastFailed?: boolean;
  /** Stop after this many cases did not pass (the rest are notRun). */
  maxFailures?: string;
  /** Exit 0 when nothing was selected or nothing selected applied. */
  passWithNoCases?: boolean;
  /** `--catalogue official|robustness|all` (issue #16; default official). */
  catalogue?: string;
  /** `--fault NAME|SPEC`: faults on the harness's connection (issue #16). */
  fault?: string;
  /** The project file, when one was named (its `faults` section names fault profiles). */
  configFile?: string;
}

export interface RunDeps {
  /** Receives the finished run model (the demo and the catalogue proofs read verdicts from it). */
  onResult?: (run: RunResult) => void;
  /** Configured values that win over the config file (the demo's short timers). */
  configOverrides?: ConfigOverrides;
  /** The in-process simulator adapter for `--dut sim` (the simulators issue provides it). */
  simAdapter?: DutAdapter;
  /** Reusable states of the catalogue. */
  states?: StateRegistry;
  /** Called once the harness listens (SUT = cs), e.g. so a test can start its station. */
  onListening?: (url: string) => void;
  /** The run's handle as soon as it exists (events for a log or a live view, abort). */
  onHandle?: (handle: RunHandle) => void;
  signal?: AbortSignal;
  /** Live progress on the console (default: with the console reporter); the demo's parallel runs go without. */
  progress?: boolean;
  /** The DUT's PICS when no file gives it: the demo's simulator describes itself (src/sim/pics.ts). */
  pics?: LoadedPics;
  /** Certificate operations for the cases (default: a fresh test CA for this run, src/security/pki.ts). */
  pki?: Pki;
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new HarnessError('E_USAGE', `${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function registerRunCommand(program: Command, io: CliIo, deps: RunDeps = {}): void {
  const command = program
    .command('run')
    .description('run the selected official test cases against a DUT')
    .addOption(new Option('--ocpp <version>', 'OCPP version (without it: the projects of the project file)').choices(['1.6', '2.0.1', '2.1']))
    .addOption(new Option('--sut <side>', 'system under test: cs = a charging station connects to us, csms = we dial a CSMS').choices(['cs', 'csms']))
    .option('--config-file <file>', `the project file (default: ${runConfigNames[0]} found upward from here)`)
    .option('--project <name...>', 'run only these projects of the project file')
    .option('--listen <host:port>', 'SUT=cs: where the harness-as-CSMS listens', '127.0.0.1:9000')
    .option('--path <prefix>', 'SUT=cs: WebSocket path prefix; stations connect at <prefix>/<stationId>', defaultServerPath)
    .option('--csms-url <url>', 'SUT=csms: the CSMS endpoint URL (ws:// or wss://)')
    .option('--station-id <id>', 'charging station identity (overrides the config file)')
    .addOption(new Option('--security-profile <n>', 'security profile 0..3').choices(['0', '1', '2', '3']))
    .option('--password <password>', 'Basic auth password for profiles 1/2 (prefer OCPP_CONFORM_PASSWORD)')
    .option('--ca <file>', 'CA certificate (PEM) for TLS')
    .option('--cert <file>', 'our certificate (PEM): server cert as CSMS, client cert as station')
    .option('--key <file>', 'private key of --cert (PEM)')
    .option('--pics <file>', 'PICS file of the DUT (see `ocpp-conform pics init`)')
    .option('--config <file>', 'configured values (JSON or YAML)')
    .option('--only <glob...>', 'only case ids matching these globs, e.g. TC_B_0*')
    .option('--fault <profile-or-spec>', 'inject faults on the harness\'s connection: a profile (flaky-mobile, or the project file\'s faults section) or a spec, e.g. "latency=300±200,drop=in:StatusNotification,seed=7"')
    .addOption(new Option('--catalogue <which>', 'official cases, the robustness catalogue beyond them (RB_ ids), or all').choices(['official', 'robustness', 'all']))
    .option('--block <block...>', 'only these blocks / groups')
    .option('--profile <profile...>', 'only cases of these certification profiles')
    .option('--dut <adapter>', 'how to make the DUT act: sim | http:URL | http-octt:URL | exec:CMD | prompt | ui', 'prompt')
    .option('--ui [host:port]', 'serve a live web page of the run (loopback, any free port by default); with --dut ui, manual steps are answered there')
    .option('--report-dir <dir>', 'where reports go', 'reports/latest')
    .addOption(new Option('--reporter <name...>', `reporters: ${reporterNames.join(', ')}`).default([...reporterNames], 'all'))
    .option('--schemas <dir...>', 'judge frames with the JSON schemas in these folders instead of the built-in official ones (OCA layout: Authorize.json, AuthorizeResponse.json …)')
    .option('--case-timeout <seconds>', 'per-case timeout')
    .option('--tolerance <ms>', 'time tolerance for timing checks (default 4000)')
    .option('--last-failed', 'run only the cases that failed, were inconclusive or broke in the report already in --report-dir')
    .option('--max-failures <n>', 'stop after n cases did not pass; the rest are reported notRun')
    .option('--pass-with-no-cases', 'exit 0 when nothing is selected, or no selected case applies to the DUT')
    .option('--testcases <dir>', 'your own compiled test cases (<dir>/ocpp<version>/<side>/<block>/TC_*.js, written with ocpp-conform/testing) instead of the built-in catalogue; they get the built-in reusable states');
  command.addHelpText(
    'after',
    `
Examples:
  ocpp-conform run --ocpp 2.0.1 --sut cs --listen 0.0.0.0:9000 --pics pics.yaml --dut prompt
  ocpp-conform run --ocpp 2.0.1 --sut csms --csms-url wss://csms.example/ocpp --security-profile 2 --ca ca.pem
  ocpp-conform run --ocpp 1.6 --sut csms --csms-url ws://127.0.0.1:9000/ocpp --dut ui --ui
  ocpp-conform run                       # every project of ${runConfigNames[0]}
  ocpp-conform run --project station-201 --only 'TC_B_*'`,
  );
  addLogOptions(command).action(async (options: RunCommandOptions & ProjectFlags, command: Command) => {
    const typed = new Set(command.options.map((o) => o.attributeName()).filter((key) => command.getOptionValueSource(key) === 'cli'));
    const invocations = await runInvocations({ values: options, typed }, io.cwd);
    const codes: number[] = [];
    for (const { project, options: one } of invocations) {
      if (project !== undefined) io.out(`${codes.length > 0 ? '\n' : ''}== project ${project}: OCPP ${one.ocpp}, SUT = ${one.sut}`);
      codes.push(await runCommand(one, io, deps));
      if (codes.at(-1) === ExitCode.interrupted) break;
    }
    setExitCode(command, combinedExitCode(codes));
  });
}

/**
 * `ocpp-conform run`: flags and files → a run (engine/start-run.ts) → report files and an exit
 * code. `demo` goes through the same steps (prepareRun, then executeRun) with its simulators.
 */
export async function runCommand(options: RunCommandOptions, io: CliIo, deps: RunDeps = {}): Promise<number> {
  const log = openLogFor(options, io.cwd);
  try {
    let prepared: PreparedRun;
    try {
      prepared = await prepareRun(options, io, deps);
    } catch (err) {
      if (!(options.passWithNoCases && isHarnessError(err) && err.code === 'E_NO_CASES')) throw err;
      io.out(`${err.message}: nothing to run (--pass-with-no-cases)`);
      return ExitCode.ok;
    }
    return await executeRun(prepared, io, { ...deps, logger: log.logger });
  } finally {
    log.close();
  }
}

/** Flags, config file, PICS file and catalogue → the options of one run (nothing starts yet). */
export async function prepareRun(options: RunCommandOptions, io: CliIo, deps: RunDeps = {}): Promise<PreparedRun> {
  const version = options.ocpp;
  const sut = options.sut;
  const securityProfile = intOption(options.securityProfile, '--security-profile', 0, 3) as 0 | 1 | 2 | 3 | undefined;
  const caseTimeoutS = intOption(options.caseTimeout, '--case-timeout', 1, 86_400);
  const toleranceMs = intOption(options.tolerance, '--tolerance', 0, 600_000);
  // Issue #12 preflight: URLs, ports, files, TLS flags, reporters, report folder; before any socket.
  // A password inside --csms-url becomes the Basic auth credentials and leaves the URL.
  const checked = await preflightRun(options, io.cwd);
  const stationId = checked.stationId ?? options.stationId;
  const password = checked.password ?? options.password;
  const loaded: ConfiguredValues = await loadConfig(options.config, {
    ...(stationId ? { stationId } : {}),
    ...(securityProfile === undefined ? {} : { securityProfile }),
    ...(password ? { basicAuthPassword: password } : {}),
    ...(caseTimeoutS === undefined ? {} : { caseTimeoutMs: caseTimeoutS * 1000 }),
    ...(toleranceMs === undefined ? {} : { toleranceMs }),
    ...deps.configOverrides,
  }, io.env);
  const config = checkNetworkProfiles(loaded, { sut, primaryTls: options.cert !== undefined && options.key !== undefined, cwd: io.cwd });
  const pics = options.pics === undefined && deps.pics ? deps.pics : await loadPics(options.pics, { ocpp: version, sut });
  if ((config.securityProfile === 1 || config.securityProfile === 2) && !config.basicAuthPassword) {
    throw new HarnessError('E_CONFIG', `security profile ${config.securityProfile} needs a Basic auth password`, { hint: 'set OCPP_CONFORM_PASSWORD, --password, or basicAuthPassword in the config file' });
  }

  const schemas = options.schemas ? await loadSchemaDir(options.schemas, version) : undefined;
  if (schemas) io.out(`judging frames with ${schemas.actions().length} schema actions from ${options.schemas?.join(', ') ?? ''}`);
  const catalogue = await loadCatalogueOf(parseCatalogueKind(options.catalogue), options.testcases, { version, sut });
  const selection = selectCases(catalogue.cases, {
    version,
    sut,
    ...(options.only ? { only: options.only } : {}),
    ...(options.block ? { blocks: options.block } : {}),
    ...(options.profile ? { profiles: options.profile } : {}),
  });
  const reportDir = path.resolve(io.cwd, options.reportDir);
  const cases = options.lastFailed ? await lastFailed(selection.selected, reportDir) : selection.selected;
  if (cases.length === 0) {
    for (const note of catalogue.notes) io.err(`note: ${note}`);
    throw new HarnessError('E_NO_CASES', options.lastFailed ? `no case failed in the last report in ${reportDir}` : `no test case selected for OCPP ${version} SUT=${sut}`, {
      hint: options.lastFailed ? 'run without --last-failed to run the whole selection' : 'run `ocpp-conform list` with the same options to see why',
    });
  }
  for (const line of caseWaitWarnings(cases, config)) io.err(line);
  const maxFailures = intOption(options.maxFailures, '--max-failures', 1, 100_000);
  const faults = options.fault === undefined ? undefined : await resolveFault(options.fault, io.cwd, options.configFile);
  // preflightRun created the folder and wrote a test file into it.

  // ---- the run itself: engine/start-run.ts; the CLI turns flags and files into its options ----
  const tls = options.cert && options.key ? { cert: options.cert, key: options.key, ...(options.ca ? { ca: options.ca } : {}) } : undefined;
  const clientTls = options.ca || options.cert ? { ...(options.ca ? { ca: options.ca } : {}), ...(options.cert ? { cert: options.cert } : {}), ...(options.key ? { key: options.key } : {}) } : undefined;
  const endpoint: RunEndpointOptions =
    sut === 'cs'
      ? { sut, ...parseListen(options.listen), path: options.path, ...(tls ? { tls } : {}) }
      : { sut, csmsUrl: checked.csms?.url ?? '', ...(clientTls ? { tls: clientTls } : {}) };
  // Secrets: frames are masked as the wire log records them; `scrub` removes any secret seen
  // there, or configured, from the rest of the run model before a report sees it.
  const secrets = createSecretRedactor([config.basicAuthPassword]);
  const progress = deps.progress !== false && parseReporterNames(options.reporter).includes('console') ? createProgress(io) : undefined;
  const output = createReporters(options.reporter, { reportDir, io: progress?.io ?? io, scrub: secrets.scrub });
  // Issue #12 bounded memory: every frame streams whole to wire.jsonl as it crosses the wire.
  const wireFile = openWireLogFile(path.join(reportDir, 'wire.jsonl'));
  const ui = options.ui ? await startLiveUi(options.ui, io, secrets.scrub) : undefined;
  let adapter: DutAdapter;
  try {
    adapter = createAdapter(options.dut, { ...(deps.simAdapter ? { sim: deps.simAdapter } : {}), ...(ui ? { ui: ui.hub } : {}), cwd: io.cwd, env: io.env });
  } catch (err) {
    wireFile.close();
    await ui?.close();
    throw err;
  }
  const start: StartRunOptions = {
    version,
    endpoint,
    cases,
    stateModules: options.testcases ? await withBuiltinStates(catalogue.stateModules, version, sut) : catalogue.stateModules,
    ...(deps.states ? { states: deps.states } : {}),
    adapter,
    config,
    pics,
    reporters: [...output.reporters, ...(ui ? [ui.reporter] : [])],
    ...(schemas ? { schemas } : {}),
    secrets,
    wireLogSink: wireFile,
    tool: { name: 'ocpp-conform', version: toolVersion },
    selection: { only: options.only ?? [], blocks: options.block ?? [], profiles: options.profile ?? [] },
    ...(faults ? { faults } : {}),
    pki: deps.pki ?? createPki(),
  };
  return {
    start,
    output,
    reportDir,
    adapter,
    wireFile,
    absolutePaths: path.isAbsolute(options.reportDir),
    ...(ui ? { ui } : {}),
    ...(progress ? { progress } : {}),
    ...(maxFailures === undefined ? {} : { maxFailures }),
    ...(options.passWithNoCases ? { passWithNoCases: true } : {}),
  };
}

/**
 * A team's own cases (`--testcases`) may use the built-in reusable states (Booted, Authorized …);
 * a states.js of their own may add states or replace one of the same name (registered later, it
 * wins). The built-in restore is not theirs to inherit: it assumes the built-in cases' ledger, and
 * their folder brings its own restore when it needs one.
 */
/** `--last-failed`: the selected cases whose verdict in the folder's report.json was fail, inconclusive or error. */
async function lastFailed(selected: readonly TestCase[], reportDir: string): Promise<TestCase[]> {
  const file = path.join(reportDir, reportFiles.json);
  if (!existsSync(file)) throw new HarnessError('E_USAGE', `--last-failed: no earlier report at ${file}`, { hint: 'run once without --last-failed, with the same --report-dir' });
  const previous = await loadReport(file);
  const failed = new Set(previous.tests.filter((t) => t.verdict === 'fail' || t.verdict === 'inconclusive' || t.verdict === 'error').map((t) => t.id));
  return selected.filter((tc) => failed.has(tc.id));
}

async function withBuiltinStates(own: readonly StateModule[], version: OcppVersion, sut: Role): Promise<StateModule[]> {
  const builtin = (await loadCatalogue(undefined, { version, sut })).stateModules.map(({ restore: _restore, ...states }) => states);
  return [...builtin, ...own];
}

