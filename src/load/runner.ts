/**
 * Our own driver of the Artillery engine (issue #14): N virtual stations at a ramp, each running
 * the flow once, with the engine's `counter` / `histogram` / `error` events collected into a
 * load report — per step (count, pass, fail, latency) and per message (latency percentiles).
 * `ocpp-conform load` and the suite use it; `artillery run` uses the same engine with
 * Artillery's own runner and reporting instead.
 */
import { EventEmitter } from 'node:events';
import { OcppArtilleryEngine } from './engine.js';
import type { LoadStep, LoadVersion } from './steps.js';

export interface LoadOptions {
  /** CSMS endpoint URL, e.g. ws://127.0.0.1:9000/ocpp (each station's identity is appended). */
  target: string;
  stations: number;
  /** Stations started per second. */
  rampPerS: number;
  flow: readonly LoadStep[];
  version?: LoadVersion;
  idPrefix?: string;
  callTimeoutMs?: number;
  /** Deadline of a whole `case` step. */
  caseTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface Percentiles {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadReport {
  target: string;
  version: LoadVersion;
  stations: number;
  startedAt: string;
  durationMs: number;
  /** Virtual stations that ran the whole flow / that failed to connect or crashed. */
  completed: number;
  failedUsers: number;
  steps: Record<string, { pass: number; fail: number; latencyMs: Percentiles }>;
  messages: Record<string, Percentiles>;
  connectMs: Percentiles;
  messagesSent: number;
  errors: { count: number; samples: Array<{ message: string; count: number }> };
}

const round = (x: number): number => Math.round(x * 100) / 100;

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number): number => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number));
  return { count: sorted.length, min: round(sorted[0] ?? 0), p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), max: round(sorted[sorted.length - 1] ?? 0) };
}

/** Collects what an Artillery engine emits, as Artillery's metrics collector would. */
class Collector {
  readonly counters = new Map<string, number>();
  readonly histograms = new Map<string, number[]>();
  readonly errors = new Map<string, number>();

  attach(ee: EventEmitter): void {
    ee.on('counter', (name: string, value: number) => this.counters.set(name, (this.counters.get(name) ?? 0) + value));
    ee.on('histogram', (name: string, value: number) => {
      let list = this.histograms.get(name);
      if (list === undefined) this.histograms.set(name, (list = []));
      list.push(value);
    });
    ee.on('error', (message: string) => {
      // Keyed without the station identity, so one cause counts once with its number.
      const key = String(message).slice(0, 300);
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    });
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const version = options.version ?? '2.0.1';
  const ee = new EventEmitter();
  const collector = new Collector();
  collector.attach(ee);
  const engine = new OcppArtilleryEngine({
    config: { target: options.target, ocpp: { version, ...(options.idPrefix ? { idPrefix: options.idPrefix } : {}), ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}), ...(options.caseTimeoutMs ? { caseTimeoutMs: options.caseTimeoutMs } : {}) } },
  }, ee);
  const scenario = engine.createScenario({ flow: [...options.flow] }, ee);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const everyMs = options.rampPerS > 0 ? 1000 / options.rampPerS : 0;
  let completed = 0;
  let failedUsers = 0;
  const users: Promise<void>[] = [];
  for (let i = 0; i < options.stations; i++) {
    if (options.signal?.aborted) break;
    const wait = t0 + i * everyMs - performance.now();
    if (wait > 4) await new Promise((resolve) => setTimeout(resolve, wait));
    users.push(
      new Promise<void>((resolve) => {
        scenario({ vars: {} }, (error) => {
          if (error) failedUsers++;
          else completed++;
          resolve();
        });
      }),
    );
  }
  await Promise.all(users);
  const steps: LoadReport['steps'] = {};
  const messages: LoadReport['messages'] = {};
  for (const [name, values] of collector.histograms) {
    if (name.startsWith('ocpp.step.')) {
      const kind = name.slice('ocpp.step.'.length);
      steps[kind] = { pass: collector.counters.get(`${name}.pass`) ?? 0, fail: collector.counters.get(`${name}.fail`) ?? 0, latencyMs: percentiles(values) };
    } else if (name.startsWith('ocpp.message.')) {
      messages[name.slice('ocpp.message.'.length)] = percentiles(values);
    }
  }
  const errorCount = [...collector.errors.values()].reduce((a, b) => a + b, 0);
  return {
    target: options.target,
    version,
    stations: options.stations,
    startedAt,
    durationMs: round(performance.now() - t0),
    completed,
    failedUsers,
    steps,
    messages,
    connectMs: percentiles(collector.histograms.get('ocpp.connect') ?? []),
    messagesSent: collector.counters.get('ocpp.messages_sent') ?? 0,
    errors: { count: errorCount, samples: [...collector.errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([message, count]) => ({ message, count })) },
  };
}
