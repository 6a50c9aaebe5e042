/**
 * The format layer: what the OCPP JSON schemas do not check, reported as findings of layer
 * `format` (never `schema`), so a report can tell "the schema rejects it" from "the schema lets
 * it through but the spec does not".
 *
 * - date-time strings (every field whose schema says `"format": "date-time"`)
 * - 32-bit integer bounds (every schema `"type": "integer"`)
 * - identifierString values (charging station identity; see `identityValueLocations`)
 * - the OCPP-J message id (at most 36 characters)
 * - 1.6 only: the `Celsius` / `Celcius` unit spelling (OCPP-J 1.6 errata §2.1)
 */
import { maxIdentityLength, maxMessageIdLength } from '../constants.js';
import { finding } from './findings.js';
import type { Finding } from './findings.js';
import { compiledFormatWalk } from './format-schema.js';
import type { JsonSchema, MessageKind, SchemaSet } from './schemas.js';
import type { OcppVersion } from './versions.js';

export { checkDateTime, int32Max, int32Min, maxFractionDigits } from './format-values.js';

// ---------------------------------------------------------------------------------------------
// identifierString

/**
 * identifierString (OCPP 2.0.1 Part 2 §2.1.4, the character set quoted in the 2.0.1 errata 2025-01
 * §2.1): only a-z, A-Z, 0-9 and `* - _ = : + | @ .`. Non-empty here: an empty identity identifies
 * nothing.
 */
export function isIdentifierString(s: string): boolean {
  return /^[A-Za-z0-9*\-_=:+|@.]+$/.test(s);
}

/**
 * The charging station identity (2.0.1 / 2.1 Part 4 §3.1.1): an identifierString without `:`
 * (it is the HTTP Basic username, and `:` separates username from password), at most 48
 * characters. For the transport layer (the identity in the URL, after percent-decoding) and the
 * SecurityCtrlr.Identity variable. 1.6 (OCPP-J 1.6 §3.1.1) sets no character set.
 */
export function checkStationIdentity(identity: string, path = ''): Finding[] {
  const where = path === '' ? 'charging station identity' : path;
  const out: Finding[] = [];
  const extra = path === '' ? {} : { path };
  if (!isIdentifierString(identity)) {
    out.push(finding('format', 'format.identifierString', `${where}: ${JSON.stringify(identity)} is not an identifierString (allowed: a-z A-Z 0-9 * - _ = : + | @ .)`, extra));
  } else if (identity.includes(':')) {
    out.push(finding('format', 'format.identity.colon', `${where}: ${JSON.stringify(identity)} contains ":", which Part 4 §3.1.1 excludes from the station identity (it is the Basic auth username)`, extra));
  }
  if (identity.length > maxIdentityLength) {
    out.push(finding('format', 'format.identity.length', `${where}: identity has ${identity.length} characters; at most ${maxIdentityLength} (Part 4 §3.1.1)`, extra));
  }
  return out;
}

interface Located {
  path: string;
  value: unknown;
}
type Extractor = (payload: Record<string, unknown>) => Located[];

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const nameOf = (x: unknown): unknown => (isObject(x) ? x.name : undefined);
/** SecurityCtrlr.Identity (2.0.1 Part 2 appendices §3.1.15, dataType identifierString in dm_components_vars.csv; 2.1 appendices likewise). */
const isIdentityVariable = (entry: Record<string, unknown>): boolean =>
  nameOf(entry.component) === 'SecurityCtrlr' && nameOf(entry.variable) === 'Identity';

function eachEntry(payload: Record<string, unknown>, list: string, pick: (entry: Record<string, unknown>, path: string) => Located[]): Located[] {
  const items = payload[list];
  if (!Array.isArray(items)) return [];
  return items.flatMap((entry, i) => (isObject(entry) && isIdentityVariable(entry) ? pick(entry, `/${list}/${i}`) : []));
}

/**
 * Where a 2.0.1 / 2.1 payload carries the station identity as a value. The schemas give no
 * marker for identifierString (they say `string` with a maxLength), so this small table lists
 * the (action, kind, pointer) places where the spec text we have makes the value an identity:
 * writing, reading and reporting the SecurityCtrlr.Identity variable.
 */
const identityValueLocations: readonly { action: string; kind: MessageKind; extract: Extractor }[] = [
  { action: 'SetVariables', kind: 'request', extract: (p) => eachEntry(p, 'setVariableData', (e, at) => [{ path: `${at}/attributeValue`, value: e.attributeValue }]) },
  { action: 'GetVariables', kind: 'response', extract: (p) => eachEntry(p, 'getVariableResult', (e, at) => [{ path: `${at}/attributeValue`, value: e.attributeValue }]) },
  {
    action: 'NotifyReport',
    kind: 'request',
    extract: (p) =>
      eachEntry(p, 'reportData', (e, at) =>
        Array.isArray(e.variableAttribute) ? e.variableAttribute.map((a, j) => ({ path: `${at}/variableAttribute/${j}/value`, value: isObject(a) ? a.value : undefined })) : [],
      ),
  },
];

function checkIdentityValues(action: string, kind: MessageKind, payload: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  for (const l of identityValueLocations) {
    if (l.action !== action || l.kind !== kind) continue;
    for (const { path, value } of l.extract(payload)) if (typeof value === 'string') out.push(...checkStationIdentity(value, path));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// message id

/** OCPP-J 1.6 §4.1.4 table 3, 2.0.1 / 2.1 Part 4 §4.1.4 table 4: the message id is a string of at most 36 characters. */
export function checkMessageId(id: unknown): Finding[] {
  if (typeof id !== 'string') {
    return [finding('format', 'format.messageId', `message id must be a string; got ${id === null ? 'null' : typeof id}`)];
  }
  if (id.length > maxMessageIdLength) {
    return [finding('format', 'format.messageId', `message id has ${id.length} characters; at most ${maxMessageIdLength} allowed`, { messageId: id })];
  }
  if (id.length === 0) {
    return [finding('format', 'format.messageId', 'message id is empty: it cannot identify a request', { messageId: id })];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// the layer's entry

/** Kept for the tests' registry reset; the compiled walks are keyed by schema objects and go with them. */
export function resetFormatCaches(): void {
  // Nothing global remains to clear (issue #14 moved every cache onto the schema objects).
}

/**
 * Every format finding for one payload: the schema-guided checks (date-time, int32, 1.6 unit
 * spelling, src/protocol/format-schema.ts) and the identity values of `identityValueLocations`.
 * Returns [] when the set has no schema for (action, kind) — the identity table still applies.
 * Each finding carries `action`.
 */
export function checkFormats(set: SchemaSet, version: OcppVersion, action: string, kind: MessageKind, payload: unknown): Finding[] {
  return checkFormatsOf(set.schemaOf(action, kind), version, action, kind, payload);
}

/** `checkFormats` with the schema already looked up (checks.ts: one `schemaOf` per message). */
export function checkFormatsOf(schema: JsonSchema | undefined, version: OcppVersion, action: string, kind: MessageKind, payload: unknown): Finding[] {
  return formatChecker(schema, version, action, kind)(payload);
}

/** The format layer of one (schema, version, action, kind) as a function, every lookup done once. */
export function formatChecker(schema: JsonSchema | undefined, version: OcppVersion, action: string, kind: MessageKind): (payload: unknown) => Finding[] {
  const walk = schema ? compiledFormatWalk(version, schema) : undefined;
  const identity = version !== '1.6' && identityValueLocations.some((l) => l.action === action && l.kind === kind);
  return (payload) => {
    const out: Finding[] = [];
    walk?.(payload, out);
    if (identity && isObject(payload)) {
      for (const f of checkIdentityValues(action, kind, payload)) out.push(f);
    }
    if (out.length === 0) return out;
    return out.map((f) => ({ ...f, action }));
  };
}
