/**
 * The `ui` adapter: a manual step becomes a card on the live web page (`run --ui`) with "Done"
 * and "Cannot do" buttons; the answer, who gave it and when go into the report. Like the prompt
 * adapter, nobody answering is never a pass: a withdrawn or refused card makes the step
 * inconclusive with the reason.
 */
import type { DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';

/** What the adapter needs of the live UI (src/ui/live-hub.ts implements it). */
export interface PromptBoard {
  ask(
    request: { action: string; params: Record<string, unknown>; instruction: string; testCaseId: string; stationId: string },
    signal: AbortSignal,
  ): Promise<{ answer: 'done' | 'cannot'; by: string; atWall: string; note?: string }>;
}

export class UiAdapter implements DutAdapter {
  readonly kind = 'ui';

  constructor(private readonly board: PromptBoard) {}

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    const reply = await this.board.ask(
      { action: request.action, params: request.params, instruction: request.instruction, testCaseId: request.testCaseId, stationId: request.stationId },
      signal,
    );
    if (reply.answer === 'done') return { done: true, by: reply.by, atWall: reply.atWall };
    const why = reply.note ? `: ${reply.note}` : '';
    return { done: false, reason: `${reply.by} answered "cannot do" at ${reply.atWall}${why}` };
  }
}
