/**
 * `ocpp-conform run`: the harness against a real DUT. SUT = cs: we listen as the CSMS and the
 * station connects to us; SUT = csms: we dial the CSMS as a station. Exit codes through the one
 * funnel: 0 all applicable cases passed, 1 any failed or inconclusive, 2 usage/config, 3 harness,
 * 130 interrupted.
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { isoWall, systemClock } from '../../clock.js';
import { defaultServerPath } from '../../constants.js';
import { ExitCode, HarnessError } from '../../errors.js';
import { loadCatalogue } from '../../catalogue/loader.js';
import { selectCases } from '../../catalogue/select.js';
import { redactConfig, type ConfiguredValues } from '../../engine/configured-values.js';
import { CsmsLink } from '../../engine/csms-link.js';
import type { TestContext } from '../../engine/context-types.js';
import type { DutAdapter } from '../../engine/dut-adapter.js';
import { Journal } from '../../engine/journal.js';
import type { DutLink } from '../../engine/link.js';
import { ReporterMultiplexer } from '../../engine/reporter.js';
import { installCsmsDefaults } from '../../engine/roles/csms-defaults.js';
import { Responders } from '../../engine/responders.js';
import type { CaseResult, RunInfo, RunResult } from '../../engine/run-model.js';
import { interruptedSnapshot, runCases } from '../../engine/runner.js';
import { registerStateModule, StateRegistry } from '../../engine/states.js';
import { StationLink } from '../../engine/station-link.js';
import { isKnownAction } from '../../protocol/actions.js';
import { createSecretRedactor } from '../../protocol/redact.js';
import { subprotocolOf, type OcppVersion, type Role } from '../../protocol/versions.js';
import { createAdapter } from '../../dut/parse-spec.js';
import { basicAuthVerifier, OcppServer } from '../../transport/server.js';
import { WireLog } from '../../transport/wire-log.js';
import { openWireLogFile } from '../../transport/wire-log-file.js';
import { loadConfig, type ConfigOverrides } from '../config-file.js';
import type { CliIo } from '../io.js';
import { setExitCode, toolVersion } from '../main.js';
import { parseListen } from '../listen.js';
import { loadPics } from '../pics-file.js';
import { loadSchemaDir } from '../schema-dir.js';
import { createReporters, reporterNames } from '../reporters.js';
import { preflightRun } from '../preflight.js';
import { handleRunSignals } from '../signals.js';

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
  signal?: AbortSignal;
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new HarnessError('E_USAGE', `${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function registerRunCommand(program: Command, io: CliIo, deps: RunDeps = {}): void {
  program
    .command('run')
    .description('run the selected official test cases against a DUT')
    .addOption(new Option('--ocpp <version>', 'OCPP version').choices(['1.6', '2.0.1', '2.1']).makeOptionMandatory())
    .addOption(new Option('--sut <side>', 'system under test: cs = a charging station connects to us, csms = we dial a CSMS').choices(['cs', 'csms']).makeOptionMandatory())
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
    .option('--block <block...>', 'only these blocks / groups')
    .option('--profile <profile...>', 'only cases of these certification profiles')
    .option('--dut <adapter>', 'how to make the DUT act: sim | http:URL | http-octt:URL | exec:CMD | prompt', 'prompt')
    .option('--report-dir <dir>', 'where reports go', 'reports/latest')
    .addOption(new Option('--reporter <name...>', `reporters: ${reporterNames.join(', ')}`).default([...reporterNames], 'all'))
    .option('--schemas <dir...>', 'judge frames with the JSON schemas in these folders instead of the built-in official ones (OCA layout: Authorize.json, AuthorizeResponse.json …)')
    .option('--case-timeout <seconds>', 'per-case timeout')
    .option('--tolerance <ms>', 'time tolerance for timing checks (default 4000)')
    .addOption(new Option('--testcases <dir>', 'folder of compiled test cases (default: the built-in catalogue)').hideHelp())
    .action(async (options: RunCommandOptions, command: Command) => {
      const code = await runCommand(options, io, deps);
      setExitCode(command, code);
    });
}

export async function runCommand(options: RunCommandOptions, io: CliIo, deps: RunDeps = {}): Promise<number> {
  const version = options.ocpp;
  const sut = options.sut;
  const securityProfile = intOption(options.securityProfile, '--security-profile', 0, 3) as 0 | 1 | 2 | 3 | undefined;
  const caseTimeoutS = intOption(options.caseTimeout, '--case-timeout', 1, 86_400);
  const toleranceMs = intOption(options.tolerance, '--tolerance', 0, 600_000);
  // ---- issue #12 preflight: URLs, ports, files, TLS flags, reporters, report folder; before any socket.
  const checked = await preflightRun(options, io.cwd);
  const csmsUrl = checked.csms?.url;
  // ---- end preflight
  const config: ConfiguredValues = await loadConfig(options.config, {
    ...(checked.stationId ?? options.stationId ? { stationId: checked.stationId ?? options.stationId } : {}),
    ...(securityProfile === undefined ? {} : { securityProfile }),
    ...(checked.password ?? options.password ? { basicAuthPassword: checked.password ?? options.password } : {}),
    ...(caseTimeoutS === undefined ? {} : { caseTimeoutMs: caseTimeoutS * 1000 }),
    ...(toleranceMs === undefined ? {} : { toleranceMs }),
    ...deps.configOverrides,
  }, io.env);
  const pics = await loadPics(options.pics, { ocpp: version, sut });
  if (sut === 'csms' && !options.csmsUrl) {
    throw new HarnessError('E_USAGE', '--sut csms needs --csms-url', { hint: 'e.g. --csms-url ws://csms.example:9000/ocpp' });
  }
  if ((config.securityProfile === 1 || config.securityProfile === 2) && !config.basicAuthPassword) {
    throw new HarnessError('E_CONFIG', `security profile ${config.securityProfile} needs a Basic auth password`, { hint: 'set OCPP_CONFORM_PASSWORD, --password, or basicAuthPassword in the config file' });
  }

  const schemas = options.schemas ? await loadSchemaDir(options.schemas, version) : undefined;
  if (schemas) io.out(`judging frames with ${schemas.actions().length} schema actions from ${options.schemas?.join(', ') ?? ''}`);
  const catalogue = await loadCatalogue(options.testcases, { version, sut });
  const selection = selectCases(catalogue.cases, {
    version,
    sut,
    ...(options.only ? { only: options.only } : {}),
    ...(options.block ? { blocks: options.block } : {}),
    ...(options.profile ? { profiles: options.profile } : {}),
  });
  if (selection.selected.length === 0) {
    for (const note of catalogue.notes) io.err(note);
    throw new HarnessError('E_USAGE', `no test case selected for OCPP ${version} SUT=${sut}`, { hint: 'run `ocpp-conform list` with the same options to see why' });
  }

  const states = deps.states ?? new StateRegistry();
  for (const module of catalogue.stateModules) registerStateModule(states, module);
  const restores = catalogue.stateModules.filter((m) => m.version === version && m.sut === sut).flatMap((m) => (m.restore ? [m.restore] : []));
  const restore = restores.length === 0 ? undefined : async (ctx: TestContext): Promise<void> => {
    for (const r of restores) await r(ctx);
  };

  const adapter = createAdapter(options.dut, { ...(deps.simAdapter ? { sim: deps.simAdapter } : {}) });
  const clock = systemClock;
  // Issue #12 bounded memory: oversized frames kept as head + hash; every frame streamed whole to wire.jsonl.
  const wireFile = openWireLogFile(path.join(path.resolve(io.cwd, options.reportDir), 'wire.jsonl'));
  const wireLog = new WireLog({ clock, maxStoredFrameBytes: config.maxStoredFrameBytes, sink: wireFile });
  const journal = new Journal(clock, { maxPayloadBytes: config.maxStoredFrameBytes });
  const responders = new Responders((action) => isKnownAction(version, action));
  const reportDir = path.resolve(io.cwd, options.reportDir);
  await mkdir(reportDir, { recursive: true });

  // ---- issue #12 signals: SIGINT/SIGTERM abort the run; a second one flushes report.json and exits.
  const progress: { info?: RunInfo; done: CaseResult[]; flush?: (run: RunResult) => unknown } = { done: [] };
  const stop = handleRunSignals({
    io,
    ...(deps.signal ? { external: deps.signal } : {}),
    onForce: () => progress.info && progress.flush?.(interruptedSnapshot(progress.info, progress.done, selection.selected, pics, systemClock)),
  });
  const abort = { signal: stop.signal };
  // ---- end signals

  let server: OcppServer | undefined;
  let link: DutLink;
  try {
    if (sut === 'cs') {
      installCsmsDefaults(responders, version, config);
      const listen = parseListen(options.listen);
      const tls = options.cert && options.key ? { cert: options.cert, key: options.key, ...(options.ca ? { ca: options.ca } : {}) } : undefined;
      const password = config.basicAuthPassword;
      server = new OcppServer({
        host: listen.host,
        port: listen.port,
        path: options.path,
        subprotocols: [subprotocolOf[version]],
        wireLog,
        ...(config.securityProfile > 0 ? { auth: { securityProfile: config.securityProfile, ...(password ? { verify: basicAuthVerifier({ password }) } : {}) } } : {}),
        ...(tls ? { tls } : {}),
        refuse: (identity) => (link instanceof CsmsLink ? link.refusalFor(identity) : undefined),
      });
      const address = await server.start();
      const stationUrl = `${address.url.replace(/\/$/, '')}/${encodeURIComponent(config.stationId)}`;
      io.out(`harness (CSMS, OCPP ${version}) listening: connect station ${config.stationId} to ${stationUrl}`);
      deps.onListening?.(stationUrl);
      link = new CsmsLink({ server, version, stationId: config.stationId, journal, responders, clock, callTimeoutMs: config.messageTimeoutMs, ...(schemas ? { schemas } : {}) });
    } else {
      link = new StationLink({
        csmsUrl: csmsUrl ?? '',
        stationId: config.stationId,
        version,
        journal,
        responders,
        clock,
        wireLog,
        callTimeoutMs: config.messageTimeoutMs,
        ...(schemas ? { schemas } : {}),
        ...(config.basicAuthPassword ? { basicAuth: { username: config.stationId, password: config.basicAuthPassword } } : {}),
        ...(options.ca || options.cert ? { tls: { ...(options.ca ? { ca: options.ca } : {}), ...(options.cert ? { cert: options.cert } : {}), ...(options.key ? { key: options.key } : {}) } } : {}),
      });
      io.out(`harness (station ${config.stationId}, OCPP ${version}) will dial ${csmsUrl ?? ''}`);
    }

    // Secrets: frames are masked as the wire log records them (no frame has crossed yet: the
    // server only just started listening and the station link dials later); `scrub` removes any
    // secret seen there, or configured, from the rest of the run model before a report sees it.
    const secrets = createSecretRedactor([config.basicAuthPassword]);
    wireLog.addRedactor(secrets.frame);
    const output = createReporters(options.reporter, { reportDir, io, scrub: secrets.scrub });
    progress.flush = (run) => output.flushSync(run);
    const reporter = new ReporterMultiplexer([
      // The DUT's identity (BootNotification) is only known once it connected: keep it current.
      { onCaseEnd: (_result, run) => void (run.dut = link.describeDut()) },
      { onRunBegin: (info) => void (progress.info = info), onCaseEnd: (result) => void progress.done.push(result) },
      ...output.reporters,
    ]);
    const run = await runCases({
      cases: selection.selected,
      link,
      adapter,
      config,
      pics,
      clock,
      signal: abort.signal,
      states,
      ...(restore ? { restore } : {}),
      reporter,
      frames: {
        lastSeq: () => wireLog.lastSeq,
        since: (afterSeq) =>
          wireLog.since(afterSeq).flatMap((e) =>
            e.kind === 'frame' ? [{ seq: e.seq, connectionId: e.connectionId, direction: e.direction, wallTime: e.wallTime, monoMs: e.monoMs, text: e.text, ...(e.stored ? { stored: e.stored } : {}) }] : [],
          ),
      },
      info: {
        tool: { name: 'ocpp-conform', version: toolVersion },
        startedAt: isoWall(clock.wallMs()),
        version,
        sut,
        dut: link.describeDut(),
        securityProfile: config.securityProfile,
        dutAdapter: adapter.kind,
        pics,
        config: redactConfig(config),
        selection: { only: options.only ?? [], blocks: options.block ?? [], profiles: options.profile ?? [] },
      },
    });
    run.dut = link.describeDut();
    const written = await output.finish(run);
    wireFile.close();
    for (const f of reporter.failures) io.err(`reporter ${f.reporter} failed in ${f.hook}: ${f.error}`);
    const shown = written.filter((f) => !f.includes(`${path.sep}traces${path.sep}`)).map((f) => path.relative(io.cwd, f) || f);
    if (written.length > shown.length) shown.push(`${path.relative(io.cwd, path.join(reportDir, 'traces')) || 'traces'}/ (${written.length - shown.length} files)`);
    io.out(`report: ${shown.join(', ')}`);
    await link.close();
    deps.onResult?.(run);
    return run.interrupted ? (stop.exitCode ?? ExitCode.interrupted) : exitCodeFor(run);
  } finally {
    wireFile.close();
    stop.dispose();
    await adapter.close?.();
    await server?.close();
  }
}

export function exitCodeFor(run: RunResult): number {
  if (run.interrupted) return ExitCode.interrupted;
  const v = run.summary.byVerdict;
  if (v.error > 0) return ExitCode.harness;
  if (v.fail > 0 || v.inconclusive > 0) return ExitCode.failed;
  return ExitCode.ok;
}
