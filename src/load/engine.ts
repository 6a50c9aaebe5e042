/**
 * An Artillery engine for OCPP stations (issue #14: load mode on an existing engine). Artillery
 * (`artillery run scenario.yml`, `engine: ocpp`) creates it with the script, an event emitter
 * and helpers, and calls the function `createScenario` returns once per virtual user: here,
 * one virtual user is one charging station that dials `config.target`, runs the flow's steps
 * (src/load/steps.ts) and hangs up. Metrics go out the way Artillery's own engines report them
 * (`counter`, `histogram`, `error` events), so Artillery's reporting, thresholds and distributed
 * runners work with no code of ours:
 *
 * - `ocpp.step.<kind>` histogram (ms) and `ocpp.step.<kind>.pass` / `.fail` counters
 * - `ocpp.message.<Action>` histogram (ms, CALL → answer) and `ocpp.messages_sent` counter
 * - `ocpp.connect` histogram (ms, dial → WebSocket open)
 * - a `case: <id>` step: `ocpp.step.<id>` histogram and `.pass` / `.fail` counters (pass = the
 *   case's verdict is pass), `ocpp.case.<id>.<verdict>` counters
 *
 * The engine is plain ESM; `artillery-engine.cjs` at the package root loads it for Artillery's
 * `require`. Our own runner (src/load/runner.ts) drives the same class without the Artillery CLI.
 */
import type { EventEmitter } from 'node:events';
import type { OcppEndpoint } from '../session/endpoint.js';
import { openEndpoint } from '../session/open.js';
import { dial } from '../transport/client.js';
import type { Connection } from '../transport/connection.js';
import { WireLog } from '../transport/wire-log.js';
import { runCaseStep, type CaseStepOutcome } from './case-step.js';
import { kindOf, runStep, type LoadStep, type LoadVersion } from './steps.js';

export interface OcppEngineConfig {
  /** OCPP version the stations speak (default 2.0.1). */
  version?: LoadVersion;
  /** Station identities are the prefix, a process tag and a counter (default `LOAD`). */
  idPrefix?: string;
  /** Deadline of each CALL (default 30 s); in a `case` step the configured message timeout. */
  callTimeoutMs?: number;
  /** Deadline of a whole `case` step (default the configured case timeout, 300 s). */
  caseTimeoutMs?: number;
}

export interface ArtilleryScript {
  config: { target?: string; ocpp?: OcppEngineConfig; [key: string]: unknown };
  scenarios?: Array<{ engine?: string; flow?: LoadStep[]; [key: string]: unknown }>;
}

export interface ArtilleryScenario {
  flow?: LoadStep[];
  [key: string]: unknown;
}

/** Artillery's per-user context: `vars` are the scenario variables. */
export interface ArtilleryContext {
  vars?: Record<string, unknown>;
  [key: string]: unknown;
}

type Done = (error: Error | null, context: ArtilleryContext) => void;

/** Wire frames kept per engine: a load run judges from the session's outcomes, not from the log. */
const engineWireLogMaxEntries = 256;

export class OcppArtilleryEngine {
  private readonly config: OcppEngineConfig;
  private readonly target: string;
  private next = 0;
  /** One capped log for every station of this engine instance. */
  private readonly wireLog = new WireLog({ maxEntries: engineWireLogMaxEntries });
  private readonly tag = process.pid.toString(36).toUpperCase();

  constructor(script: ArtilleryScript, _ee?: EventEmitter, _helpers?: unknown) {
    this.config = script.config.ocpp ?? {};
    const target = script.config.target;
    if (typeof target !== 'string' || !/^wss?:\/\//.test(target)) throw new Error(`ocpp engine: config.target must be the CSMS ws:// or wss:// URL, got ${JSON.stringify(target)}`);
    this.target = target;
  }

  createScenario(scenario: ArtilleryScenario, ee: EventEmitter): (context: ArtilleryContext, done: Done) => void {
    const flow = scenario.flow ?? [];
    return (context, done) => {
      this.runUser(flow, ee).then(
        () => done(null, context),
        (err: unknown) => {
          const error = err instanceof Error ? err : new Error(String(err));
          ee.emit('error', error.message);
          done(error, context);
        },
      );
    };
  }

  /** The identity of the next virtual station: prefix, process tag, counter (an identifierString, Part 4 §3.1.1). */
  nextIdentity(): string {
    this.next += 1;
    return `${this.config.idPrefix ?? 'LOAD'}-${this.tag}-${String(this.next).padStart(6, '0')}`;
  }

  private async runUser(flow: readonly LoadStep[], ee: EventEmitter): Promise<void> {
    const version = this.config.version ?? '2.0.1';
    const identity = this.nextIdentity();
    ee.emit('started');
    // One identity has one connection at a time (a CSMS may drop the older of two): the station
    // dials before its first message step, and hangs up before a case step, whose run dials its own.
    let open: { connection: Connection; endpoint: OcppEndpoint } | undefined;
    const hangUp = async (reason: string): Promise<void> => {
      const was = open;
      open = undefined;
      await was?.connection.close(1000, reason).catch(() => undefined);
    };
    try {
      for (const step of flow) {
        const kind = kindOf(step);
        if (kind === 'think') {
          // A pause needs no connection (and keeps the one it has).
          await new Promise((resolve) => setTimeout(resolve, (step as { think: number }).think * 1000));
          continue;
        }
        if (kind === 'case') {
          await hangUp('a catalogue case runs on its own connection');
          this.emitCase(await runCaseStep({ caseId: (step as { case: string }).case, version, target: this.target, identity, ...this.caseTimeouts() }), (step as { case: string }).case, ee);
          continue;
        }
        open ??= await this.connect(identity, version, ee);
        const started = performance.now();
        const outcome = await runStep(open.endpoint, version, step);
        ee.emit('histogram', `ocpp.step.${outcome.kind}`, performance.now() - started);
        ee.emit('counter', `ocpp.step.${outcome.kind}.${outcome.ok ? 'pass' : 'fail'}`, 1);
        for (const m of outcome.messages) {
          ee.emit('counter', 'ocpp.messages_sent', 1);
          ee.emit('histogram', `ocpp.message.${m.action}`, m.ms);
        }
        if (!outcome.ok) ee.emit('error', `${outcome.kind}: ${outcome.why ?? 'failed'}`);
      }
    } finally {
      await hangUp('load scenario done');
    }
  }

  private async connect(identity: string, version: LoadVersion, ee: EventEmitter): Promise<{ connection: Connection; endpoint: OcppEndpoint }> {
    const dialled = performance.now();
    const connection = await dial(this.target, { identity, subprotocols: [version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'], wireLog: this.wireLog });
    ee.emit('histogram', 'ocpp.connect', performance.now() - dialled);
    // Calls from the CSMS are answered NotImplemented by the endpoint: a load station only sends.
    const endpoint = openEndpoint(connection, { role: 'cs', version, rememberedIds: 16, ...(this.config.callTimeoutMs ? { callTimeoutMs: this.config.callTimeoutMs } : {}) });
    return { connection, endpoint };
  }

  private caseTimeouts(): { messageTimeoutMs?: number; caseTimeoutMs?: number } {
    return {
      ...(this.config.callTimeoutMs ? { messageTimeoutMs: this.config.callTimeoutMs } : {}),
      ...(this.config.caseTimeoutMs ? { caseTimeoutMs: this.config.caseTimeoutMs } : {}),
    };
  }

  /** A case step's metrics are named by its id, so a scenario of several cases reports each: `ocpp.step.TC_B_01_CSMS`. */
  private emitCase(outcome: CaseStepOutcome, caseId: string, ee: EventEmitter): void {
    ee.emit('histogram', `ocpp.step.${caseId}`, outcome.durationMs);
    ee.emit('counter', `ocpp.step.${caseId}.${outcome.ok ? 'pass' : 'fail'}`, 1);
    ee.emit('counter', `ocpp.case.${caseId}.${outcome.verdict}`, 1);
    if (!outcome.ok) ee.emit('error', `${caseId}: ${outcome.why ?? outcome.verdict}`);
  }
}
