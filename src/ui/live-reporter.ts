/**
 * A Reporter that feeds the live hub: the same hooks every other reporter gets, turned into the
 * events the page shows. Strings pass through the run's secret scrubber first, like every other
 * view of the run.
 */
import type { StepRecord } from '../engine/context-types.js';
import type { CaseInfo, Reporter } from '../engine/reporter.js';
import type { CaseResult, RunInfo, RunResult } from '../engine/run-model.js';
import type { LiveHub } from './live-hub.js';

export function liveReporter(hub: LiveHub, scrub: (text: string) => string = (t) => t): Reporter {
  const opt = (text: string | undefined) => (text === undefined ? {} : { message: scrub(text) });
  return {
    onRunBegin(run: RunInfo, planned: number) {
      const dut = run.sut === 'cs' ? `charging station ${run.dut.stationId ?? ''}`.trim() : `CSMS ${run.dut.csmsUrl ?? ''}`.trim();
      hub.publish({
        type: 'run',
        title: scrub(`OCPP ${run.version}, SUT = ${dut}`),
        version: run.version,
        sut: run.sut,
        dutAdapter: run.dutAdapter,
        planned,
        startedAt: run.startedAt,
      });
    },
    onCaseBegin(info: CaseInfo) {
      hub.publish({ type: 'caseBegin', id: info.id, title: scrub(info.title), index: info.index, total: info.total });
    },
    onStepEnd(caseId: string, step: StepRecord) {
      hub.publish({
        type: 'step',
        caseId,
        title: scrub(step.title),
        verdict: step.verdict,
        ...opt(step.message),
        checks: step.checks.map((c) => ({ description: scrub(c.description), ok: c.ok, expected: scrub(c.expected), actual: scrub(c.actual) })),
      });
    },
    onCaseEnd(result: CaseResult) {
      hub.publish({ type: 'caseEnd', id: result.id, verdict: result.verdict, ...opt(result.message), durationMs: result.durationMs });
    },
    onRunEnd(run: RunResult) {
      hub.publish({ type: 'runEnd', counts: { ...run.summary.byVerdict }, total: run.summary.total, interrupted: run.interrupted });
    },
  };
}
