/**
 * Verdicts (DESIGN.md "Verdicts"). Order matters for combining: the worst verdict of a case's
 * steps is the case's verdict, with `error` (the harness broke) above `fail` (the DUT was wrong).
 */
/** `notRun`: the run was interrupted before the case started (issue #12: listed, never silently missing). */
export const verdicts = ['pass', 'fail', 'inconclusive', 'notApplicable', 'error', 'skipped', 'notRun'] as const;
export type Verdict = (typeof verdicts)[number];

const severity: Record<Verdict, number> = { pass: 0, skipped: 1, notApplicable: 1, notRun: 1, inconclusive: 2, fail: 3, error: 4 };

export function worst(a: Verdict, b: Verdict): Verdict {
  return severity[b] > severity[a] ? b : a;
}

/** Thrown inside a test case to end it with a verdict other than pass. */
export class VerdictSignal extends Error {
  constructor(
    readonly verdict: 'fail' | 'inconclusive' | 'error' | 'notApplicable',
    message: string,
  ) {
    super(message);
    this.name = 'VerdictSignal';
  }
}

export function isVerdictSignal(value: unknown): value is VerdictSignal {
  return value instanceof VerdictSignal;
}
