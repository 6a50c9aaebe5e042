/**
 * The layered check of one OCPP message payload: schema, then format, then semantics.
 * Validation is an observation, not a gate (STYLE.md practice 2): every layer runs even when an
 * earlier one found problems, and the message is never dropped. Each finding carries its layer.
 */
import { finding } from './findings.js';
import type { Finding } from './findings.js';
import { formatChecker } from './formats.js';
import type { JsonSchema, MessageKind, SchemaSet } from './schemas.js';
import { payloadValidator } from './validator.js';
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

/** Schema and format layer of one (set, version, action, kind), compiled once (issue #14). */
interface Plan {
  schema: JsonSchema | undefined;
  validate: ((payload: unknown) => SchemaViolation[]) | undefined;
  formats: (payload: unknown) => Finding[];
}
type PlansByAction = Map<string, Partial<Record<MessageKind, Plan>>>;
const plansBySet = new WeakMap<SchemaSet, Map<OcppVersion, PlansByAction>>();
/** The last set's plans: a run checks one set, so most messages skip the WeakMap. */
let last: { set: SchemaSet; version: OcppVersion; plans: PlansByAction } | undefined;

function plansOf(set: SchemaSet, version: OcppVersion): PlansByAction {
  if (last !== undefined && last.set === set && last.version === version) return last.plans;
  let byVersion = plansBySet.get(set);
  if (byVersion === undefined) plansBySet.set(set, (byVersion = new Map<OcppVersion, PlansByAction>()));
  let plans = byVersion.get(version);
  if (plans === undefined) byVersion.set(version, (plans = new Map<string, Partial<Record<MessageKind, Plan>>>()));
  last = { set, version, plans };
  return plans;
}

function planOf(message: MessageToCheck): Plan {
  const plans = plansOf(message.set, message.version);
  let byKind = plans.get(message.action);
  if (byKind === undefined) plans.set(message.action, (byKind = {}));
  let plan = byKind[message.kind];
  if (plan === undefined) {
    const schema = message.set.schemaOf(message.action, message.kind);
    plan = {
      schema,
      validate: schema === undefined ? undefined : payloadValidator(message.set, schema),
      formats: formatChecker(schema, message.version, message.action, message.kind),
    };
    byKind[message.kind] = plan;
  }
  return plan;
}

/** Run every layer over one payload. Never throws for a payload; throws only if a schema of the set does not compile. */
export function checkMessage(message: MessageToCheck): CheckResult {
  const plan = planOf(message);
  const violations = plan.validate?.(message.payload);
  const findings = violations !== undefined && violations.length === 0 ? [] : schemaFindings(message, violations);
  const formatFindings = plan.formats(message.payload);
  for (let i = 0; i < formatFindings.length; i++) findings.push(formatFindings[i] as Finding);
  for (let i = 0; i < semanticsChecks.length; i++) for (const f of (semanticsChecks[i] as SemanticsCheck)(message)) findings.push(f);
  return { findings, violations: violations ?? [] };
}
