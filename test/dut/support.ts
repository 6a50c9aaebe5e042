/** Shared helpers for the dut adapter tests. */
import type { DutActionName, DutActionRequest } from '../../src/engine/dut-adapter.js';
import { instructionFor } from '../../src/engine/dut-adapter.js';

export function actionRequest(action: DutActionName = 'plugIn', params: Record<string, unknown> = { evseId: 1 }): DutActionRequest {
  return { action, params, instruction: instructionFor(action, params), testCaseId: 'TC_B_01_CS', stationId: 'CP001', version: '2.0.1' };
}

/** A signal that never aborts. */
export function neverAborts(): AbortSignal {
  return new AbortController().signal;
}
