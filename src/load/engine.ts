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
 *
 * The engine is plain ESM; `artillery-engine.cjs` at the package root loads it for Artillery's
 * `require`. Our own runner (src/load/runner.ts) drives the same class without the Artillery CLI.
 */
import type { EventEmitter } from 'node:events';
import { openEndpoint } from '../session/open.js';
import { dial } from '../transport/client.js';
import { WireLog } from '../transport/wire-log.js';
import { runStep, type LoadStep, type LoadVersion } from './steps.js';

export interface OcppEngineConfig {
  /** OCPP version the stations speak (default 2.0.1). */
  version?: LoadVersion;
  /** Station identities are the prefix, a process tag and a counter (default `LOAD`). */
  idPrefix?: string;
  /** Deadline of each CALL (default 30 s). */
  callTimeoutMs?: number;
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
    const dialled = performance.now();
    const connection = await dial(this.target, { identity, subprotocols: [version === '1.6' ? 'ocpp1.6' : 'ocpp2.0.1'], wireLog: this.wireLog });
    ee.emit('histogram', 'ocpp.connect', performance.now() - dialled);
    const endpoint = openEndpoint(connection, { role: 'cs', version, rememberedIds: 16, ...(this.config.callTimeoutMs ? { callTimeoutMs: this.config.callTimeoutMs } : {}) });
    // Calls from the CSMS are answered NotImplemented by the endpoint: a load station only sends.
    try {
      for (const step of flow) {
        const started = performance.now();
        const outcome = await runStep(endpoint, version, step);
        if (outcome.kind === 'think') continue;
        ee.emit('histogram', `ocpp.step.${outcome.kind}`, performance.now() - started);
        ee.emit('counter', `ocpp.step.${outcome.kind}.${outcome.ok ? 'pass' : 'fail'}`, 1);
        for (const m of outcome.messages) {
          ee.emit('counter', 'ocpp.messages_sent', 1);
          ee.emit('histogram', `ocpp.message.${m.action}`, m.ms);
        }
        if (!outcome.ok) ee.emit('error', `${outcome.kind}: ${outcome.why ?? 'failed'}`);
      }
    } finally {
      await connection.close(1000, 'load scenario done').catch(() => undefined);
    }
  }
}
