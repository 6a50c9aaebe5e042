/**
 * The endpoint's memory of its own finished CALLs (answered or given up), so that a stray
 * response can be told apart: a late answer to a CALL we stopped waiting for, a second answer
 * to one already answered, or an id we never sent (OCPP-J 1.6 §4.1.4 / 2.0.1 Part 4 §4.1.4: a
 * response carries the id of its CALL).
 *
 * Bounded in two generations (issue #14, per-call cost and per-station memory): ids go into the
 * current map; when it holds half the limit it becomes the previous one and the older ids leave
 * at once. Between half the limit and the limit, the newest ids are remembered, and a remember is one `Map.set`
 * (no iterator to find the oldest per call). No map exists until the first CALL finishes.
 */

export type FinishedHow = 'answered' | 'timedOut';

export interface FinishedCall {
  action: string;
  how: FinishedHow;
}

export class AnsweredIds {
  private current: Map<string, FinishedCall> | undefined;
  private previous: Map<string, FinishedCall> | undefined;
  private readonly generation: number;
  /** False only for a limit of 1, where two generations of one would exceed it. */
  private readonly keepsPrevious: boolean;

  /** `limit`: at most this many ids are remembered (at least half of them at any time). */
  constructor(limit: number) {
    this.generation = Math.max(1, Math.floor(limit / 2));
    this.keepsPrevious = 2 * this.generation <= limit;
  }

  remember(messageId: string, action: string, how: FinishedHow): void {
    let map = this.current;
    if (map === undefined) this.current = map = new Map();
    else if (map.size >= this.generation && !map.has(messageId)) {
      this.previous = this.keepsPrevious ? map : undefined;
      this.current = map = new Map();
    }
    map.set(messageId, { action, how });
  }

  get(messageId: string): FinishedCall | undefined {
    return this.current?.get(messageId) ?? this.previous?.get(messageId);
  }
}

/** What a stray response is, and the finding's text (session.unknownResponse / lateResponse / duplicateResponse). */
export function strayResponse(messageId: string, earlier: FinishedCall | undefined): { kind: 'unknownResponse' | 'lateResponse' | 'duplicateResponse'; text: string } {
  if (earlier === undefined) return { kind: 'unknownResponse', text: `a response with message id "${messageId}" that matches no CALL we sent` };
  if (earlier.how === 'timedOut') return { kind: 'lateResponse', text: `a response to our ${earlier.action} (${messageId}) after we stopped waiting for it` };
  return { kind: 'duplicateResponse', text: `a second response to our ${earlier.action} (${messageId})` };
}
