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

/**
 * Which frames a fault hits: the next `next` frames, each frame with `probability` (0…1), the
 * frames at the 1-based positions `nth` of their direction, and every frame of the CALL `action`
 * (with the responses to such CALLs) — any that applies.
 */
export interface FrameSelector {
  next?: number;
  probability?: number;
  nth?: number[];
  action?: string;
}

export interface DirectionFaults {
  /** Fixed delay, or uniform in [minMs, maxMs]. Order is preserved, as on a TCP stream. */
  delayMs?: number | { minMs: number; maxMs: number };
  drop?: FrameSelector;
  corrupt?: FrameSelector & { mode?: CorruptMode | 'random' };
  /** Send (or deliver) the frame twice. */
  duplicate?: FrameSelector;
  /** Hold the frame back until the next one of its direction passed (at most reorderHoldMs). */
  reorder?: FrameSelector;
  /** A slow reader (in) or writer (out): frames released no closer together than this. */
  minGapMs?: number;
}

export interface CloseFault {
  /** Close after this many frames have passed (0 = as soon as the faults are installed). */
  afterFrames?: number;
  /** Close right after the first frame of this CALL action (or a response to one) passed. */
  afterAction?: string;
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
/** How long a reordered frame waits for a frame to overtake it before it is released anyway. */
export const reorderHoldMs = 1_000;

type FaultKind = 'drop' | 'corrupt' | 'duplicate' | 'reorder';
/** RFC 6455 §7.4.1: 1001 going away, the code a restarting peer would send. */
export const defaultFaultCloseCode = 1001;

export class FaultInjector {
  private readonly connection: Connection;
  private readonly random: RandomSource;
  private readonly clock: Clock;
  private readonly abort = new AbortController();
  private readonly remaining: Record<WireDirection, Record<FaultKind, number>>;
  private readonly seen: Record<WireDirection, number> = { in: 0, out: 0 };
  private readonly lastRelease: Record<WireDirection, number> = { in: -Infinity, out: -Infinity };
  private readonly held: Record<WireDirection, { text: string; forward: (text: string) => void; timer: NodeJS.Timeout } | undefined> = { in: undefined, out: undefined };
  /** CALL message id → action, to tell which responses belong to a named action. */
  private readonly actionOfId = new Map<string, string>();
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
    const counters = (f: DirectionFaults | undefined): Record<FaultKind, number> => ({
      drop: f?.drop?.next ?? 0,
      corrupt: f?.corrupt?.next ?? 0,
      duplicate: f?.duplicate?.next ?? 0,
      reorder: f?.reorder?.next ?? 0,
    });
    this.remaining = { in: counters(plan.in), out: counters(plan.out) };
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
    for (const d of ['in', 'out'] as const) this.flushHeld(d);
  }

  private process(direction: WireDirection, text: string, forward: (text: string) => void): void {
    const faults = this.plan[direction];
    const frameNo = ++this.seen[direction];
    const action = this.actionOf(text);
    const hit = (kind: FaultKind, selector: FrameSelector | undefined): boolean => this.hits(direction, kind, selector, frameNo, action);
    if (faults !== undefined && hit('drop', faults.drop)) {
      this.record(direction, 'drop', `${direction === 'out' ? 'outbound' : 'inbound'} frame${action === undefined ? '' : ` (${action})`} dropped, not ${direction === 'out' ? 'sent' : 'delivered'}`, text);
      return;
    }
    let output = text;
    if (faults?.corrupt !== undefined && hit('corrupt', faults.corrupt)) {
      const mode = this.corruptMode(faults.corrupt.mode ?? 'random');
      output = this.corrupt(text, mode);
      this.record(direction, 'corrupt', `${mode}: ${direction === 'out' ? 'sent' : 'delivered'} ${JSON.stringify(output)}`, text);
    }
    const twice = faults?.duplicate !== undefined && hit('duplicate', faults.duplicate);
    if (twice) this.record(direction, 'duplicate', direction === 'out' ? 'outbound frame sent twice' : 'inbound frame delivered twice', text);
    const send = twice ? (t: string): void => (forward(t), forward(t)) : forward;
    if (faults?.reorder !== undefined && this.held[direction] === undefined && hit('reorder', faults.reorder)) {
      this.record(direction, 'reorder', `held back until the next ${direction === 'out' ? 'outbound' : 'inbound'} frame (at most ${reorderHoldMs} ms)`, text);
      this.held[direction] = { text: output, forward: send, timer: setTimeout(() => this.flushHeld(direction), reorderHoldMs) };
      return;
    }
    const gapMs = faults?.minGapMs ?? 0;
    const now = this.clock.monoMs();
    const delayMs = Math.max(this.delayOf(faults?.delayMs), gapMs > 0 ? this.lastRelease[direction] + gapMs - now : 0);
    if (delayMs <= 0 && this.pending[direction] === 0) {
      this.pass(direction, output, send);
      return;
    }
    if (delayMs > 0) this.record(direction, 'delay', `delayed ${Math.round(delayMs)} ms`, text);
    // Release at arrival + delay, but never before an earlier frame: a TCP stream keeps order.
    const releaseAt = now + delayMs;
    if (gapMs > 0) this.lastRelease[direction] = releaseAt;
    this.pending[direction]++;
    this.queues[direction] = this.queues[direction]
      .then(() => this.clock.sleep(Math.max(0, releaseAt - this.clock.monoMs()), this.abort.signal))
      .then(
        () => this.pass(direction, output, send),
        () => this.record(direction, 'drop', 'delayed frame discarded: connection closed', text),
      )
      .finally(() => {
        this.pending[direction]--;
      });
  }

  private pass(direction: WireDirection, text: string, forward: (text: string) => void): void {
    this.lastRelease[direction] = Math.max(this.lastRelease[direction], this.clock.monoMs());
    forward(text);
    this.flushHeld(direction);
    const close = this.plan.close;
    if (close === undefined) return;
    if ((close.direction ?? 'both') !== 'both' && close.direction !== direction) return;
    if (close.afterAction !== undefined && this.actionOf(text) === close.afterAction) {
      this.closeNow(close.code, close.reason ?? `fault injection after ${close.afterAction}`, close.abrupt);
      return;
    }
    if (close.afterFrames === undefined || close.afterFrames <= 0) return;
    this.framesPassed++;
    if (this.framesPassed === close.afterFrames) this.closeNow(close.code, close.reason, close.abrupt);
  }

  /** A reordered frame goes out once another frame of its direction overtook it (or its hold ran out). */
  private flushHeld(direction: WireDirection): void {
    const held = this.held[direction];
    if (held === undefined) return;
    this.held[direction] = undefined;
    clearTimeout(held.timer);
    if (!this.abort.signal.aborted) held.forward(held.text);
  }

  private hits(direction: WireDirection, kind: FaultKind, selector: FrameSelector | undefined, frameNo: number, action: string | undefined): boolean {
    if (selector === undefined) return false;
    const counter = this.remaining[direction];
    if (counter[kind] > 0) {
      counter[kind]--;
      return true;
    }
    if (selector.nth?.includes(frameNo) === true) return true;
    if (selector.action !== undefined && selector.action === action) return true;
    return selector.probability !== undefined && selector.probability > 0 && this.random() < selector.probability;
  }

  /** The CALL action a frame belongs to (its own, or the action of the CALL it answers), if it can be read. */
  private actionOf(text: string): string | undefined {
    if (!text.startsWith('[')) return undefined;
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return undefined;
    }
    if (!Array.isArray(frame) || typeof frame[1] !== 'string') return undefined;
    if (frame[0] === 2 && typeof frame[2] === 'string') {
      this.actionOfId.set(frame[1], frame[2]);
      if (this.actionOfId.size > 1000) this.actionOfId.delete(this.actionOfId.keys().next().value ?? '');
      return frame[2];
    }
    return this.actionOfId.get(frame[1]);
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

  private record(direction: WireDirection | 'both', fault: 'drop' | 'delay' | 'corrupt' | 'close' | 'duplicate' | 'reorder', detail: string, text?: string): void {
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
