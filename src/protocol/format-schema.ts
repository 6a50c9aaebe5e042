/**
 * The schema-guided part of the format layer, compiled once per (version, schema) into closures
 * (issue #14: interpreting the schema per message — `Object.entries`, a pointer string for every
 * key — was half of all validation time).
 *
 * What it checks is unchanged: date-time formats, 32-bit integers and the 1.6 `Celcius` enum,
 * found by walking the payload alongside its schema through properties, patternProperties,
 * additionalProperties, items (single and tuple), additionalItems, allOf and local `$ref`s.
 * `anyOf` / `oneOf` / `not` are not followed: which branch applies is the schema layer's question
 * (the OCA schemas use none). Subtrees that cannot yield a finding are never visited, and a JSON
 * pointer is built only for a finding. test/protocol/formats-compiled.test.ts holds the findings
 * (codes, messages, paths, order) identical to the interpreted walk it replaced.
 */
import { finding } from './findings.js';
import type { Finding } from './findings.js';
import { checkDateTime, int32Max, int32Min, isCleanDateTime } from './format-values.js';
import type { JsonSchema } from './schemas.js';
import type { OcppVersion } from './versions.js';

/**
 * The walk's state: findings so far, and the path to the current value as a stack of keys
 * (pushed and popped while descending, so no pointer string and no object per value: a JSON
 * pointer is built from it only for a finding).
 */
interface WalkState {
  readonly out: Finding[];
  readonly path: Array<string | number>;
}

const escapePointer = (s: string): string => (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);

function pointer(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) out += `/${typeof key === 'number' ? String(key) : escapePointer(key)}`;
  return out;
}

/** Checks one value (at `state.path`) against one compiled schema node. */
type Check = (value: unknown, state: WalkState) => void;

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

// ---------------------------------------------------------------------------------------------
// schema analysis (compile time only)

/** Resolve a local `$ref` (`#/definitions/X`, any JSON pointer into the root). Other refs are not followed. */
function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) break;
    node = node[key];
  }
  return isObject(node) ? node : undefined;
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return null; // an invalid pattern is the schema layer's problem (ajv refuses to compile it)
  }
}

function typesOf(schema: JsonSchema): readonly unknown[] {
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/**
 * Whether a schema node can yield a format finding anywhere below it: a date-time format, an
 * integer type, or the 1.6 Celcius enum. Computed once per node (per root, for $refs).
 */
function relevant(root: JsonSchema, schema: JsonSchema, cache: WeakMap<JsonSchema, boolean>, seen: Set<JsonSchema> = new Set()): boolean {
  const cached = cache.get(schema);
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
    if (isObject(child) && relevant(root, child, cache, seen)) result = true;
  }
  seen.delete(schema);
  if (seen.size === 0 || result) cache.set(schema, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// compiler

const nothing: Check = () => undefined;

interface Member {
  readonly name: string;
  readonly check: Check;
}

/**
 * After a walk over schema members (schema order), put the findings back in the payload's key
 * order, as a walk over the payload's keys yields them. Runs only when two or more members
 * found something.
 */
function reorderByPayloadKeys(value: Record<string, unknown>, out: Finding[], segments: Array<{ name: string; start: number; end: number }>): void {
  const keys = Object.keys(value);
  const first = (segments[0] as { start: number }).start;
  const ordered = [...segments].sort((x, y) => keys.indexOf(x.name) - keys.indexOf(y.name));
  const moved = ordered.flatMap((seg) => out.slice(seg.start, seg.end));
  out.splice(first, moved.length, ...moved);
}

class Compiler {
  private readonly relevantCache = new WeakMap<JsonSchema, boolean>();
  /** One check per (node, $ref trail): the trail only matters for a $ref cycle on one value. */
  private readonly checks = new WeakMap<JsonSchema, Map<string, Check>>();
  /** Nodes being compiled: reaching one again (a recursive schema) defers it to first use. */
  private readonly compiling = new Map<JsonSchema, Set<string>>();

  constructor(private readonly version: OcppVersion, private readonly root: JsonSchema) {}

  check(schema: JsonSchema, trail: readonly string[]): Check {
    const key = trail.join('\u0000');
    let byTrail = this.checks.get(schema);
    if (byTrail === undefined) {
      byTrail = new Map();
      this.checks.set(schema, byTrail);
    }
    const made = byTrail.get(key);
    if (made !== undefined) return made;
    let inProgress = this.compiling.get(schema);
    if (inProgress === undefined) this.compiling.set(schema, (inProgress = new Set()));
    if (inProgress.has(key)) {
      // Recursion (Node → next: Node): compiled when first reached, so compiling ends.
      let deferred: Check | undefined;
      return (value, state) => {
        deferred ??= this.check(schema, trail);
        deferred(value, state);
      };
    }
    inProgress.add(key);
    try {
      const built = this.build(schema, trail);
      byTrail.set(key, built);
      return built;
    } finally {
      inProgress.delete(key);
    }
  }

  private isRelevant(schema: JsonSchema): boolean {
    return relevant(this.root, schema, this.relevantCache);
  }

  /** The check of a child node, or undefined when it cannot find anything. */
  private child(schema: unknown, trail: readonly string[]): Check | undefined {
    if (!isObject(schema) || !this.isRelevant(schema)) return undefined;
    const made = this.check(schema, trail);
    return made === nothing ? undefined : made;
  }

  private build(schema: JsonSchema, trail: readonly string[]): Check {
    if (!this.isRelevant(schema)) return nothing;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (trail.includes(ref)) return nothing; // a $ref cycle on the same value: nothing new to see
      const target = resolveRef(this.root, ref);
      // draft-04..07: siblings of $ref are ignored, as the validator does.
      return target === undefined ? nothing : this.check(target, [...trail, ref]);
    }
    const parts: Check[] = [];
    if (Array.isArray(schema.allOf)) {
      for (const sub of schema.allOf as unknown[]) {
        const c = this.child(sub, trail);
        if (c !== undefined) parts.push(c);
      }
    }
    const own = this.ownValueCheck(schema);
    if (own !== undefined) parts.push(own);
    // A child value starts a fresh $ref trail: the cycle guard is about one value; a recursive
    // schema must still be followed into the nested value.
    const object = this.objectCheck(schema);
    const array = this.arrayCheck(schema);
    if (object !== undefined || array !== undefined) {
      parts.push((value, state) => {
        if (value === null || typeof value !== 'object') return;
        if (Array.isArray(value)) array?.(value, state);
        else object?.(value as Record<string, unknown>, state);
      });
    }
    if (parts.length === 0) return nothing;
    if (parts.length === 1) return parts[0] as Check;
    return (value, state) => {
      for (let i = 0; i < parts.length; i++) (parts[i] as Check)(value, state);
    };
  }

  /** date-time, int32 and the 1.6 unit spelling, on the value itself. */
  private ownValueCheck(schema: JsonSchema): Check | undefined {
    const version = this.version;
    const dateTime = schema.format === 'date-time';
    const integer = typesOf(schema).includes('integer');
    const celsius = version === '1.6' && Array.isArray(schema.enum) && schema.enum.includes('Celcius') && !schema.enum.includes('Celsius');
    if (!dateTime && !integer && !celsius) return undefined;
    return (value, state) => {
      if (dateTime && typeof value === 'string' && !isCleanDateTime(value)) {
        for (const f of checkDateTime(version, value, pointer(state.path))) state.out.push(f);
      }
      if (integer && typeof value === 'number' && Number.isInteger(value) && (value < int32Min || value > int32Max)) {
        const at = pointer(state.path);
        state.out.push(finding('format', 'format.int32', `${at}: ${value} is outside the 32-bit integer range ${int32Min}..${int32Max}`, { path: at }));
      }
      if (celsius && value === 'Celsius') {
        const at = pointer(state.path);
        state.out.push(finding('format', 'format.unit.celsius',
          `${at}: "Celsius" is the spelling of OCPP 1.6 §7.45, but this OCA 1.6 JSON schema only lists "Celcius" (sic); the OCPP-J 1.6 errata §2.1 asks Central Systems to accept both, and many Charge Points send "Celsius"`,
          { path: at, severity: 'warning' }));
      }
    };
  }

  /** Object members: own property, then matching patterns, else additionalProperties, in the payload's key order. */
  private objectCheck(schema: JsonSchema): ((value: Record<string, unknown>, state: WalkState) => void) | undefined {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const members: Member[] = [];
    for (const name of Object.keys(properties)) {
      const check = this.child(properties[name], []);
      if (check !== undefined) members.push({ name, check });
    }
    const byName = new Map(members.map((m) => [m.name, m.check]));
    const patterns: { re: RegExp | null; check: Check | undefined }[] = [];
    if (isObject(schema.patternProperties)) {
      for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
        if (isObject(sub)) patterns.push({ re: compilePattern(pattern), check: this.child(sub, []) });
      }
    }
    const extra = this.child(schema.additionalProperties, []);
    const patternMatters = patterns.some((p) => p.check !== undefined) || (extra !== undefined && patterns.length > 0);
    if (members.length === 0 && !patternMatters && extra === undefined) return undefined;
    if (!patternMatters && extra === undefined) return membersOnly(members);
    return (value, state) => {
      const keys = Object.keys(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const child = value[key];
        state.path.push(key);
        byName.get(key)?.(child, state);
        // `properties[key]` as the interpreted walk read it: an inherited member (`__proto__`) counts as matched.
        let matched = isObject(properties[key]);
        for (let p = 0; p < patterns.length; p++) {
          const pattern = patterns[p] as { re: RegExp | null; check: Check | undefined };
          if (pattern.re !== null && pattern.re.test(key)) {
            matched = true;
            pattern.check?.(child, state);
          }
        }
        if (!matched) extra?.(child, state);
        state.path.pop();
      }
    };
  }

  private arrayCheck(schema: JsonSchema): ((value: unknown[], state: WalkState) => void) | undefined {
    const items = schema.items;
    if (isObject(items)) {
      const each = this.child(items, []);
      if (each === undefined) return undefined;
      return (value, state) => {
        for (let i = 0; i < value.length; i++) {
          state.path.push(i);
          each(value[i], state);
          state.path.pop();
        }
      };
    }
    if (!Array.isArray(items)) return undefined;
    const positional = (items as unknown[]).map((sub) => this.child(sub, []));
    const rest = this.child(schema.additionalItems, []);
    if (rest === undefined && positional.every((c) => c === undefined)) return undefined;
    return (value, state) => {
      for (let i = 0; i < value.length; i++) {
        const check = i < positional.length ? positional[i] : rest;
        if (check === undefined) continue;
        state.path.push(i);
        check(value[i], state);
        state.path.pop();
      }
    };
  }
}


/**
 * The common object shape (no patternProperties, no relevant additionalProperties): visit only
 * the members that can yield a finding, not every key of the payload. Payloads are JSON, whose
 * own members are all enumerable, so `Object.hasOwn` picks the same members `Object.keys` did.
 */
function membersOnly(members: readonly Member[]): (value: Record<string, unknown>, state: WalkState) => void {
  return (value, state) => {
    const out = state.out;
    let segments: Array<{ name: string; start: number; end: number }> | undefined;
    for (let m = 0; m < members.length; m++) {
      const member = members[m] as Member;
      if (!Object.hasOwn(value, member.name)) continue;
      const start = out.length;
      state.path.push(member.name);
      member.check(value[member.name], state);
      state.path.pop();
      if (out.length > start) (segments ??= []).push({ name: member.name, start, end: out.length });
    }
    if (segments !== undefined && segments.length > 1) reorderByPayloadKeys(value, out, segments);
  };
}

/** The compiled walk of one root schema, per version (the 1.6 unit rule depends on it). */
const walks = new WeakMap<JsonSchema, Map<OcppVersion, Check>>();

/** Every schema-guided format finding of `payload` against its root schema, appended to `out`. */
export function schemaFormatFindings(version: OcppVersion, root: JsonSchema, payload: unknown, out: Finding[]): void {
  compiledFormatWalk(version, root)(payload, out);
}

/** The compiled walk of `root` as a function (checks.ts keeps it per (action, kind)). */
export function compiledFormatWalk(version: OcppVersion, root: JsonSchema): (payload: unknown, out: Finding[]) => void {
  let byVersion = walks.get(root);
  if (byVersion === undefined) {
    byVersion = new Map();
    walks.set(root, byVersion);
  }
  let check = byVersion.get(version);
  if (check === undefined) {
    check = new Compiler(version, root).check(root, []);
    byVersion.set(version, check);
  }
  const compiled = check;
  return compiled === nothing ? () => undefined : (payload, out) => compiled(payload, { out, path: [] });
}
