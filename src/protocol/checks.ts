/**
 * The layered check of one OCPP message payload: schema, then format, then semantics.
 * Validation is an observation, not a gate (STYLE.md practice 2): every layer runs even when an
 * earlier one found problems, and the message is never dropped. Each finding carries its layer.
 */
import { finding } from './findings.js';
import type { Finding } from './findings.js';
import { checkFormatsOf } from './formats.js';
import type { MessageKind, SchemaSet } from './schemas.js';
import { validateAgainst } from './validator.js';
import type { SchemaViolation } from './validator.js';
import type { OcppVersion } from './versions.js';

export interface MessageToCheck {
  set: SchemaSet;
  version: OcppVersion;
  action: string;
  kind: MessageKind;
  payload: unknown;
}

export interface CheckResult {
  findings: Finding[];
  /** The schema violations behind the `schema` findings, with their OCPP-J error kind: what a receiver answers in a CALLERROR. */
  violations: SchemaViolation[];
}

/**
 * A semantics check: rules the schemas cannot express (a value that must match an earlier
 * message, a field required only when another has some value…). Other layers register theirs
 * with `registerSemanticsCheck`; each returns findings of layer `semantics`.
 */
export type SemanticsCheck = (message: MessageToCheck) => Finding[];
const semanticsChecks: SemanticsCheck[] = [];

/** Extension point for the semantics layer. Returns a function that unregisters the check. */
export function registerSemanticsCheck(check: SemanticsCheck): () => void {
  semanticsChecks.push(check);
  return () => {
    const i = semanticsChecks.indexOf(check);
    if (i >= 0) semanticsChecks.splice(i, 1);
  };
}

function schemaFindings(message: MessageToCheck, violations: SchemaViolation[] | undefined): Finding[] {
  if (violations === undefined) {
    // Not "valid": not checked. Whether the action itself is acceptable is the session's call
    // (a NotImplemented CALLERROR, a framing finding); here we only say nothing was checked.
    return [finding('schema', 'schema.unavailable', `no ${message.kind} schema for ${message.action} in ${message.set.source} (OCPP ${message.set.version}): payload not schema-checked`, { severity: 'warning', action: message.action })];
  }
  return violations.map((v) => finding('schema', `schema.${v.keyword}`, v.message, { path: v.path, action: message.action }));
}

/** Drop every registered semantics check (tests: a check one test registered must not judge the next). */
export function resetSemanticsChecks(): void {
  semanticsChecks.length = 0;
}

/** Run every layer over one payload. Never throws for a payload; throws only if a schema of the set does not compile. */
export function checkMessage(message: MessageToCheck): CheckResult {
  // One schema lookup for both layers (issue #14: it ran twice per message).
  const schema = message.set.schemaOf(message.action, message.kind);
  const violations = validateAgainst(message.set, schema, message.payload);
  const findings = schemaFindings(message, violations);
  for (const f of checkFormatsOf(schema, message.version, message.action, message.kind, message.payload)) findings.push(f);
  for (const check of semanticsChecks) for (const f of check(message)) findings.push(f);
  return { findings, violations: violations ?? [] };
}
