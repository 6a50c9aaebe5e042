/**
 * Which reusable state a case stopped in (issue #24). DESIGN.md: a precondition the DUT broke
 * the spec in is `fail`, one that could not be established for another reason (unreachable DUT,
 * an adapter that could not act) `inconclusive` — either way the report names the state, so a
 * reader sees that the case's own steps were never tried.
 */
import type { StepRecord } from './context-types.js';
import type { Verdict } from './verdict.js';

const statePrefix = 'Reusable state ';

/** The state whose step ended the case with `verdict`, or undefined when the case got past its states. */
export function preconditionOf(steps: readonly StepRecord[], verdict: Verdict): string | undefined {
  if (verdict !== 'fail' && verdict !== 'inconclusive') return undefined;
  for (const s of steps) {
    if (s.verdict !== verdict) continue;
    // Nested steps are titled "Outer › Inner"; the first state in the chain is the precondition.
    const part = s.title.split(' › ').find((p) => p.startsWith(statePrefix));
    if (part) return part.slice(statePrefix.length);
  }
  return undefined;
}
