/**
 * The live run as a stream of events for the web UI: what the run reports (cases, steps,
 * verdicts), the frames crossing the wire, connection events, and operator prompts waiting for an
 * answer. Pure and in memory; the HTTP side (live-server.ts) only serialises it. A page that opens
 * late gets the history replayed, so history is bounded: every run event is kept, frames only the
 * most recent `frameHistory`.
 */

export interface LiveCheck {
  description: string;
  ok: boolean;
  expected: string;
  actual: string;
}

export interface PromptRequest {
  action: string;
  params: Record<string, unknown>;
  instruction: string;
  testCaseId: string;
  stationId: string;
}

export type PromptAnswer = { answer: 'done' | 'cannot'; by: string; atWall: string; note?: string };

export type LiveEventBody =
  | { type: 'run'; title: string; version: string; sut: string; dutAdapter: string; planned: number; startedAt: string }
  | { type: 'caseBegin'; id: string; title: string; index: number; total: number }
  | { type: 'step'; caseId: string; title: string; verdict: string; message?: string; checks: LiveCheck[] }
  | { type: 'caseEnd'; id: string; verdict: string; message?: string; durationMs: number }
  | { type: 'frame'; seq: number; connectionId: string; direction: 'in' | 'out'; wallTime: string; label: string; text: string; truncated: boolean }
  | { type: 'connection'; connectionId: string; event: 'open' | 'close' | 'rejected' | 'error'; detail: string; wallTime: string }
  | ({ type: 'prompt'; id: string } & PromptRequest)
  | ({ type: 'promptAnswered'; id: string } & PromptAnswer)
  | { type: 'runEnd'; counts: Record<string, number>; total: number; interrupted: boolean };

/** An event with its position in the stream (the SSE id, so a reconnecting page resumes). */
export type LiveEvent = LiveEventBody & { n: number };

export type LiveListener = (event: LiveEvent) => void;

/** Frames longer than this are cut for display; the report and the trace keep them whole. */
export const liveFrameChars = 4096;
export const defaultFrameHistory = 500;

/** A short label for a frame: the action of a CALL, else the kind of reply. */
export function frameLabel(text: string): string {
  const head = /^\s*\[\s*(\d)\s*,\s*"((?:[^"\\]|\\.){0,64})"\s*(?:,\s*"([A-Za-z0-9]{1,64})")?/.exec(text);
  if (!head) return 'not an OCPP-J frame';
  const type = head[1];
  if (type === '2') return head[3] ?? 'CALL';
  if (type === '3') return 'CALLRESULT';
  if (type === '4') return `CALLERROR${head[3] ? ` ${head[3]}` : ''}`;
  if (type === '5') return 'CALLRESULTERROR';
  if (type === '6') return head[3] ? `SEND ${head[3]}` : 'SEND';
  return `type ${type}`;
}

interface PendingPrompt {
  resolve: (answer: PromptAnswer) => void;
}

export class LiveHub {
  private readonly events: LiveEvent[] = [];
  private readonly listeners = new Set<LiveListener>();
  private readonly pending = new Map<string, PendingPrompt>();
  private next = 1;
  private nextPrompt = 1;
  private frameCount = 0;

  constructor(private readonly frameHistory = defaultFrameHistory) {}

  publish(body: LiveEventBody): LiveEvent {
    const event: LiveEvent = { ...body, n: this.next++ };
    this.events.push(event);
    if (event.type === 'frame' && ++this.frameCount > this.frameHistory) this.dropOldestFrame();
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One broken page connection must not stop the others or the run.
      }
    }
    return event;
  }

  /** A frame as it crossed the wire (already redacted by the wire log). */
  frame(frame: { seq: number; connectionId: string; direction: 'in' | 'out'; wallTime: string; text: string }): void {
    const truncated = frame.text.length > liveFrameChars;
    this.publish({ type: 'frame', ...frame, label: frameLabel(frame.text), text: truncated ? frame.text.slice(0, liveFrameChars) : frame.text, truncated });
  }

  /** The events after `n` (all with 0), for a page that opens or reconnects. */
  history(after = 0): LiveEvent[] {
    return this.events.filter((e) => e.n > after);
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Show a prompt card and wait for an operator's answer. The abort signal (the case timed out or
   * the run was interrupted) withdraws the card: it is answered "cannot" on the operator's behalf.
   */
  ask(request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer> {
    const id = `p${this.nextPrompt++}`;
    return new Promise<PromptAnswer>((resolve) => {
      const finish = (answer: PromptAnswer): void => {
        if (!this.pending.delete(id)) return;
        signal.removeEventListener('abort', onAbort);
        this.publish({ type: 'promptAnswered', id, ...answer });
        resolve(answer);
      };
      const onAbort = (): void => finish({ answer: 'cannot', by: 'harness', atWall: new Date().toISOString(), note: 'the step ended before anybody answered' });
      this.pending.set(id, { resolve: finish });
      this.publish({ type: 'prompt', id, ...request });
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** An operator's answer from the page; false when the prompt is unknown or already answered. */
  answer(id: string, answer: PromptAnswer): boolean {
    const pending = this.pending.get(id);
    if (!pending) return false;
    pending.resolve(answer);
    return true;
  }

  get openPrompts(): number {
    return this.pending.size;
  }

  private dropOldestFrame(): void {
    const i = this.events.findIndex((e) => e.type === 'frame');
    if (i >= 0) this.events.splice(i, 1);
    this.frameCount -= 1;
  }
}
