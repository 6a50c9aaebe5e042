/**
 * The general rules the runner checks after every case. They live in the engine, not in
 * `testcases/`: they belong to the document as a whole, not to one case, and must hold for a
 * user's own catalogue (`--testcases`) as much as for ours.
 */
import { finding, type Finding } from '../../protocol/findings.js';
import type { OcppVersion, Role } from '../../protocol/versions.js';
import type { JournalEntry } from '../journal.js';
import { registrationState } from './boot-state.js';
import { uniqueMessageIds } from './message-ids.js';
import { triggeredMessageSent } from './triggered-message.js';
import type { GeneralRule, RuleBreach, RuleWaiver } from './types.js';
import { knownTransactionId, noAvailableDuringTransaction } from './v16-transactions.js';
import { evseAfterPlugIn, idTokenAfterAuthorization, remoteStartFirstEvent, seqNoSequential, startedFirstEndedLast } from './v201-transactions.js';

export type { GeneralRule, RuleBreach, RuleWaiver } from './types.js';

export const generalRules: readonly GeneralRule[] = [
  uniqueMessageIds,
  registrationState,
  seqNoSequential,
  startedFirstEndedLast,
  idTokenAfterAuthorization,
  evseAfterPlugIn,
  remoteStartFirstEvent,
  knownTransactionId,
  noAvailableDuringTransaction,
  triggeredMessageSent,
];

/** A waiver must quote the clause that overrules the rule. */
export function waiverProblems(waivers: readonly RuleWaiver[] | undefined): string[] {
  const known = new Set(generalRules.map((r) => r.id));
  return (waivers ?? []).flatMap((w) => [
    ...(known.has(w.rule) ? [] : [`generalRules.waive names no general rule "${w.rule}" (known: ${[...known].join(', ')})`]),
    ...(/["“]/.test(w.clause) && w.clause.trim().length >= 12 ? [] : [`generalRules.waive of ${w.rule} must quote the official clause that overrules it`]),
  ]);
}

export function checkGeneralRules(input: { version: OcppVersion; sut: Role; entries: readonly JournalEntry[]; caseStart: number; caseEnd?: number; waive?: readonly RuleWaiver[] }): RuleBreach[] {
  const waived = new Set((input.waive ?? []).map((w) => w.rule));
  return generalRules.filter((r) => r.applies(input.version, input.sut) && !waived.has(r.id)).flatMap((r) => r.check(input));
}

/** A breach as a finding of the case: semantics layer, the first frame, all frames named. */
export function breachFinding(b: RuleBreach): Finding {
  const [first] = b.frames;
  return finding('semantics', `rule.${b.rule}`, `general rule ${b.rule}: ${b.message} (frames ${b.frames.join(', ') || 'none'}; ${b.clause})`, {
    ...(first === undefined ? {} : { frameSeq: first, direction: 'in' }),
    ...(b.severity ? { severity: b.severity } : {}),
  });
}
