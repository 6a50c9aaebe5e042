/**
 * REFERENCE COPY (issue #14): the format layer as it was before it was compiled into closures,
 * kept unchanged so test/protocol/formats-compiled.test.ts can prove the new one finds exactly
 * the same. Do not import it from src/.
 *
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
import { maxIdentityLength, maxMessageIdLength } from '../../../src/constants.js';
import { finding } from '../../../src/protocol/findings.js';
import type { Finding, FindingSeverity } from '../../../src/protocol/findings.js';
import type { JsonSchema, MessageKind, SchemaSet } from '../../../src/protocol/schemas.js';
import type { OcppVersion } from '../../../src/protocol/versions.js';

// ---------------------------------------------------------------------------------------------
// date-time

/**
 * RFC 3339 §5.6 `date-time`: full-date "T" full-time, where full-time requires a time-offset
 * (`Z` or `±hh:mm`). JSON Schema's `format: date-time` means exactly this (draft-04 §7.3.1,
 * draft-06 §8.3.1), and the OCA schemas mark every OCPP dateTime field with it. OCPP 1.6
 * edition 2 §3.15 asks for ISO 8601 and says receivers must cope with fractions and offsets;
 * a value without an offset is local time of unknown zone, which neither side can interpret.
 * RFC 3339 §5.6 allows lower-case `t` and `z`; we accept them.
 */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-](\d{2}):(\d{2}))$/;
const rfc3339WithoutOffset = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

/**
 * Fractional seconds: at most 3 digits. OCPP 2.0.1 and 2.1 limit the decimal places of dateTime
 * seconds to 3 in the Part 2 primitive datatypes table; that Part 2 body is not among the
 * documents in ../shared/spec (only the appendices are), so we cannot cite the clause from the text
 * we ship with, and report it as a `warning` rather than a non-conformance. 1.6 (edition 2 §3.15)
 * sets no limit: a warning too, since many receivers (and OCTT) parse milliseconds only.
 * Flip a version to 'error' here once the clause can be cited.
 */
const fractionSeverity: Record<OcppVersion, FindingSeverity> = { '1.6': 'warning', '2.0.1': 'warning', '2.1': 'warning' };
export const maxFractionDigits = 3;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Check one date-time string; `path` is its JSON pointer in the payload. */
export function checkDateTime(version: OcppVersion, value: string, path: string): Finding[] {
  const m = rfc3339.exec(value);
  if (!m) {
    const why = rfc3339WithoutOffset.test(value)
      ? 'has no time-zone designator (Z or ±hh:mm)'
      : 'is not an RFC 3339 date-time (yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm))';
    return [finding('format', 'format.dateTime', `${path}: ${JSON.stringify(value)} ${why}`, { path })];
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const inRange =
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 &&
    second <= 60 && // RFC 3339 §5.6: 60 for a leap second
    n(9) <= 23 && n(10) <= 59; // offset hours and minutes
  if (!inRange) {
    return [finding('format', 'format.dateTime', `${path}: ${JSON.stringify(value)} is not a valid calendar date-time`, { path })];
  }
  const fraction = m[7];
  if (fraction !== undefined && fraction.length > maxFractionDigits) {
    const severity = fractionSeverity[version];
    const why = version === '1.6'
      ? 'OCPP 1.6 sets no limit, but receivers commonly parse at most milliseconds'
      : `OCPP ${version} limits dateTime to 3 decimal places of seconds (Part 2 primitive datatypes)`;
    return [finding('format', 'format.dateTime.fraction', `${path}: ${JSON.stringify(value)} has ${fraction.length} fractional-second digits; ${why}`, { path, severity })];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// integers

/**
 * OCPP integers are 32-bit signed: 2.0.1/2.1 Part 2 primitive datatypes define integer as 32 bit;
 * 1.6 inherits `xs:int` from its SOAP/WSDL definition (the OCPP-J 1.6 errata §2.1 names the WSDLs
 * as the reference the JSON schemas must agree with). The JSON schemas say only `integer`.
 */
export const int32Min = -(2 ** 31);
export const int32Max = 2 ** 31 - 1;

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

function checkIdentityValues(version: OcppVersion, action: string, kind: MessageKind, payload: unknown): Finding[] {
  if (version === '1.6' || !isObject(payload)) return [];
  return identityValueLocations
    .filter((l) => l.action === action && l.kind === kind)
    .flatMap((l) => l.extract(payload))
    .flatMap(({ path, value }) => (typeof value === 'string' ? checkStationIdentity(value, path) : []));
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
// schema-guided walk

/** Resolved local `$ref`s per schema root: resolving parses the pointer, and the walk runs for every message. */
const refCache = new WeakMap<JsonSchema, Map<string, JsonSchema | undefined>>();

/** Resolve a local `$ref` (`#/definitions/X`, any JSON pointer into the root). Other refs are not followed. */
function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  let byRef = refCache.get(root);
  if (!byRef) {
    byRef = new Map();
    refCache.set(root, byRef);
  }
  if (byRef.has(ref)) return byRef.get(ref);
  let node: unknown = root;
  if (ref.startsWith('#')) {
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node)) break;
      node = node[key];
    }
  }
  const target = ref.startsWith('#') && isObject(node) ? node : undefined;
  byRef.set(ref, target);
  return target;
}

const escapePointer = (s: string): string => (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);

/** Compiled patternProperties, once per pattern (the walk runs for every message). */
const patternCache = new Map<string, RegExp | null>();

/** Forget the compiled patterns (tests: the other caches here are keyed by schema objects). */
export function resetFormatCaches(): void {
  patternCache.clear();
}

function matchesPattern(pattern: string, key: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null; // an invalid pattern is the schema layer's problem (ajv refuses to compile it)
    }
    patternCache.set(pattern, re);
  }
  return re !== null && re.test(key);
}

/**
 * Whether a schema node (with its root, for $refs) can yield a format finding anywhere below it:
 * a date-time format, an integer type, or the 1.6 Celcius enum. Subtrees that cannot are skipped;
 * computed once per node.
 */
const relevantCache = new WeakMap<JsonSchema, boolean>();

function relevant(root: JsonSchema, schema: JsonSchema, seen: Set<JsonSchema> = new Set()): boolean {
  const cached = relevantCache.get(schema);
  if (cached !== undefined) return cached;
  if (seen.has(schema)) return false; // a cycle adds nothing new; the outer call decides
  seen.add(schema);
  let result = schema.format === 'date-time' || typesOf(schema).includes('integer') || (Array.isArray(schema.enum) && schema.enum.includes('Celcius'));
  const children: unknown[] = [];
  if (typeof schema.$ref === 'string') children.push(resolveRef(root, schema.$ref));
  if (Array.isArray(schema.allOf)) children.push(...(schema.allOf as unknown[]));
  if (isObject(schema.properties)) children.push(...Object.values(schema.properties));
  if (isObject(schema.patternProperties)) children.push(...Object.values(schema.patternProperties));
  children.push(schema.additionalProperties, schema.additionalItems);
  if (Array.isArray(schema.items)) children.push(...(schema.items as unknown[]));
  else children.push(schema.items);
  for (const child of children) {
    if (result) break;
    if (isObject(child) && relevant(root, child, seen)) result = true;
  }
  seen.delete(schema);
  if (seen.size === 0 || result) relevantCache.set(schema, result);
  return result;
}

function typesOf(schema: JsonSchema): readonly unknown[] {
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/**
 * Walk the payload alongside its schema: properties, patternProperties, additionalProperties,
 * items (single and tuple), additionalItems, allOf and local `$ref`s. `anyOf` / `oneOf` / `not` are
 * not followed: which branch applies is the schema layer's question (the OCA schemas use none).
 */
function walk(version: OcppVersion, root: JsonSchema, schema: JsonSchema, value: unknown, path: string, out: Finding[], refs: string[]): void {
  if (!relevant(root, schema)) return;
  if (typeof schema.$ref === 'string') {
    if (refs.includes(schema.$ref)) return; // a $ref cycle on the same value: nothing new to see
    const target = resolveRef(root, schema.$ref);
    if (target) {
      refs.push(schema.$ref);
      walk(version, root, target, value, path, out, refs);
      refs.pop();
    }
    // draft-04..07: siblings of $ref are ignored, as the validator does.
    return;
  }
  if (Array.isArray(schema.allOf)) {
    for (const sub of schema.allOf) if (isObject(sub)) walk(version, root, sub, value, path, out, refs);
  }
  if (schema.format === 'date-time' && typeof value === 'string') out.push(...checkDateTime(version, value, path));
  if (typeof value === 'number' && Number.isInteger(value) && typesOf(schema).includes('integer') && (value < int32Min || value > int32Max)) {
    out.push(finding('format', 'format.int32', `${path}: ${value} is outside the 32-bit integer range ${int32Min}..${int32Max}`, { path }));
  }
  if (
    version === '1.6' && value === 'Celsius' && Array.isArray(schema.enum) &&
    schema.enum.includes('Celcius') && !schema.enum.includes('Celsius')
  ) {
    out.push(finding('format', 'format.unit.celsius',
      `${path}: "Celsius" is the spelling of OCPP 1.6 §7.45, but this OCA 1.6 JSON schema only lists "Celcius" (sic); the OCPP-J 1.6 errata §2.1 asks Central Systems to accept both, and many Charge Points send "Celsius"`,
      { path, severity: 'warning' }));
  }
  // A child value starts a fresh $ref trail: the cycle guard above is about one value; a
  // recursive schema (Node → next: Node) must still be followed into the nested value.
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
    for (const [key, child] of Object.entries(value)) {
      const at = `${path}/${escapePointer(key)}`;
      let matched = false;
      const own = properties[key];
      if (isObject(own)) {
        matched = true;
        walk(version, root, own, child, at, out, []);
      }
      for (const [pattern, sub] of patterns) {
        if (isObject(sub) && matchesPattern(pattern, key)) {
          matched = true;
          walk(version, root, sub, child, at, out, []);
        }
      }
      if (!matched && isObject(schema.additionalProperties)) walk(version, root, schema.additionalProperties, child, at, out, []);
    }
  } else if (Array.isArray(value)) {
    const items = schema.items;
    value.forEach((child, i) => {
      const at = `${path}/${i}`;
      if (isObject(items)) walk(version, root, items, child, at, out, []);
      else if (Array.isArray(items)) {
        const positional: unknown = items[i];
        if (isObject(positional)) walk(version, root, positional, child, at, out, []);
        else if (i >= items.length && isObject(schema.additionalItems)) walk(version, root, schema.additionalItems, child, at, out, []);
      }
    });
  }
}

/**
 * Every format finding for one payload: the schema-guided checks (date-time, int32, 1.6 unit
 * spelling) and the identity values of `identityValueLocations`. Returns [] when the set has no
 * schema for (action, kind) — the identity table still applies. Each finding carries `action`.
 */
export function checkFormats(set: SchemaSet, version: OcppVersion, action: string, kind: MessageKind, payload: unknown): Finding[] {
  const out: Finding[] = [];
  const schema = set.schemaOf(action, kind);
  if (schema) walk(version, schema, schema, payload, '', out, []);
  out.push(...checkIdentityValues(version, action, kind, payload));
  return out.map((f) => ({ ...f, action }));
}
