/**
 * The prompt adapter: ask a person at the terminal to do the step, and record who confirmed it
 * and when. Without a terminal (CI) it answers at once that nobody can be asked: the engine makes
 * that step `inconclusive`, never a silent pass.
 *
 * One question at a time: prompts are queued, so two parallel steps never share one keyboard.
 */
import { userInfo } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { isoWall, systemClock, type Clock } from '../clock.js';
import { promptTimeoutMs } from '../constants.js';
import { fmtMs } from '../engine/context.js';
import type { DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';

export interface PromptAdapterOptions {
  /** Where answers come from; defaults to process.stdin. */
  input?: Readable;
  /** Where questions go; defaults to process.stdout. */
  output?: Writable;
  /** Whether a person can answer; defaults to input and output both being TTYs. */
  isTty?: boolean;
  /** How long to wait for an answer. */
  timeoutMs?: number;
  clock?: Clock;
  /** Who confirms; defaults to the logged-in user. */
  operator?: () => string;
}

export const noTtyReason = 'no terminal to ask an operator (prompt adapter without a TTY)';
export const skippedReason = 'skipped by the operator';

/** The question shown for one action. */
export function promptText(request: DutActionRequest): string {
  return `[${request.testCaseId}] ${request.instruction} — press Enter when done, or type 's' + Enter to skip`;
}

export class PromptAdapter implements DutAdapter {
  readonly kind = 'prompt';
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly isTty: boolean;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private readonly operator: () => string;
  private readonly decoder = new StringDecoder('utf8');
  /** Settles when the last queued question is answered; undefined when nobody is being asked. */
  private queue: Promise<void> | undefined;
  /** A line ended in '\r' at the end of a chunk: a '\n' arriving next belongs to it. */
  private swallowLf = false;
  private closed = new AbortController();

  constructor(options: PromptAdapterOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    this.isTty = options.isTty ?? (isTtyStream(this.input) && isTtyStream(this.output));
    this.timeoutMs = options.timeoutMs ?? promptTimeoutMs;
    this.clock = options.clock ?? systemClock;
    this.operator = options.operator ?? currentUser;
  }

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (!this.isTty) return { done: false, reason: noTtyReason };
    // Ask at once when nobody else is being asked, so the question shows as the step starts.
    const previous = this.queue;
    const turn = previous ? previous.then(() => this.ask(request, signal)) : this.ask(request, signal);
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queue = settled;
    void settled.then(() => {
      if (this.queue === settled) this.queue = undefined;
    });
    return turn;
  }

  /** Stop any question still waiting (it answers not done). */
  async close(): Promise<void> {
    this.closed.abort();
  }

  private ask(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (signal.aborted || this.closed.signal.aborted) return Promise.resolve({ done: false, reason: 'aborted before the operator was asked' });
    if (this.input.readableEnded || this.input.destroyed) {
      return Promise.resolve({ done: false, reason: 'the terminal closed before the operator answered' });
    }
    this.discardTypeAhead();
    this.output.write(`${promptText(request)}\n`);
    return new Promise((resolve) => {
      let pending = '';
      const finish = (result: DutActionResult): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        this.closed.signal.removeEventListener('abort', onAbort);
        this.input.off('data', onData);
        this.input.off('end', onEnd);
        this.input.off('error', onError);
        // Paused, the terminal no longer holds the event loop; lines typed now wait for the next question.
        this.input.pause();
        resolve(result);
      };
      const onAnswer = (line: string): boolean => {
        const answer = line.trim().toLowerCase();
        if (answer === '') {
          finish({ done: true, by: this.operator(), atWall: isoWall(this.clock.wallMs()) });
          return true;
        }
        if (answer === 's' || answer === 'skip') {
          finish({ done: false, reason: skippedReason });
          return true;
        }
        this.output.write("  press Enter when done, or type 's' + Enter to skip\n");
        return false;
      };
      const onData = (chunk: Buffer | string): void => {
        pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
        if (this.swallowLf && pending.startsWith('\n')) pending = pending.slice(1);
        this.swallowLf = false;
        // A TTY in canonical mode turns Enter into '\n' (ICRNL); a raw one sends '\r'.
        for (let match = /\r\n|\r|\n/.exec(pending); match; match = /\r\n|\r|\n/.exec(pending)) {
          const line = pending.slice(0, match.index);
          pending = pending.slice(match.index + match[0].length);
          if (match[0] === '\r' && pending === '') this.swallowLf = true;
          // Lines after the answer are dropped: they were not answers to this question.
          if (onAnswer(line)) return;
        }
      };
      const onEnd = (): void => finish({ done: false, reason: 'the terminal closed before the operator answered' });
      const onError = (err: Error): void => finish({ done: false, reason: `could not read the terminal: ${err.message}` });
      const onAbort = (): void => finish({ done: false, reason: 'aborted before the operator answered' });
      const timer = setTimeout(
        () => finish({ done: false, reason: `no answer from the operator within ${fmtMs(this.timeoutMs)}` }),
        this.timeoutMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      this.closed.signal.addEventListener('abort', onAbort, { once: true });
      this.input.on('data', onData);
      this.input.once('end', onEnd);
      this.input.once('error', onError);
      this.input.resume();
    });
  }

  /** Drop what was typed before the question was shown: an early Enter must not confirm it. */
  private discardTypeAhead(): void {
    if (this.input.readableLength === 0) return;
    while (this.input.read() !== null) {
      // discard
    }
  }
}

function isTtyStream(stream: Readable | Writable): boolean {
  return (stream as { isTTY?: unknown }).isTTY === true;
}

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo throws when the uid has no passwd entry (some containers).
    return process.env['USER'] ?? process.env['LOGNAME'] ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}
