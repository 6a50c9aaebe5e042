/**
 * Issue #24: the failed checks of a case that cite no frame although the case's trace has frames
 * (a reader could not find the evidence). The proof suites run this over every defect run.
 */
import type { CaseResult } from '../../src/engine/run-model.js';

export function evidenceGaps(t: Pick<CaseResult, 'id' | 'steps' | 'trace'>): string[] {
  if (t.trace.length === 0) return [];
  return t.steps.flatMap((s) => s.checks.filter((c) => !c.ok && c.severity === 'error' && c.frames.length === 0).map((c) => `${t.id} › ${s.title}: failed check "${c.description}" cites no frame (trace has ${t.trace.length})`));
}
