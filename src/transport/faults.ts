/**
 * Fault injection on a Connection: delay, drop, corrupt and close, per direction, driven by a
 * seeded random source so the same seed and the same traffic give the same faults.
 *
 * The wire log stays truthful: an outbound frame that is dropped is never recorded as sent but
 * as a 'fault' entry; a corrupted outbound frame is recorded as the corrupted text that really
 * went out, preceded by a 'fault' entry holding the original. Inbound faults act after the frame
 * was received and recorded (it DID arrive), and a 'fault' entry says what the session got instead.
 */
import { systemClock, type Clock } from '../clock.js';
import type { Connection, FrameInterceptor } from './connection.js';
import { randomInt, seededRandom, type RandomSource } from './random.js';
import type { WireDirection } from './wire-log.js';

export type CorruptMode = 'truncate' | 'flip' | 'non-json';

/** A fault that hits either the next `next` frames, or each frame with `probability` (0…1), or both. */
export interface FrameSelector {
  next?: number;
  probability?: number;
}

export interface DirectionFaults {
  /** Fixed delay, or uniform in [minMs, maxMs]. Order is preserved, as on a TCP stream. */
  delayMs?: number | { minMs: number; maxMs: number };
  drop?: FrameSelector;
  corrupt?: FrameSelector & { mode?: CorruptMode | 'random' };
}

export interface CloseFault {
  /** Close after this many frames have passed (0 = as soon as the faults are installed). */
  afterFrames: number;
  /** Which frames count (default 'both'). */
  direction?: WireDirection | 'both';
  code?: number;
  reason?: string;
  /** Drop TCP without a close frame (the peer sees 1006). */
  abrupt?: boolean;
}

export interface FaultPlan {
  out?: DirectionFaults;
  in?: DirectionFaults;
  close?: CloseFault;
}

export interface FaultOptions {
  seed?: number;
  random?: RandomSource;
  clock?: Clock;
}

export const defaultFaultSeed = 1;
/** RFC 6455 §7.4.1: 1001 going away, the code a restarting peer would send. */
export const defaultFaultCloseCode = 1001;

export class FaultInjector {
  private readonly connection: Connection;
  private readonly random: RandomSource;
  private readonly clock: Clock;
  private readonly abort = new AbortController();
  private readonly remaining: Record<WireDirection, { drop: number; corrupt: number }>;
  private readonly queues: Record<WireDirection, Promise<void>> = { in: Promise.resolve(), out: Promise.resolve() };
  private readonly pending: Record<WireDirection, number> = { in: 0, out: 0 };
  private plan: FaultPlan;
  private framesPassed = 0;
  private readonly uninstall: () => void;

  constructor(connection: Connection, plan: FaultPlan, options: FaultOptions = {}) {
    this.connection = connection;
    this.plan = plan;
    this.random = options.random ?? seededRandom(options.seed ?? defaultFaultSeed);
    this.clock = options.clock ?? systemClock;
    this.remaining = {
      in: { drop: plan.in?.drop?.next ?? 0, corrupt: plan.in?.corrupt?.next ?? 0 },
      out: { drop: plan.out?.drop?.next ?? 0, corrupt: plan.out?.corrupt?.next ?? 0 },
    };
    const interceptor: FrameInterceptor = {
      outbound: (text, transmit) => this.process('out', text, transmit),
      inbound: (text, seq, deliver) => this.process('in', text, (t) => deliver(t, seq)),
    };
    this.uninstall = connection.setInterceptor(interceptor);
    void connection.closed.then(() => this.abort.abort());
    if (plan.close?.afterFrames === 0) this.closeNow(plan.close.code, plan.close.reason, plan.close.abrupt);
  }

  /** Close the connection now, recording why. */
  closeNow(code = defaultFaultCloseCode, reason = 'fault injection', abrupt = false): void {
    this.record('both', 'close', abrupt ? 'connection dropped without a close frame' : `closing with ${code} ${reason}`.trim());
    if (abrupt) this.connection.terminate();
    else void this.connection.close(code, reason);
  }

  /** Remove the faults; frames already delayed are still delivered. */
  dispose(): void {
    this.uninstall();
  }

  private process(direction: WireDirection, text: string, forward: (text: string) => void): void {
    const faults = this.plan[direction];
    if (faults !== undefined && this.hits(direction, 'drop', faults.drop)) {
      this.record(direction, 'drop', direction === 'out' ? 'outbound frame dropped, not sent' : 'inbound frame dropped, not delivered', text);
      return;
    }
    let output = text;
    if (faults?.corrupt !== undefined && this.hits(direction, 'corrupt', faults.corrupt)) {
      const mode = this.corruptMode(faults.corrupt.mode ?? 'random');
      output = this.corrupt(text, mode);
      this.record(direction, 'corrupt', `${mode}: ${direction === 'out' ? 'sent' : 'delivered'} ${JSON.stringify(output)}`, text);
    }
    const delayMs = this.delayOf(faults?.delayMs);
    if (delayMs <= 0 && this.pending[direction] === 0) {
      this.pass(direction, output, forward);
      return;
    }
    if (delayMs > 0) this.record(direction, 'delay', `delayed ${delayMs} ms`, text);
    // Release at arrival + delay, but never before an earlier frame: a TCP stream keeps order.
    const releaseAt = this.clock.monoMs() + delayMs;
    this.pending[direction]++;
    this.queues[direction] = this.queues[direction]
      .then(() => this.clock.sleep(Math.max(0, releaseAt - this.clock.monoMs()), this.abort.signal))
      .then(
        () => this.pass(direction, output, forward),
        () => this.record(direction, 'drop', 'delayed frame discarded: connection closed', text),
      )
      .finally(() => {
        this.pending[direction]--;
      });
  }

  private pass(direction: WireDirection, text: string, forward: (text: string) => void): void {
    forward(text);
    const close = this.plan.close;
    if (close === undefined || close.afterFrames <= 0) return;
    if ((close.direction ?? 'both') !== 'both' && close.direction !== direction) return;
    this.framesPassed++;
    if (this.framesPassed === close.afterFrames) this.closeNow(close.code, close.reason, close.abrupt);
  }

  private hits(direction: WireDirection, kind: 'drop' | 'corrupt', selector: FrameSelector | undefined): boolean {
    if (selector === undefined) return false;
    const counter = this.remaining[direction];
    if (counter[kind] > 0) {
      counter[kind]--;
      return true;
    }
    return selector.probability !== undefined && selector.probability > 0 && this.random() < selector.probability;
  }

  private delayOf(delay: DirectionFaults['delayMs']): number {
    if (delay === undefined) return 0;
    if (typeof delay === 'number') return Math.max(0, delay);
    return Math.max(0, delay.minMs + Math.round(this.random() * (delay.maxMs - delay.minMs)));
  }

  private corruptMode(mode: CorruptMode | 'random'): CorruptMode {
    const modes: CorruptMode[] = ['truncate', 'flip', 'non-json'];
    return mode === 'random' ? (modes[randomInt(this.random, modes.length)] ?? 'flip') : mode;
  }

  /** Always returns text different from the input. */
  private corrupt(text: string, mode: CorruptMode): string {
    const chars = [...text]; // code points, so a flip never splits a surrogate pair
    if (mode === 'non-json' || chars.length === 0) return `<<not json ${randomInt(this.random, 1_000_000)}>>`;
    if (mode === 'truncate') return chars.slice(0, randomInt(this.random, chars.length)).join('');
    const i = randomInt(this.random, chars.length);
    const palette = ['"', '{', '}', '[', ']', ',', ':', 'x', '0'];
    const choices = palette.filter((c) => c !== chars[i]);
    chars[i] = choices[randomInt(this.random, choices.length)] ?? 'x';
    return chars.join('');
  }

  private record(direction: WireDirection | 'both', fault: 'drop' | 'delay' | 'corrupt' | 'close', detail: string, text?: string): void {
    this.connection.wireLog.record({
      kind: 'fault',
      connectionId: this.connection.id,
      direction,
      fault,
      detail,
      ...(text === undefined ? {} : { text }),
    });
  }
}

/** Install `plan` on `connection`; same seed + same traffic → same faults. */
export function injectFaults(connection: Connection, plan: FaultPlan, options: FaultOptions = {}): FaultInjector {
  return new FaultInjector(connection, plan, options);
}
