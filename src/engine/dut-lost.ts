/**
 * A DUT that went away mid-run (issue #11: one run spent 40 minutes waiting out the connect timeout
 * of every remaining case). Once a case could not reach the DUT, the next case first asks the
 * adapter for a power cycle when it can do one; if the DUT still does not come back, every further
 * case ends inconclusive at once, naming the case in which the DUT was lost. A case that finds
 * the DUT connected again clears it all.
 */
import type { Clock } from '../clock.js';
import type { DutAdapter } from './dut-adapter.js';
import type { DutLink } from './link.js';
import type { CaseResult } from './run-model.js';

/** Grace for a DUT that is reconnecting right now, before a case is given up. */
const reconnectGraceMs = 1_000;

export class LostDut {
  /** The case in which the DUT was lost, while it has not come back. */
  private lostIn: string | undefined;
  private powerCycled = false;

  /** After each case: was the DUT unreachable at its end? */
  afterCase(result: CaseResult, link: DutLink): void {
    const message = result.message ?? '';
    if (link.current()) {
      this.lostIn = undefined;
      this.powerCycled = false;
      return;
    }
    const unreachable = result.verdict === 'inconclusive' && message.includes('the DUT is not connected');
    const lostMidCase = link.role === 'csms' && message.includes('connection was lost');
    if ((unreachable || lostMidCase) && this.lostIn === undefined) this.lostIn = result.id;
  }

  /**
   * Before a case: undefined to run it; otherwise why it ends inconclusive without running. The
   * first case after the loss gets a power cycle (when the adapter can) and runs normally.
   */
  async beforeCase(caseId: string, link: DutLink, adapter: DutAdapter, facts: { stationId: string; version: string }, clock: Clock, signal: AbortSignal): Promise<string | undefined> {
    if (this.lostIn === undefined || link.current()) return undefined;
    if (!this.powerCycled && link.role === 'csms' && adapter.supports?.('powerCycle') !== false) {
      this.powerCycled = true;
      const r = await adapter
        .perform({ action: 'powerCycle', params: {}, instruction: 'Power-cycle (reboot) the charging station: it was lost', testCaseId: caseId, stationId: facts.stationId, version: facts.version }, signal)
        .catch((err: unknown) => ({ done: false as const, reason: err instanceof Error ? err.message : String(err) }));
      if (r.done) return undefined;
    }
    const back = await link.ensureConnected(clock.monoMs() + reconnectGraceMs, signal).catch(() => undefined);
    if (back) return undefined;
    return `the DUT was lost in ${this.lostIn} and has not come back${this.powerCycled ? ' (a power cycle did not bring it back)' : ''}; not waiting the connect timeout again`;
  }
}
