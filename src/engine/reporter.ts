/**
 * The Reporter interface (optional hooks, Playwright style) and a multiplexer that isolates one
 * reporter's failure from the run and from the other reporters.
 */
import type { StepRecord } from './context-types.js';
import type { CaseResult, RunInfo, RunResult } from './run-model.js';

export interface CaseInfo {
  id: string;
  title: string;
  index: number;
  total: number;
}

export interface Reporter {
  onRunBegin?(run: RunInfo, plannedCases: number): void | Promise<void>;
  onCaseBegin?(info: CaseInfo): void | Promise<void>;
  onStepEnd?(caseId: string, step: StepRecord): void | Promise<void>;
  onCaseEnd?(result: CaseResult, run: RunResult): void | Promise<void>;
  onRunEnd?(run: RunResult): void | Promise<void>;
}

export class ReporterMultiplexer implements Reporter {
  /** Reporter failures, kept so the CLI can say which reporter broke without losing the run. */
  readonly failures: Array<{ reporter: number; hook: string; error: string }> = [];

  constructor(private readonly reporters: Reporter[]) {}

  private async each(hook: keyof Reporter, call: (r: Reporter) => void | Promise<void> | undefined): Promise<void> {
    for (const [i, r] of this.reporters.entries()) {
      try {
        await call(r);
      } catch (err) {
        this.failures.push({ reporter: i, hook, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }

  onRunBegin(run: RunInfo, planned: number): Promise<void> {
    return this.each('onRunBegin', (r) => r.onRunBegin?.(run, planned));
  }
  onCaseBegin(info: CaseInfo): Promise<void> {
    return this.each('onCaseBegin', (r) => r.onCaseBegin?.(info));
  }
  onStepEnd(caseId: string, step: StepRecord): Promise<void> {
    return this.each('onStepEnd', (r) => r.onStepEnd?.(caseId, step));
  }
  onCaseEnd(result: CaseResult, run: RunResult): Promise<void> {
    return this.each('onCaseEnd', (r) => r.onCaseEnd?.(result, run));
  }
  onRunEnd(run: RunResult): Promise<void> {
    return this.each('onRunEnd', (r) => r.onRunEnd?.(run));
  }
}
