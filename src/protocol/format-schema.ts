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
import { checkDateTime, int32Max, int32Min } from './format-values.js';
import type { JsonSchema } from './schemas.js';
import type { OcppVersion } from './versions.js';

/** The path to a value as a chain of keys; turned into a JSON pointer only for a finding. */
interface PathNode {
  readonly parent: PathNode | undefined;
  readonly key: string | number;
}

const escapePointer = (s: string): string => (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);

function pointer(path: PathNode | undefined): string {
  let out = '';
  for (let p = path; p !== undefined; p = p.parent) out = `/${typeof p.key === 'number' ? String(p.key) : escapePointer(p.key)}${out}`;
  return out;
}

/** Checks one value (at `path`) against one compiled schema node, appending findings to `out`. */
type Check = (value: unknown, path: PathNode | undefined, out: Finding[]) => void;

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

class Compiler {
  private readonly relevantCache = new WeakMap<JsonSchema, boolean>();
  /** One check per (node, $ref trail): the trail only matters for a $ref cycle on one value. */
  private readonly checks = new WeakMap<JsonSchema, Map<string, Check>>();

  constructor(private readonly version: OcppVersion, private readonly root: JsonSchema) {}

  /**
   * The check of `schema`, built on first use: children are compiled when first reached, so a
   * recursive schema (Node → next: Node) compiles in finite time.
   */
  lazy(schema: JsonSchema, trail: readonly string[]): Check {
    let compiled: Check | undefined;
    return (value, path, out) => {
      compiled ??= this.check(schema, trail);
      compiled(value, path, out);
    };
  }

  check(schema: JsonSchema, trail: readonly string[]): Check {
    const key = trail.join('\u0000');
    let byTrail = this.checks.get(schema);
    if (byTrail === undefined) {
      byTrail = new Map();
      this.checks.set(schema, byTrail);
    }
    let made = byTrail.get(key);
    if (made === undefined) {
      made = this.build(schema, trail);
      byTrail.set(key, made);
    }
    return made;
  }

  private isRelevant(schema: JsonSchema): boolean {
    return relevant(this.root, schema, this.relevantCache);
  }

  private build(schema: JsonSchema, trail: readonly string[]): Check {
    if (!this.isRelevant(schema)) return nothing;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (trail.includes(ref)) return nothing; // a $ref cycle on the same value: nothing new to see
      const target = resolveRef(this.root, ref);
      // draft-04..07: siblings of $ref are ignored, as the validator does.
      return target === undefined ? nothing : this.lazy(target, [...trail, ref]);
    }
    const parts: Check[] = [];
    if (Array.isArray(schema.allOf)) {
      for (const sub of schema.allOf as unknown[]) if (isObject(sub) && this.isRelevant(sub)) parts.push(this.lazy(sub, trail));
    }
    const own = this.ownValueCheck(schema);
    if (own !== undefined) parts.push(own);
    // A child value starts a fresh $ref trail: the cycle guard is about one value; a recursive
    // schema must still be followed into the nested value.
    const object = this.objectCheck(schema);
    const array = this.arrayCheck(schema);
    if (object !== undefined || array !== undefined) {
      parts.push((value, path, out) => {
        if (isObject(value)) object?.(value, path, out);
        else if (Array.isArray(value)) array?.(value, path, out);
      });
    }
    if (parts.length === 0) return nothing;
    if (parts.length === 1) return parts[0] as Check;
    return (value, path, out) => {
      for (let i = 0; i < parts.length; i++) (parts[i] as Check)(value, path, out);
    };
  }

  /** date-time, int32 and the 1.6 unit spelling, on the value itself. */
  private ownValueCheck(schema: JsonSchema): Check | undefined {
    const version = this.version;
    const dateTime = schema.format === 'date-time';
    const integer = typesOf(schema).includes('integer');
    const celsius = version === '1.6' && Array.isArray(schema.enum) && schema.enum.includes('Celcius') && !schema.enum.includes('Celsius');
    if (!dateTime && !integer && !celsius) return undefined;
    return (value, path, out) => {
      if (dateTime && typeof value === 'string') {
        const found = checkDateTime(version, value, pointer(path));
        for (const f of found) out.push(f);
      }
      if (integer && typeof value === 'number' && Number.isInteger(value) && (value < int32Min || value > int32Max)) {
        const at = pointer(path);
        out.push(finding('format', 'format.int32', `${at}: ${value} is outside the 32-bit integer range ${int32Min}..${int32Max}`, { path: at }));
      }
      if (celsius && value === 'Celsius') {
        const at = pointer(path);
        out.push(finding('format', 'format.unit.celsius',
          `${at}: "Celsius" is the spelling of OCPP 1.6 §7.45, but this OCA 1.6 JSON schema only lists "Celcius" (sic); the OCPP-J 1.6 errata §2.1 asks Central Systems to accept both, and many Charge Points send "Celsius"`,
          { path: at, severity: 'warning' }));
      }
    };
  }

  /** Object members in the payload's key order: own property, then matching patterns, else additionalProperties. */
  private objectCheck(schema: JsonSchema): ((value: Record<string, unknown>, path: PathNode | undefined, out: Finding[]) => void) | undefined {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const byName = new Map<string, Check>();
    for (const name of Object.keys(properties)) {
      const sub = properties[name];
      if (isObject(sub) && this.isRelevant(sub)) byName.set(name, this.lazy(sub, []));
    }
    const patterns: { re: RegExp | null; check: Check | undefined }[] = [];
    if (isObject(schema.patternProperties)) {
      for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
        if (isObject(sub)) patterns.push({ re: compilePattern(pattern), check: this.isRelevant(sub) ? this.lazy(sub, []) : undefined });
      }
    }
    const extra = isObject(schema.additionalProperties) && this.isRelevant(schema.additionalProperties) ? this.lazy(schema.additionalProperties, []) : undefined;
    const patternMatters = patterns.some((p) => p.check !== undefined) || (extra !== undefined && patterns.length > 0);
    if (byName.size === 0 && !patternMatters && extra === undefined) return undefined;
    return (value, path, out) => {
      const keys = Object.keys(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const child = value[key];
        const ownCheck = byName.get(key);
        let at: PathNode | undefined;
        if (ownCheck !== undefined) ownCheck(child, (at = { parent: path, key }), out);
        if (!patternMatters && extra === undefined) continue;
        // `properties[key]` as the interpreted walk read it: an inherited member (`__proto__`) counts as matched.
        let matched = isObject(properties[key]);
        for (let p = 0; p < patterns.length; p++) {
          const pattern = patterns[p] as { re: RegExp | null; check: Check | undefined };
          if (pattern.re !== null && pattern.re.test(key)) {
            matched = true;
            pattern.check?.(child, (at ??= { parent: path, key }), out);
          }
        }
        if (!matched && extra !== undefined) extra(child, (at ??= { parent: path, key }), out);
      }
    };
  }

  private arrayCheck(schema: JsonSchema): ((value: unknown[], path: PathNode | undefined, out: Finding[]) => void) | undefined {
    const items = schema.items;
    if (isObject(items)) {
      if (!this.isRelevant(items)) return undefined;
      const each = this.lazy(items, []);
      return (value, path, out) => {
        for (let i = 0; i < value.length; i++) each(value[i], { parent: path, key: i }, out);
      };
    }
    if (!Array.isArray(items)) return undefined;
    const positional = (items as unknown[]).map((sub) => (isObject(sub) && this.isRelevant(sub) ? this.lazy(sub, []) : undefined));
    const rest = isObject(schema.additionalItems) && this.isRelevant(schema.additionalItems) ? this.lazy(schema.additionalItems, []) : undefined;
    if (rest === undefined && positional.every((c) => c === undefined)) return undefined;
    return (value, path, out) => {
      for (let i = 0; i < value.length; i++) {
        const check = i < positional.length ? positional[i] : rest;
        check?.(value[i], { parent: path, key: i }, out);
      }
    };
  }
}

/** The compiled walk of one root schema, per version (the 1.6 unit rule depends on it). */
const walks = new WeakMap<JsonSchema, Map<OcppVersion, Check>>();

/** Every schema-guided format finding of `payload` against its root schema, appended to `out`. */
export function schemaFormatFindings(version: OcppVersion, root: JsonSchema, payload: unknown, out: Finding[]): void {
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
  check(payload, undefined, out);
}
