/**
 * Evidence for a failed check (issue #24): a check that fails names the frames it looked at, and
 * when it matched none ("expected X, got nothing") the nearest candidates in the case's window —
 * the frames of the same action first, then the DUT's other frames, then anything on the wire —
 * so a reader of the report can see what the DUT did instead. DESIGN.md "Judge only what the wire
 * log shows": an empty `frames` list would hide that evidence even though the wire log has it.
 */
import type { CheckRecord } from './context-types.js';
import type { Journal, JournalEntry } from './journal.js';

/** How many candidate frames a failed check cites at most (the latest ones). */
export const maxCandidateFrames = 5;

type FrameEntry = Extract<JournalEntry, { frameSeq?: number }> & { frameSeq: number };

const hasFrame = (e: JournalEntry): e is FrameEntry => 'frameSeq' in e && typeof e.frameSeq === 'number';
const fromDut = (e: JournalEntry): boolean => e.kind === 'callIn' || e.kind === 'resultIn' || e.kind === 'errorIn' || e.kind === 'sendIn';

/** The action a check is about, read from its description ("Receive StatusNotification", "Reset answered"). */
export function actionOfCheck(check: Pick<CheckRecord, 'description'>): string | undefined {
  const m = /^(?:Receive |No |Send )?([A-Z][A-Za-z0-9]+)\b/.exec(check.description);
  return m?.[1];
}

/**
 * The nearest candidate frames in journal entries [from, now): same action, else the DUT's frames,
 * else any frame; the latest `maxCandidateFrames`, in wire order.
 */
export function nearestCandidates(journal: Journal, from: number, action?: string): number[] {
  const framed = journal.entries(from).filter(hasFrame);
  const same = action === undefined ? [] : framed.filter((e) => 'action' in e && e.action === action);
  const dut = framed.filter(fromDut);
  const pick = same.length > 0 ? same : dut.length > 0 ? dut : framed;
  return pick.slice(-maxCandidateFrames).map((e) => e.frameSeq);
}

/**
 * A failed check with no frames gets the nearest candidates; `candidates` marks that they were not
 * matched by the check but are what the window held. Passing checks and warnings are left alone.
 */
export function withEvidence(check: CheckRecord, journal: Journal, from: number): CheckRecord {
  if (check.ok || check.severity !== 'error' || check.frames.length > 0) return check;
  const frames = nearestCandidates(journal, from, actionOfCheck(check));
  return frames.length === 0 ? check : { ...check, frames, candidates: true };
}

/**
 * After the case: a failed check that still cites nothing (its frames were on a connection the
 * journal does not follow, e.g. a raw dial of a robustness case) gets the latest frames of the
 * case's trace, the DUT's first — the wire log is the evidence of last resort.
 */
export function citeTrace(steps: ReadonlyArray<{ checks: CheckRecord[] }>, trace: ReadonlyArray<{ seq: number; direction: 'in' | 'out' }>): void {
  const dut = trace.filter((f) => f.direction === 'in');
  const pick = (dut.length > 0 ? dut : trace).slice(-maxCandidateFrames).map((f) => f.seq);
  if (pick.length === 0) return;
  for (const s of steps) {
    s.checks.forEach((c, i) => {
      if (!c.ok && c.severity === 'error' && c.frames.length === 0) s.checks[i] = { ...c, frames: pick, candidates: true };
    });
  }
}
