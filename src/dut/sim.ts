/**
 * The `sim` DUT adapter: the engine's actions performed by an in-process reference simulator.
 * Station simulators implement the station-side actions (plugIn, presentIdToken, powerCycle, …),
 * the CSMS simulator the trigger* ones; anything else is reported as not done, never as a pass.
 */
import type { DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';
import type { SimControl } from '../sim/types.js';

export class SimAdapter implements DutAdapter {
  readonly kind = 'sim';

  constructor(private readonly control: SimControl) {}

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    if (signal.aborted) return { done: false, reason: 'aborted' };
    if (!this.control.actions.includes(request.action)) {
      return { done: false, reason: `the ${this.control.side === 'cs' ? 'station' : 'CSMS'} simulator cannot ${request.action}` };
    }
    try {
      const result = await this.control.perform(request.action, request.params);
      return result.done ? { done: true, by: 'simulator', ...(result.detail ? { detail: result.detail } : {}) } : { done: false, reason: result.reason };
    } catch (err) {
      return { done: false, reason: `the simulator failed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}
