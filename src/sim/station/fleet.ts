/**
 * Many reference stations in one process (issue #14: `sim station --count N`): N stations
 * `<prefix>0001…` dialling one CSMS, started at a steady ramp. What they share, so a station
 * costs little: the compiled schema set (one per version, src/protocol/schemas.ts), the 2.0.1
 * device model specs (copy-on-write, src/sim/station/device-model.ts) and one capped wire log.
 *
 * The fleet measures what a load test wants to know from the station side: how long each
 * station took to connect (start → first connection attempt done), heartbeat round trips
 * (CALL out → CALLRESULT in, read from the shared wire log) and errors (a station that did not
 * connect, a Heartbeat answered with a CALLERROR). It is a SimControl: the control API's
 * actions go to the station named by `stationId`.
 */
import { systemClock, type Clock } from '../../clock.js';
import { HarnessError } from '../../errors.js';
import { WireLog, type WireEntry } from '../../transport/wire-log.js';
import type { ControlResult, SimControl } from '../types.js';
import type { StationOptions } from './core/options.js';
import { createStationSimulator, type StationSimulator } from './station-simulator.js';

const maxPendingHeartbeats = 50_000;

/** Frames the fleet's one wire log keeps in memory, whatever N is. */
export const fleetWireLogMaxEntries = 1000;

export interface FleetOptions {
  count: number;
  /** Station ids are the prefix and a zero-padded number: CP0001, CP0002… */
  idPrefix: string;
  /** Stations started per second (0 or Infinity: all at once). */
  rampPerS: number;
  /** Everything else every station gets; `stationId` and `wireLog` are the fleet's. */
  station: Omit<StationOptions, 'stationId' | 'wireLog'>;
  clock?: Clock;
  /** For tests: build the stations another way. */
  create?: (options: StationOptions) => StationSimulator;
}

/** Latency figures in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface FleetStats {
  stations: number;
  started: number;
  connected: number;
  connect: LatencySummary;
  heartbeat: LatencySummary;
  errors: number;
  /** The first few error descriptions, for a human. */
  errorSamples: string[];
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { count: list.length, p50: round(percentile(list, 50)), p99: round(percentile(list, 99)), max: round(list.at(-1) ?? 0) };
}

export function fleetStationId(prefix: string, index: number, count: number): string {
  return `${prefix}${String(index + 1).padStart(Math.max(4, String(count).length), '0')}`;
}

/**
 * Latency samples in bounded memory, whatever the run length (a fleet must stay flat over
 * time): the first `size` samples, then uniform reservoir sampling (Vitter's algorithm R) with
 * a fixed-seed generator, so percentiles stay unbiased; count and max are exact.
 */
export class LatencyReservoir {
  private readonly kept: number[] = [];
  private seen = 0;
  private largest = 0;
  private seed = 0x9e3779b9;

  constructor(private readonly size = 10_000) {}

  add(ms: number): void {
    this.seen++;
    if (ms > this.largest) this.largest = ms;
    if (this.kept.length < this.size) {
      this.kept.push(ms);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.kept[slot] = ms;
  }

  summary(): LatencySummary {
    const s = summarise(this.kept);
    return { ...s, count: this.seen, max: Math.round(this.largest * 100) / 100 };
  }

  /** xorshift32: deterministic, no allocation. */
  private random(): number {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x >>> 0;
    return this.seed / 4294967296;
  }
}

/**
 * Heartbeat round trips from the wire log: a CALL out named Heartbeat, then the CALLRESULT (or
 * CALLERROR) in with its id on the same connection. Other frames are skipped after a cheap test.
 */
class HeartbeatWatch {
  private readonly pending = new Map<string, number>();
  readonly samples = new LatencyReservoir();
  errors = 0;
  readonly errorSamples: string[] = [];

  see(entry: WireEntry): void {
    if (entry.kind !== 'frame') return;
    const text = entry.text;
    if (entry.direction === 'out') {
      if (!text.startsWith('[2,') || !text.includes('"Heartbeat"')) return;
      const id = messageIdOf(text);
      if (id !== undefined) this.pending.set(`${entry.connectionId} ${id}`, entry.monoMs);
      // Calls never answered (a lost connection) must not pile up: drop the oldest.
      if (this.pending.size > maxPendingHeartbeats) this.pending.delete(this.pending.keys().next().value as string);
      return;
    }
    if (!text.startsWith('[3,') && !text.startsWith('[4,')) return;
    const id = messageIdOf(text);
    if (id === undefined) return;
    const key = `${entry.connectionId} ${id}`;
    const sent = this.pending.get(key);
    if (sent === undefined) return;
    this.pending.delete(key);
    if (text.startsWith('[4,')) {
      this.errors++;
      if (this.errorSamples.length < 5) this.errorSamples.push(`Heartbeat answered with a CALLERROR: ${text.slice(0, 200)}`);
      return;
    }
    this.samples.add(entry.monoMs - sent);
  }
}

/** The message id of a frame `[n,"id",…`, without parsing the rest. */
function messageIdOf(text: string): string | undefined {
  const start = text.indexOf('"');
  if (start < 0) return undefined;
  const end = text.indexOf('"', start + 1);
  return end < 0 ? undefined : text.slice(start + 1, end);
}

export class StationFleet implements SimControl {
  readonly side = 'cs' as const;
  readonly version: StationOptions['version'];
  readonly wireLog = new WireLog({ maxEntries: fleetWireLogMaxEntries });
  private readonly stations: StationSimulator[] = [];
  private readonly byId = new Map<string, StationSimulator>();
  private readonly clock: Clock;
  private readonly connectMs = new LatencyReservoir();
  private connectedOk = 0;
  private readonly heartbeats = new HeartbeatWatch();
  private readonly connectErrors: string[] = [];
  private connectErrorCount = 0;
  private started = 0;
  private readonly abort = new AbortController();
  private ramp: Promise<void> | undefined;
  /** The process's RSS before any station existed: what N stations add is measured against it. */
  private readonly baselineRssKb = Math.round(process.memoryUsage().rss / 1024);

  constructor(private readonly options: FleetOptions) {
    if (!Number.isInteger(options.count) || options.count < 1) throw new HarnessError('E_USAGE', `a fleet needs a positive whole number of stations, got ${options.count}`);
    this.version = options.station.version;
    this.clock = options.clock ?? systemClock;
    this.wireLog.onEntry((entry) => this.heartbeats.see(entry));
    const create = options.create ?? createStationSimulator;
    for (let i = 0; i < options.count; i++) {
      const stationId = fleetStationId(options.idPrefix, i, options.count);
      const station = create({ ...options.station, stationId, wireLog: this.wireLog });
      this.stations.push(station);
      this.byId.set(stationId, station);
    }
  }

  get actions(): readonly string[] {
    return this.stations[0]?.actions ?? [];
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  /** Start the ramp; resolves when every station made its first connection attempt. */
  start(): Promise<void> {
    this.ramp ??= this.runRamp();
    return this.ramp;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.ramp?.catch(() => undefined);
    // In batches: ten thousand closes at once would queue as many timers and sockets.
    for (let i = 0; i < this.stations.length; i += 500) await Promise.all(this.stations.slice(i, i + 500).map((s) => s.stop()));
  }

  perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    const id = params.stationId;
    const station = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (station === undefined) return Promise.resolve({ done: false, reason: `name the station: "stationId" is one of ${this.ids.slice(0, 3).join(', ')}…` });
    return station.perform(action, params);
  }

  stats(): FleetStats {
    const connected = this.stations.filter((s) => s.connectionState === 'connected').length;
    // Stations that connected at first and are not connected now (lost, or reconnecting).
    const lost = Math.max(0, this.connectedOk - connected);
    return {
      stations: this.stations.length,
      started: this.started,
      connected,
      connect: this.connectMs.summary(),
      heartbeat: this.heartbeats.samples.summary(),
      errors: this.connectErrorCount + this.heartbeats.errors + lost,
      errorSamples: [...this.connectErrors, ...this.heartbeats.errorSamples].slice(0, 5),
    };
  }

  snapshot(): unknown {
    return { side: this.side, version: this.version, fleet: this.stats(), memory: { rssKb: Math.round(process.memoryUsage().rss / 1024), baselineRssKb: this.baselineRssKb } };
  }

  private async runRamp(): Promise<void> {
    const every = this.options.rampPerS > 0 && Number.isFinite(this.options.rampPerS) ? 1000 / this.options.rampPerS : 0;
    const t0 = this.clock.monoMs();
    const attempts: Promise<void>[] = [];
    for (let i = 0; i < this.stations.length; i++) {
      if (this.abort.signal.aborted) break;
      const due = t0 + i * every;
      const wait = due - this.clock.monoMs();
      // Batched: sleep only when the ramp is ahead of the clock by a few milliseconds.
      if (wait > 4 && !(await this.clock.sleep(wait, this.abort.signal).then(() => true, () => false))) break;
      attempts.push(this.startOne(this.stations[i] as StationSimulator));
    }
    await Promise.all(attempts);
  }

  private async startOne(station: StationSimulator): Promise<void> {
    this.started++;
    const began = this.clock.monoMs();
    try {
      await station.start();
    } catch (err) {
      this.noteConnectError(`${station.identity}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (station.connectionState === 'connected') {
      this.connectedOk++;
      this.connectMs.add(this.clock.monoMs() - began);
    }
    else this.noteConnectError(`${station.identity}: first connection attempt failed`);
  }

  private noteConnectError(text: string): void {
    this.connectErrorCount++;
    if (this.connectErrors.length < 5) this.connectErrors.push(text);
  }
}
