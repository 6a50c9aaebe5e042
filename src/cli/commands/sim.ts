/**
 * `ocpp-conform sim …`: run a reference simulator on its own, with its HTTP control API.
 *
 *   sim csms     a CSMS stations can connect to (the DUT of the `_CSMS` cases, or a test CSMS)
 *   sim station  a charging station that dials a CSMS
 *   sim defects  every named defect of both simulators
 *
 * csms and station run until SIGINT/SIGTERM, then close every connection and exit 0.
 */
import { Option, type Command } from 'commander';
import { ExitCode, HarnessError } from '../../errors.js';
import { ocppVersions, type OcppVersion, type Role } from '../../protocol/versions.js';
import { ControlServer } from '../../sim/control-server.js';
import { CsmsSimulator, defaultHeartbeatIntervalS, type BootStatus } from '../../sim/csms/index.js';
import { allDefects, parseDefects, splitDefectNames } from '../../sim/defects.js';
import { allQuirks, parseQuirks } from '../../sim/quirk-registry.js';
import type { DefectInfo, SimControl } from '../../sim/types.js';
import type { SecurityProfile } from '../../transport/server.js';
import type { CliIo } from '../io.js';
import { parseListen, port } from '../listen.js';

export { parseListen };
import { setExitCode } from '../exit.js';
import { checkInputFiles, credentialsFrom, parseCsmsUrl } from '../preflight.js';
import { createFleet } from '../sim-fleet.js';
import { verboseWireLog } from '../sim-verbose.js';
import { formatTable, tableWidth } from '../text-table.js';

const simVersions = ['1.6', '2.0.1'] as const;
type SimVersion = (typeof simVersions)[number];

/** Where the CLI reads a Basic auth password from when --password is not given (keeps it out of `ps`). */
export const simPasswordEnv = 'OCPP_CONFORM_SIM_PASSWORD';

export interface SimCommandDeps {
  /** Resolves when the simulator should stop (default: SIGINT or SIGTERM). */
  waitForStop?: () => Promise<string>;
}

interface CsmsCommandOptions {
  ocpp: SimVersion;
  listen: string;
  path: string;
  securityProfile: string;
  password?: string;
  cert?: string;
  key?: string;
  ca?: string;
  station?: string[];
  acceptAnyStation?: boolean;
  boot: string;
  interval: string;
  retryInterval?: string;
  defect?: string[];
  quirk?: string[];
  controlPort: string;
  controlHost?: string;
  verbose?: boolean;
}

interface StationCommandOptions {
  ocpp: SimVersion;
  csmsUrl: string;
  stationId: string;
  evses: string;
  password?: string;
  ca?: string;
  cert?: string;
  key?: string;
  defect?: string[];
  quirk?: string[];
  controlPort: string;
  controlHost?: string;
  verbose?: boolean;
  /** Issue #14: a fleet of stations in this one process (src/cli/sim-fleet.ts). */
  count?: string;
  idPrefix: string;
  rampPerS: string;
}

interface DefectsCommandOptions {
  json: boolean;
  side?: Role;
  ocpp?: OcppVersion;
}

export function registerSimCommand(program: Command, io: CliIo, deps: SimCommandDeps = {}): void {
  const sim = program.command('sim').description('run a reference simulator (CSMS or charging station) with a local control API');
  const waitForStop = deps.waitForStop ?? waitForSignal;

  sim
    .command('csms')
    .description('run the reference CSMS: stations connect to it, the control API makes it send CALLs')
    .addHelpText('after', '\nExamples:\n  ocpp-conform sim csms --ocpp 2.0.1 --listen 127.0.0.1:9000 --control-port 9100\n  ocpp-conform sim csms --ocpp 1.6 --boot Pending,Accepted --defect boot-without-interval\n  curl -X POST -H \'Content-Type: application/json\' -d \'{"stationId":"CP001","type":"Immediate"}\' http://127.0.0.1:9100/actions/triggerReset')
    .addOption(new Option('--ocpp <version>', 'OCPP version').choices([...simVersions]).makeOptionMandatory())
    .option('--listen <host:port>', 'address to listen on (port 0 = any free port)', '127.0.0.1:9000')
    .option('--path <path>', 'path prefix; stations connect at <path>/<stationId>', '/ocpp')
    .addOption(new Option('--security-profile <n>', 'security profile').choices(['0', '1', '2', '3']).default('0'))
    .option('--password <password>', `Basic auth password of the stations (profiles 1/2; default $${simPasswordEnv})`)
    .option('--cert <file>', 'TLS server certificate, PEM (profiles 2/3)')
    .option('--key <file>', 'TLS server private key, PEM (profiles 2/3)')
    .option('--ca <file>', 'CA that signs station certificates, PEM (profile 3)')
    .option('--station <id...>', 'station ids the CSMS knows; others are refused with 404 (default: accept any)')
    .option('--accept-any-station', 'accept any station id even when --station is given')
    .option('--boot <statuses>', 'answers to successive BootNotifications, e.g. Pending,Accepted (the last repeats)', 'Accepted')
    .option('--interval <seconds>', 'heartbeat interval returned with Accepted', String(defaultHeartbeatIntervalS))
    .option('--retry-interval <seconds>', 'interval returned with Pending/Rejected (default: --interval)')
    .option('--defect <names...>', 'switch on named defects (comma-separated or repeated; see `sim defects`)')
    .option('--quirk <names...>', 'switch on compliant-but-different behaviours (comma-separated or repeated; see `sim quirks`)')
    .option('--control-port <port>', 'port of the HTTP control API (0 = any free port)', '0')
    .option('--control-host <host>', 'address of the HTTP control API', '127.0.0.1')
    .option('--verbose', 'print every frame and connection event as it happens')
    .action(async (options: CsmsCommandOptions, command: Command) => {
      await runCsms(options, io, waitForStop);
      setExitCode(command, ExitCode.ok);
    });

  sim
    .command('station')
    .description('run the reference charging station: it dials a CSMS, the control API plugs in, presents tokens …')
    .addHelpText('after', '\nExamples:\n  ocpp-conform sim station --ocpp 2.0.1 --csms-url ws://127.0.0.1:9000/ocpp --control-port 9101\n  curl -X POST -H \'Content-Type: application/json\' -d \'{"evseId":1}\' http://127.0.0.1:9101/actions/plugIn')
    .addOption(new Option('--ocpp <version>', 'OCPP version').choices([...simVersions]).makeOptionMandatory())
    .requiredOption('--csms-url <url>', 'CSMS endpoint URL, e.g. ws://localhost:9000/ocpp (the station id is appended)')
    .option('--station-id <id>', 'station identity', 'CP001')
    .option('--evses <n>', '2.0.1: EVSEs (one connector each); 1.6: connectors', '1')
    .option('--password <password>', `Basic auth password (profiles 1/2; default $${simPasswordEnv})`)
    .option('--ca <file>', 'wss://: the CA that signed the CSMS certificate, PEM (profiles 2/3)')
    .option('--cert <file>', 'wss://: our client certificate, PEM (profile 3)')
    .option('--key <file>', 'private key of --cert, PEM (profile 3)')
    .option('--defect <names...>', 'switch on named defects (comma-separated or repeated; see `sim defects`)')
    .option('--quirk <names...>', 'switch on compliant-but-different behaviours (comma-separated or repeated; see `sim quirks`)')
    .option('--control-port <port>', 'port of the HTTP control API (0 = any free port)', '0')
    .option('--control-host <host>', 'address of the HTTP control API', '127.0.0.1')
    .option('--verbose', 'print every frame and connection event as it happens')
    .option('--count <n>', 'run N stations in this process (ids: --id-prefix and a number, e.g. CP0001); the control API takes "stationId"')
    .option('--id-prefix <prefix>', 'with --count: station id prefix', 'CP')
    .option('--ramp-per-s <n>', 'with --count: stations started per second', '100')
    .action(async (options: StationCommandOptions, command: Command) => {
      await runStation(options, io, waitForStop);
      setExitCode(command, ExitCode.ok);
    });

  sim
    .command('quirks')
    .description('list the compliant-but-different behaviours of both simulators (cases must pass against each)')
    .addHelpText('after', '\nExamples:\n  ocpp-conform sim quirks --side cs --ocpp 2.0.1\n  ocpp-conform demo --ocpp 2.0.1 --sut cs --quirk merged-transaction-events')
    .option('--json', 'print a JSON array', false)
    .addOption(new Option('--side <side>', 'only the station (cs) or the CSMS (csms) simulator').choices(['cs', 'csms']))
    .addOption(new Option('--ocpp <version>', 'only quirks of this OCPP version').choices([...ocppVersions]))
    .action((options: DefectsCommandOptions) => {
      const list = allQuirks().filter((d) => (options.side === undefined || d.side === options.side) && (options.ocpp === undefined || d.versions.includes(options.ocpp)));
      io.out(options.json ? JSON.stringify(list, null, 2) : formatQuirks(list, tableWidth(io)));
    });

  sim
    .command('defects')
    .description('list the named defects of both simulators')
    .addHelpText('after', '\nExamples:\n  ocpp-conform sim defects --side cs --ocpp 2.0.1\n  ocpp-conform sim defects --json')
    .option('--json', 'print a JSON array', false)
    .addOption(new Option('--side <side>', 'only the station (cs) or the CSMS (csms) simulator').choices(['cs', 'csms']))
    .addOption(new Option('--ocpp <version>', 'only defects of this OCPP version').choices([...ocppVersions]))
    .action((options: DefectsCommandOptions) => {
      const list = allDefects().filter((d) => (options.side === undefined || d.side === options.side) && (options.ocpp === undefined || d.versions.includes(options.ocpp)));
      io.out(options.json ? JSON.stringify(list, null, 2) : formatDefects(list, tableWidth(io)));
    });
}

/** An aligned table of the quirks: name, simulator, versions, what it does (still compliant). */
export function formatQuirks(list: readonly DefectInfo[], width?: number): string {
  if (list.length === 0) return 'no quirks match';
  const rows = [['QUIRK', 'SIM', 'OCPP', 'WHAT IT DOES DIFFERENTLY (STILL COMPLIANT)'], ...list.map((d) => [d.name, d.side === 'cs' ? 'station' : 'csms', d.versions.join(','), d.description])];
  return `${formatTable(rows, width === undefined ? {} : { width })}\n${list.length} quirk(s)`;
}

/** An aligned table: name, simulator, versions, description. */
export function formatDefects(list: readonly DefectInfo[], width?: number): string {
  if (list.length === 0) return 'no defects match';
  const rows = [['DEFECT', 'SIM', 'OCPP', 'WHAT IT DOES WRONG'], ...list.map((d) => [d.name, d.side === 'cs' ? 'station' : 'csms', d.versions.join(','), d.description])];
  return `${formatTable(rows, width === undefined ? {} : { width })}\n${list.length} defect(s)`;
}

// ---- sim csms -------------------------------------------------------------------------------

async function runCsms(options: CsmsCommandOptions, io: CliIo, waitForStop: () => Promise<string>): Promise<void> {
  const { host, port } = parseListen(options.listen);
  const securityProfile = Number(options.securityProfile) as SecurityProfile;
  const password = options.password ?? io.env[simPasswordEnv];
  if ((securityProfile === 1 || securityProfile === 2) && (password === undefined || password === '')) {
    throw new HarnessError('E_USAGE', `security profile ${securityProfile} needs the stations' Basic auth password`, { hint: `pass --password or set ${simPasswordEnv}` });
  }
  if (securityProfile >= 2 && (options.cert === undefined || options.key === undefined)) {
    throw new HarnessError('E_USAGE', `security profile ${securityProfile} needs --cert and --key${securityProfile === 3 ? ' and --ca' : ''}`, { hint: 'run `ocpp-conform certs init` first' });
  }
  if (securityProfile === 3 && options.ca === undefined) {
    throw new HarnessError('E_USAGE', 'security profile 3 needs --ca (the CA that signs station certificates)', { hint: 'run `ocpp-conform certs init` first' });
  }
  const heartbeatIntervalS = seconds(options.interval, '--interval');
  const sim = new CsmsSimulator({
    version: options.ocpp,
    host,
    port,
    path: options.path,
    securityProfile,
    ...(password === undefined || securityProfile === 0 || securityProfile === 3 ? {} : { password }),
    ...(options.cert !== undefined && options.key !== undefined
      ? { tls: { cert: options.cert, key: options.key, baseDir: io.cwd, ...(options.ca === undefined ? {} : { ca: options.ca }) } }
      : {}),
    ...(options.station === undefined ? { acceptAnyStation: true } : { stationIds: splitList(options.station), acceptAnyStation: options.acceptAnyStation === true }),
    bootPolicy: splitList([options.boot]) as BootStatus[],
    heartbeatIntervalS,
    retryIntervalS: options.retryInterval === undefined ? heartbeatIntervalS : seconds(options.retryInterval, '--retry-interval'),
    defects: parseDefects(options.defect, 'csms', options.ocpp),
    quirks: parseQuirks(splitDefectNames(options.quirk), 'csms', options.ocpp),
    ...(options.verbose ? { wireLog: verboseWireLog(io, [password]) } : {}),
  });
  const { url } = await sim.start();
  const snapshot = sim.snapshot();
  io.out(`CSMS simulator (OCPP ${options.ocpp}, security profile ${securityProfile}) listening on ${url}`);
  io.out(`  stations connect at ${url}/<stationId>${options.station === undefined || options.acceptAnyStation === true ? ' (any station id)' : ` (known: ${splitList(options.station).join(', ')})`}`);
  io.out(`  boot policy: ${(snapshot.bootPolicy as string[]).join(', ')}; heartbeat interval ${heartbeatIntervalS} s`);
  io.out(`  defects: ${(snapshot.defects as string[]).join(', ') || 'none (compliant)'}`);
  await serveUntilStopped(sim, () => sim.close(), options, io, waitForStop);
}

// ---- sim station ----------------------------------------------------------------------------

/** What the CLI needs from the station simulator (src/sim/station). */
interface StationSimLike extends SimControl {
  start(): Promise<void>;
  stop(): Promise<void>;
}
interface StationModule {
  StationSimulator?: new (options: Record<string, unknown>) => StationSimLike;
  createStationSimulator?: (options: Record<string, unknown>) => StationSimLike;
}

/**
 * Resolved at run time, so the CSMS side builds and runs even where the station simulator is
 * absent; its public entry is index.js, station-simulator.js until that exists.
 */
const stationModulePaths = ['../../sim/station/index.js', '../../sim/station/station-simulator.js'];

async function loadStationSimulator(): Promise<(options: Record<string, unknown>) => StationSimLike> {
  let lastError: unknown;
  for (const path of stationModulePaths) {
    let mod: StationModule;
    try {
      mod = (await import(path)) as StationModule;
    } catch (err) {
      lastError = err;
      continue;
    }
    if (mod.createStationSimulator !== undefined) return mod.createStationSimulator;
    const Ctor = mod.StationSimulator;
    if (typeof Ctor === 'function') return (options) => new Ctor(options);
  }
  throw new HarnessError('E_USAGE', 'the station simulator is not available in this build', { cause: lastError, hint: 'use `ocpp-conform sim csms`, or update ocpp-conform' });
}

async function runStation(options: StationCommandOptions, io: CliIo, waitForStop: () => Promise<string>): Promise<void> {
  const evses = Number(options.evses);
  if (!Number.isInteger(evses) || evses < 1) throw new HarnessError('E_USAGE', `--evses must be a positive integer, got "${options.evses}"`);
  const defects = parseDefects(options.defect, 'cs', options.ocpp);
  const quirks = parseQuirks(splitDefectNames(options.quirk), 'cs', options.ocpp);
  // ---- issue #12 preflight: a garbage --csms-url is refused here, not dialled forever.
  const csms = parseCsmsUrl(options.csmsUrl);
  const creds = credentialsFrom(csms, { stationId: options.stationId, ...(options.password ? { password: options.password } : {}) });
  options = { ...options, csmsUrl: csms.url, ...(creds.password ? { password: creds.password } : {}) };
  // ---- end preflight
  const password = options.password ?? io.env[simPasswordEnv];
  if ((options.cert === undefined) !== (options.key === undefined)) {
    throw new HarnessError('E_USAGE', '--cert and --key go together (the client certificate of security profile 3)', { hint: 'give both, or neither' });
  }
  await checkInputFiles([['--ca', options.ca], ['--cert', options.cert], ['--key', options.key]], io.cwd);
  const tls = options.ca || options.cert ? { baseDir: io.cwd, ...(options.ca ? { ca: options.ca } : {}), ...(options.cert ? { cert: options.cert } : {}), ...(options.key ? { key: options.key } : {}) } : undefined;
  if (options.count !== undefined) {
    const fleet = createFleet(options, {
      version: options.ocpp,
      csmsUrl: options.csmsUrl,
      ...(options.ocpp === '1.6' ? { connectors: evses } : { evses: Array.from({ length: evses }, () => 1) }),
      ...(password === undefined || password === '' ? {} : { basicAuthPassword: password }),
      ...(tls ? { tls } : {}),
      defects,
    });
    io.out(`${fleet.ids.length} station simulators ${fleet.ids[0] ?? ''}…${fleet.ids.at(-1) ?? ''} (OCPP ${options.ocpp}) dialling ${options.csmsUrl} at ${options.rampPerS}/s`);
    void fleet.start();
    await serveUntilStopped(fleet, () => fleet.stop(), options, io, waitForStop);
    return;
  }
  const create = await loadStationSimulator();
  const station = create({
    version: options.ocpp,
    csmsUrl: options.csmsUrl,
    stationId: options.stationId,
    // 2.0.1: connectors per EVSE; 1.6: a connector count.
    evses: options.ocpp === '1.6' ? evses : Array.from({ length: evses }, () => 1),
    connectors: evses,
    ...(password === undefined || password === '' ? {} : { basicAuthPassword: password }),
    ...(tls ? { tls } : {}),
    ...(options.verbose ? { wireLog: verboseWireLog(io, [password]) } : {}),
    defects,
    quirks,
  });
  io.out(`station simulator ${options.stationId} (OCPP ${options.ocpp}, ${evses} ${options.ocpp === '1.6' ? 'connector' : 'EVSE'}${evses === 1 ? '' : 's'}) dialling ${options.csmsUrl}`);
  io.out(`  defects: ${defects.join(', ') || 'none (compliant)'}`);
  if (quirks.length > 0) io.out(`  quirks: ${quirks.join(', ')}`);
  await station.start();
  await serveUntilStopped(station, () => station.stop(), options, io, waitForStop);
}

// ---- shared ---------------------------------------------------------------------------------

async function serveUntilStopped(
  sim: SimControl,
  stopSim: () => Promise<void>,
  options: { controlPort: string; controlHost?: string },
  io: CliIo,
  waitForStop: () => Promise<string>,
): Promise<void> {
  const control = new ControlServer(sim, { port: port(options.controlPort, '--control-port'), ...(options.controlHost === undefined ? {} : { host: options.controlHost }) });
  try {
    const { url } = await control.start();
    io.out(`control API: ${url} (GET /state, GET /actions, POST /actions/<name>)`);
    io.out('press Ctrl+C to stop');
    const signal = await waitForStop();
    io.out(`${signal}: closing`);
  } finally {
    await control.close();
    await stopSim();
  }
  io.out('stopped');
}

function waitForSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}


function seconds(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new HarnessError('E_USAGE', `${flag} must be a whole number of seconds, got "${text}"`);
  return n;
}

const splitList = (values: readonly string[]): string[] => values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
