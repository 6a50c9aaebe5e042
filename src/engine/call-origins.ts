/**
 * Who sent each of our CALLs: a case or the cleanup (restore) after one. A reply that comes after
 * we stopped waiting (`session.lateResponse`) or a second one (`session.duplicateResponse`) is
 * about the CALL's sender, not about whichever case happens to run when it arrives (DESIGN.md: "a
 * failure caused by an earlier case or a late reply points to its origin"). Such findings, and
 * every DUT finding that arrives while no case runs (during a cleanup), become run-level findings:
 * report.json `runFindings`, a section of report.html.
 */
import type { Finding } from '../protocol/findings.js';
import type { JournalEntry } from './journal.js';
import type { RunFinding } from './run-model.js';

const replyCodes = new Set(['session.lateResponse', 'session.duplicateResponse']);

/** A finding about a reply to one of our earlier CALLs. */
export function isLateReply(f: Finding): boolean {
  return replyCodes.has(f.code);
}

export class CallOrigins {
  /** Journal index where each case / cleanup began, in order. */
  private readonly windows: Array<{ from: number; origin: string; caseId: string }> = [];

  mark(from: number, caseId: string, cleanup: boolean): void {
    this.windows.push({ from, caseId, origin: cleanup ? `the cleanup after ${caseId}` : caseId });
  }

  /** Who sent the CALL with this message id, and where; undefined when we never sent it. */
  originOf(entries: readonly JournalEntry[], messageId: string | undefined): { origin: string; caseId: string; index: number } | undefined {
    if (messageId === undefined) return undefined;
    const call = entries.findLast((e) => e.kind === 'callOut' && e.messageId === messageId);
    if (!call) return undefined;
    const w = this.windows.findLast((x) => x.from <= call.index);
    return w ? { origin: w.origin, caseId: w.caseId, index: call.index } : undefined;
  }

  /**
   * Split a case's findings: late replies to CALLs sent before the case began go to the run level
   * (attributed to their sender); everything else stays with the case.
   */
  split(entries: readonly JournalEntry[], caseFrom: number, findings: readonly Finding[]): { own: Finding[]; elsewhere: RunFinding[] } {
    const own: Finding[] = [];
    const elsewhere: RunFinding[] = [];
    for (const f of findings) {
      const o = isLateReply(f) ? this.originOf(entries, f.messageId) : undefined;
      if (o && o.index < caseFrom) elsewhere.push(runFinding(f, o.origin, o.caseId));
      else own.push(f);
    }
    return { own, elsewhere };
  }

  /** The DUT's findings that arrived during a cleanup (no case ran), each attributed to its sender when it is a reply. */
  duringCleanup(entries: readonly JournalEntry[], from: number, caseId: string): RunFinding[] {
    const out: RunFinding[] = [];
    for (const e of entries) {
      if (e.index < from || e.kind !== 'finding' || e.finding.direction === 'out') continue;
      const o = isLateReply(e.finding) ? this.originOf(entries, e.finding.messageId) : undefined;
      out.push(runFinding(e.finding, o?.origin ?? `the cleanup after ${caseId}`, o?.caseId ?? caseId));
    }
    return out;
  }
}

function runFinding(f: Finding, origin: string, caseId: string): RunFinding {
  const late = isLateReply(f) ? ` — the CALL was sent by ${origin}` : ` — during ${origin}`;
  return { origin, caseId, finding: { ...f, message: `${f.message}${late}` } };
}
