/**
 * The one programmatic entry to a run (DESIGN.md "One programmatic entry to a run"): options in,
 * a run handle out (events, abort, the run model). `run`, `demo`, the tests and later the live UI,
 * the load engine and replay all start runs here; the CLI only turns flags and files into options.
 *
 * The engine may not import dut/, reporters/, catalogue/ or cli/ (DESIGN.md layer table), so the
 * caller passes what those build: the selected cases, the state modules, the DUT adapter instance
 * and the Reporter instances. What lies below the engine (the WebSocket server or client, the
 * links, the CSMS defaults, the wire log, the secret redaction) is built here.
 */
import { EventEmitter } from 'node:events';
import { isoWall, systemClock, type Clock } from '../clock.js';
import { isKnownAction } from '../protocol/actions.js';
import type { Finding } from '../protocol/findings.js';
import { createSecretRedactor, type SecretRedactor } from '../protocol/redact.js';
import type { SchemaSet } from '../protocol/schemas.js';
import type { Pki } from '../protocol/pki.js';
import { subprotocolOf, type OcppVersion, type Role } from '../protocol/versions.js';
import { basicAuthVerifier, OcppServer } from '../transport/server.js';
import type { ClientTlsOptions, ServerTlsOptions } from '../transport/tls-options.js';
import { HarnessError } from '../errors.js';
import { WireLog, type WireEntry, type WireLogSink } from '../transport/wire-log.js';
import { redactConfig, type ConfiguredValues } from './configured-values.js';
import type { StepRecord, TestContext } from './context-types.js';
import { CsmsLink } from './csms-link.js';
import type { TestCase } from './define.js';
import type { DutAdapter } from './dut-adapter.js';
import { Journal } from './journal.js';
import type { DutLink } from './link.js';
import type { Pics } from './pics-condition.js';
import { ReporterMultiplexer, type CaseInfo, type Reporter } from './reporter.js';
import { installCsmsDefaults } from './roles/csms-defaults.js';
import { installStationDefaults } from './roles/station-defaults.js';
import { Responders } from './responders.js';
import type { CaseResult, RunInfo, RunResult, TraceEvent, TraceFrame } from './run-model.js';
import { traceEventOf } from './trace-events.js';
import type { WaitInfo } from './context.js';
import { runCases } from './runner.js';
import { registerStateModule, StateRegistry, type StateModule } from './states.js';
import { secondServerOpener } from './second-endpoint.js';
import { StationLink } from './station-link.js';
import { faultInstaller, faultRecorder, type RunFaults } from './run-faults.js';

/** SUT = cs: the harness plays the CSMS and listens; SUT = csms: it plays a station and dials. */
export type RunEndpointOptions =
  | { sut: 'cs'; host: string; port: number; path: string; tls?: ServerTlsOptions }
  | { sut: 'csms'; csmsUrl: string; tls?: ClientTlsOptions };

export interface StartRunOptions {
  version: OcppVersion;
  endpoint: RunEndpointOptions;
  /** The cases to run, in order (already selected by the caller, e.g. catalogue/select.ts). */
  cases: readonly TestCase[];
  /** Reusable states and restores of the catalogue; those of this version and side are used. */
  stateModules?: readonly StateModule[];
  /** A registry to register the states into (default: a new one). */
  states?: StateRegistry;
  adapter: DutAdapter;
  config: ConfiguredValues;
  pics: Pics;
  /** Report writers; a failing one never stops the run (`handle.reporterFailures`). */
  reporters?: readonly Reporter[];
  /** Judge frames with these schemas instead of the built-in official ones. */
  schemas?: SchemaSet;
  /** Secret masking for frames and the run model (default: one knowing the Basic auth password). */
  secrets?: SecretRedactor;
  /** Where every wire entry streams whole as it is recorded (wire.jsonl): memory keeps big frames only as a head. */
  wireLogSink?: WireLogSink;
  /** What the run model records about the tool and the selection. */
  tool: RunInfo['tool'];
  selection?: RunInfo['selection'];
  clock?: Clock;
  /** Faults injected on every connection with the DUT (run --fault, issue #16). */
  faults?: RunFaults;
  /** Aborting it is the same as `handle.abort()`. */
  signal?: AbortSignal;
  /** Certificate operations for the cases (`ctx.pki`), made by the caller (src/security/pki.ts). */
  pki?: Pki;
}

/** A connection of the DUT opened, closed or was refused, as the wire log saw it. */
export type ConnectionEvent = Extract<WireEntry, { kind: 'open' | 'close' | 'rejected' }>;

/** The events of a run, in the order they happen; `ready` comes before any case starts. */
export interface RunEvents {
  /** SUT = cs: the harness listens at `url` (the station's URL); SUT = csms: it will dial `url`. */
  ready: [{ sut: Role; url: string }];
  connection: [ConnectionEvent];
  caseStart: [CaseInfo];
  step: [{ caseId: string; step: StepRecord }];
  /** A protocol finding of the case that just ended (OCPP-J layer, schema, format, semantics). */
  finding: [{ caseId: string; finding: Finding }];
  caseEnd: [CaseResult];
  /** The running case started waiting on the DUT: a message, a quiet period, an action, a connection. */
  wait: [{ caseId: string; wait: WaitInfo }];
}

export interface RunHandle {
  on<E extends keyof RunEvents>(event: E, listener: (...args: RunEvents[E]) => void): this;
  off<E extends keyof RunEvents>(event: E, listener: (...args: RunEvents[E]) => void): this;
  /** Stop after the current case; finished results stay, the run model says `interrupted`. */
  abort(reason?: unknown): void;
  /** The run model once the run ended and the server / connection are closed. Rejects if the run could not start. */
  readonly result: Promise<RunResult>;
  /** Every frame in and out (secrets masked), for the wire.jsonl file. */
  readonly wireLog: WireLog;
  /** Removes every known secret from a string (reports, logs). */
  readonly scrub: (text: string) => string;
  /** Why the run stopped early (an abort reason: an interruption, or the DUT out of reach), if it did. */
  readonly stopReason: unknown;
  /** Reporter hooks that threw, with the error (the run went on). */
  readonly reporterFailures: ReadonlyArray<{ reporter: number; hook: string; error: string }>;
}

class Handle extends EventEmitter implements RunHandle {
  readonly abortController = new AbortController();
  result!: Promise<RunResult>;
  reporterFailures: ReadonlyArray<{ reporter: number; hook: string; error: string }> = [];
  constructor(
    readonly wireLog: WireLog,
    readonly scrub: (text: string) => string,
  ) {
    super();
  }
  abort(reason?: unknown): void {
    if (!this.abortController.signal.aborted) this.abortController.abort(reason);
  }
  get stopReason(): unknown {
    return this.abortController.signal.aborted ? (this.abortController.signal.reason as unknown) : undefined;
  }
}

/**
 * Start a run. Returns at once; attach listeners, then await `result`. The work starts on the next
 * microtask, so a listener attached right after the call sees every event.
 */
export function startRun(options: StartRunOptions): RunHandle {
  const clock = options.clock ?? systemClock;
  const secrets = options.secrets ?? createSecretRedactor([options.config.basicAuthPassword]);
  // Issue #12 bounded memory: frames over maxStoredFrameBytes stay in memory as head + hash.
  const wireLog = new WireLog({ clock, maxStoredFrameBytes: options.config.maxStoredFrameBytes, ...(options.wireLogSink ? { sink: options.wireLogSink } : {}) });
  // Frames are masked as the wire log records them: no frame has crossed yet.
  wireLog.addRedactor(secrets.frame);
  const handle = new Handle(wireLog, secrets.scrub);
  const emit = <E extends keyof RunEvents>(event: E, ...args: RunEvents[E]): void => {
    // A throwing listener must not break the run (the same isolation as the reporter multiplexer).
    try {
      handle.emit(event, ...args);
    } catch {
      /* ignored on purpose */
    }
  };
  const onExternalAbort = (): void => handle.abort(options.signal?.reason);
  if (options.signal?.aborted) handle.abort(options.signal.reason);
  else options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  handle.result = Promise.resolve()
    .then(() => execute(options, clock, handle, emit))
    .finally(() => options.signal?.removeEventListener('abort', onExternalAbort));
  // The caller owns the promise; this only keeps an unobserved rejection from crashing the process early.
  handle.result.catch(() => undefined);
  return handle;
}

async function execute(options: StartRunOptions, clock: Clock, handle: Handle, emit: <E extends keyof RunEvents>(event: E, ...args: RunEvents[E]) => void): Promise<RunResult> {
  const { version, config, endpoint } = options;
  const sut = endpoint.sut;
  const states = options.states ?? new StateRegistry();
  const modules = options.stateModules ?? [];
  for (const module of modules) registerStateModule(states, module);
  const restores = modules.filter((m) => m.version === version && m.sut === sut).flatMap((m) => (m.restore ? [m.restore] : []));
  const restore = restores.length === 0 ? undefined : async (ctx: TestContext): Promise<void> => {
    for (const r of restores) await r(ctx);
  };

  const { wireLog } = handle;
  const stopConnections = wireLog.onEntry((entry) => {
    if (entry.kind === 'open' || entry.kind === 'close' || entry.kind === 'rejected') emit('connection', entry);
  });
  const journal = new Journal(clock, { maxPayloadBytes: config.maxStoredFrameBytes, ...(options.faults ? { onAttach: faultInstaller(options.faults, clock) } : {}) });
  const responders = new Responders((action) => isKnownAction(version, action));
  let server: OcppServer | undefined;
  let link: DutLink | undefined;
  try {
    if (endpoint.sut === 'cs') {
      installCsmsDefaults(responders, version, config);
      const password = config.basicAuthPassword;
      server = new OcppServer({
        host: endpoint.host,
        port: endpoint.port,
        path: endpoint.path,
        subprotocols: [subprotocolOf[version]],
        wireLog,
        ...(config.securityProfile > 0 ? { auth: { securityProfile: config.securityProfile, ...(password ? { verify: basicAuthVerifier({ password }) } : {}) } } : {}),
        ...(endpoint.tls ? { tls: endpoint.tls } : {}),
        refuse: (identity) => (link instanceof CsmsLink ? link.refusalFor(identity) : undefined),
        // OCPP-J Part 4 §3.2: an identity we do not know is refused with 404 before the upgrade, naming it.
        acceptIdentity: (identity) => identity === config.stationId,
      });
      const address = await server.start();
      const stationUrl = `${address.url.replace(/\/$/, '')}/${encodeURIComponent(config.stationId)}`;
      const openSecondServer = secondServerOpener({ config, version, wireLog, ...(endpoint.tls ? { primaryTls: endpoint.tls } : {}) });
      link = new CsmsLink({ server, version, stationId: config.stationId, journal, responders, clock, callTimeoutMs: config.messageTimeoutMs, openSecondServer, ...(options.schemas ? { schemas: options.schemas } : {}) });
      emit('ready', { sut, url: stationUrl });
    } else {
      link = new StationLink({
        csmsUrl: endpoint.csmsUrl,
        stationId: config.stationId,
        version,
        journal,
        responders,
        clock,
        wireLog,
        callTimeoutMs: config.messageTimeoutMs,
        ...(options.schemas ? { schemas: options.schemas } : {}),
        ...(config.basicAuthPassword ? { basicAuth: { username: config.stationId, password: config.basicAuthPassword } } : {}),
        ...(endpoint.tls ? { tls: endpoint.tls } : {}),
      });
      const stationLink = link;
      installStationDefaults(responders, version, config, () => stationLink.current());
      emit('ready', { sut, url: endpoint.csmsUrl });
    }
    const dutLink = link;

    const multiplexer = new ReporterMultiplexer([
      ...(options.faults ? [faultRecorder(wireLog)] : []),
      // The DUT's identity (BootNotification) is only known once it connected: keep it current.
      { onCaseEnd: (_result, run) => void (run.dut = dutLink.describeDut()) },
      {
        onCaseBegin: (info) => emit('caseStart', info),
        onStepEnd: (caseId, step) => emit('step', { caseId, step }),
        onCaseEnd: (result) => {
          for (const finding of result.findings) emit('finding', { caseId: result.id, finding });
          emit('caseEnd', result);
          // A DUT that could never be reached for a configuration reason: the remaining cases
          // would each wait out the connect timeout for nothing (issue #11).
          const fatal = dutLink.fatalConnectError;
          if (fatal !== undefined) {
            handle.abort(new HarnessError('E_TRANSPORT', fatal, { hint: 'check the URL, port, path, station identity, password and CA of the DUT; the remaining cases were not run' }));
          }
        },
      },
      ...(options.reporters ?? []),
    ]);
    const run = await runCases({
      cases: options.cases,
      link: dutLink,
      adapter: options.adapter,
      config,
      pics: options.pics,
      clock,
      signal: handle.abortController.signal,
      onWait: (caseId, wait) => emit('wait', { caseId, wait }),
      states,
      ...(options.pki ? { pki: options.pki } : {}),
      ...(restore ? { restore } : {}),
      reporter: multiplexer,
      frames: {
        lastSeq: () => wireLog.lastSeq,
        since: (afterSeq) => caseTrace(wireLog, afterSeq),
      },
      info: {
        tool: options.tool,
        startedAt: isoWall(clock.wallMs()),
        version,
        sut,
        dut: dutLink.describeDut(),
        securityProfile: config.securityProfile,
        dutAdapter: options.adapter.kind,
        pics: options.pics,
        config: redactConfig(config),
        selection: options.selection ?? { only: [], blocks: [], profiles: [] },
        ...(options.faults ? { faults: { profile: options.faults.profile, spec: options.faults.spec, seed: options.faults.seed } } : {}),
      },
    });
    run.dut = dutLink.describeDut();
    handle.reporterFailures = multiplexer.failures;
    return run;
  } finally {
    stopConnections();
    await link?.close();
    await server?.close();
  }
}

/**
 * The frames of one case for its trace. With a sink (wire.jsonl) every entry is on disk already,
 * so once a finished case's trace is built its entries leave memory (issue #14: retention per
 * case); the journal keeps what the expectations need. Without a sink the log keeps everything.
 */
function caseTrace(wireLog: WireLog, afterSeq: number): Array<(Omit<TraceFrame, 'relMs'> | Omit<TraceEvent, 'relMs'>) & { monoMs: number }> {
  type Line = (Omit<TraceFrame, 'relMs'> | Omit<TraceEvent, 'relMs'>) & { monoMs: number };
  const frames = wireLog.since(afterSeq).flatMap((e): Line[] =>
    e.kind === 'frame' ? [{ seq: e.seq, connectionId: e.connectionId, direction: e.direction, wallTime: e.wallTime, monoMs: e.monoMs, text: e.text, ...(e.stored ? { stored: e.stored } : {}) }] : traceEventOf(e),
  );
  if (wireLog.hasSink) wireLog.release(wireLog.lastSeq);
  return frames;
}
