/**
 * The general tool rules of the official documents (2.0.1 Part 6 §2.1 / §3.1, OCPP-J Part 4,
 * the 1.6 specification where the 1.6 test document §1.3 points to it), checked by the runner
 * after every case from the journal alone. A case opts out of one only by quoting the clause
 * that overrules it (`generalRules.waive` in its metadata).
 */
import type { OcppVersion, Role } from '../../protocol/versions.js';
import type { JournalEntry } from '../journal.js';

export type CallInEntry = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }>;

/** One breach of a general rule: what, where in the document, and the frames that show it. */
export interface RuleBreach {
  rule: string;
  clause: string;
  message: string;
  frames: number[];
  /** A SHOULD of the document: reported as a warning finding, never failing the case by itself. */
  severity?: 'warning';
}

export interface RuleInput {
  version: OcppVersion;
  sut: Role;
  /** Every journal entry up to the end of the case (history included: a transaction may have begun earlier). */
  entries: readonly JournalEntry[];
  /** Index of the case's first entry: only breaches shown by a frame from here on are reported. */
  caseStart: number;
  /** Index after the case's last entry (its restore follows): for rules about what the case itself sent. */
  caseEnd?: number;
}

export interface GeneralRule {
  id: string;
  /** The clause, quoted short, with its document. */
  clause: string;
  applies(version: OcppVersion, sut: Role): boolean;
  check(input: RuleInput): RuleBreach[];
}

/** A case's opt-out of one rule: the official text that overrules it, quoted. */
export interface RuleWaiver {
  rule: string;
  clause: string;
}

export const frameOf = (e: { frameSeq?: number }): number[] => (e.frameSeq === undefined ? [] : [e.frameSeq]);

export function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The response payload we (the harness) sent to a DUT CALL, by message id. */
export function ourAnswers(entries: readonly JournalEntry[]): Map<string, Record<string, unknown>> {
  const answers = new Map<string, Record<string, unknown>>();
  for (const e of entries) if (e.kind === 'resultOut') answers.set(`${e.connectionId}/${e.messageId}`, e.payload);
  return answers;
}
