/**
 * Which DUT frames of a clean run the document validates (issue #10): the mutation score makes
 * mutants only of frames a check of the case looked at in a step that traces an official validated
 * step. A step traces one when a check names it (`step: N`) or its title names it ("Steps 9-10:",
 * "Step 5:", "1-2. …", "(steps 3-4)") or, for post-scenario validations, "Post scenario". Frames seen
 * only in preparation steps (Part 6 "Before (Preparations)": "Before: …", "Configuration state",
 * "Precondition …", reusable states run as preconditions, the simulated station's own boot) or in
 * steps whose numbers the document does not validate (TC_B_02_CS steps 9-10: the NotifyReports of
 * the Pending station are not judged) are left alone: a mutant there says nothing the document cares about.
 */
import type { CaseResult } from '../src/engine/run-model.js';
import type { OfficialStep } from '../src/catalogue/trace.js';

const setup = /^(Before|Configuration state|Precondition|Reusable state|Boot the simulated station|After)\b/i;

/** The official step numbers a step title names. */
export function stepsInTitle(title: string): number[] {
  const out: number[] = [];
  const add = (a: string | undefined, b: string | undefined): void => {
    if (a === undefined) return;
    const from = Number(a);
    const to = b === undefined ? from : Number(b);
    for (let s = from; s <= to && s - from < 50; s++) out.push(s);
  };
  for (const m of title.matchAll(/\bsteps?\s+(\d+)(?:\s*(?:-|–|and|&)\s*(\d+))?/gi)) add(m[1], m[2]);
  const lead = /^(\d+)(?:\s*-\s*(\d+))?\.\s/.exec(title);
  if (lead) add(lead[1], lead[2]);
  return out;
}

/**
 * The checks of a clean run that trace the document's validated steps. `official` is the case's
 * validated steps; a case whose only validation is post-scenario is judged on its whole scenario
 * (TC_B_01_CS: "Execute Reusable State Booted", then the post-scenario validation). A check inside a
 * preparation step counts for nothing even when it names a step number: a reusable state numbers
 * its own steps (Part 6 §2.x), which are not the case's.
 */
export function validatedChecks(result: CaseResult, official: readonly OfficialStep[]): CaseResult['steps'][number]['checks'] {
  const numbered = official.filter((s): s is number => typeof s === 'number');
  const onlyPost = numbered.length === 0;
  const out: CaseResult['steps'][number]['checks'] = [];
  for (const step of result.steps) {
    const top = step.title.split(' › ')[0] ?? step.title;
    const named = stepsInTitle(top);
    const preparation = named.length === 0 && setup.test(top);
    const byTitle = named.length > 0 ? named.some((s) => numbered.includes(s)) : /^Post scenario/i.test(top) ? official.includes('post') : onlyPost || !preparation;
    for (const c of step.checks) if (byTitle || (!preparation && c.step !== undefined && numbered.includes(c.step))) out.push(c);
  }
  return out;
}

/** The wire sequence numbers of the frames the checks that trace validated steps looked at. */
export function validatedFrames(result: CaseResult, official: readonly OfficialStep[]): Set<number> {
  return new Set(validatedChecks(result, official).flatMap((c) => c.frames));
}
