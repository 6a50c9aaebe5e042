/**
 * The OCPP JSON schemas, per version, as one `SchemaSet` per version.
 *
 * Built-in sets come from the pinned registry package `ocpp-rpc@2.2.1` (`lib/schemas/*.json`),
 * loaded as modules through `createRequire` — no file I/O in this layer (DESIGN.md). Users may
 * bring their own schemas instead (`schemaSetFromRecord`, fed by `src/cli/schema-dir.ts`).
 *
 * Yardstick: a loaded schema must validate exactly like the OCA original it stands for
 * (../shared/spec/README.md). test/protocol/schemas-match-oca.test.ts proves it for every schema.
 */
import { createRequire } from 'node:module';
import type { OcppVersion } from './versions.js';

/** A JSON schema as parsed JSON. Treat as read-only: validators are compiled from it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Whether a schema describes the CALL payload (`request`) or the CALLRESULT payload (`response`). */
export type MessageKind = 'request' | 'response';

/** The package the built-in schemas come from; named in reports so a reader knows the yardstick. */
export const builtinSchemaSource = 'ocpp-rpc@2.2.1';

interface SchemaPair {
  request?: JsonSchema;
  response?: JsonSchema;
}

/**
 * The schemas of one OCPP version, by action. Immutable after construction; the validator keeps
 * its compiled functions per SchemaSet (src/protocol/validator.ts).
 */
export class SchemaSet {
  readonly version: OcppVersion;
  /** Where the schemas came from: `ocpp-rpc@2.2.1` or a user label such as a folder path. */
  readonly source: string;
  readonly #byAction: ReadonlyMap<string, SchemaPair>;

  constructor(version: OcppVersion, source: string, byAction: ReadonlyMap<string, SchemaPair>) {
    this.version = version;
    this.source = source;
    this.#byAction = byAction;
  }

  /** Every action with at least one schema, sorted. */
  actions(): readonly string[] {
    return [...this.#byAction.keys()].sort();
  }

  /** The schema for (action, kind), or undefined when the set has none. */
  schemaOf(action: string, kind: MessageKind): JsonSchema | undefined {
    return this.#byAction.get(action)?.[kind];
  }

  hasAction(action: string): boolean {
    return this.#byAction.has(action);
  }
}

/**
 * Naming rule shared by bundle `$id`s and user file names. Given a name (file base name without
 * `.json`, or a bundle `$id` without `urn:`):
 * - `<Action>Request` or `<Action>.req`  → request schema of `<Action>`
 * - `<Action>Response` or `<Action>.conf` → response schema of `<Action>`
 * - bare `<Action>` → request schema of `<Action>` (OCA 1.6 folders name requests `Authorize.json`;
 *   the 2.1 SEND-only `NotifyPeriodicEventStream.json` has no suffix either).
 * No OCPP action name ends in `Request` or `Response`, so the rule is unambiguous
 * (`RequestStartTransactionResponse` → response of `RequestStartTransaction`).
 * Returns undefined when the action part is not a plain identifier.
 */
export function parseSchemaName(name: string): { action: string; kind: MessageKind } | undefined {
  const suffixes: readonly (readonly [string, MessageKind])[] = [
    ['.req', 'request'],
    ['.conf', 'response'],
    ['Request', 'request'],
    ['Response', 'response'],
  ];
  let action = name;
  let kind: MessageKind = 'request';
  for (const [suffix, k] of suffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      action = name.slice(0, -suffix.length);
      kind = k;
      break;
    }
  }
  return /^[A-Za-z][A-Za-z0-9]*$/.test(action) ? { action, kind } : undefined;
}

/** Why a user-supplied schema record was refused; the CLI turns it into HarnessError('E_SCHEMA_DIR'). */
export class SchemaRecordError extends Error {
  readonly schemaName: string;
  constructor(schemaName: string, message: string) {
    super(message);
    this.name = 'SchemaRecordError';
    this.schemaName = schemaName;
  }
}

/**
 * Build a SchemaSet from user-supplied schemas keyed by name (see `parseSchemaName` for the
 * rule; keys are file base names without `.json`). The schemas are used as given: no fix-ups.
 * Throws SchemaRecordError naming the offending key when a name does not follow the rule, a
 * value is not a JSON object, or two keys name the same (action, kind).
 */
export function schemaSetFromRecord(version: OcppVersion, schemas: Readonly<Record<string, unknown>>, source = 'user schemas'): SchemaSet {
  const byAction = new Map<string, SchemaPair>();
  const seenBy = new Map<string, string>();
  for (const [name, schema] of Object.entries(schemas)) {
    const parsed = parseSchemaName(name);
    if (!parsed) {
      throw new SchemaRecordError(name, `"${name}" does not name an OCPP action: expected <Action>, <Action>Request, <Action>Response, <Action>.req or <Action>.conf`);
    }
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
      throw new SchemaRecordError(name, `"${name}" is not a JSON schema object`);
    }
    const key = `${parsed.action} ${parsed.kind}`;
    const previous = seenBy.get(key);
    if (previous !== undefined) {
      throw new SchemaRecordError(name, `"${name}" and "${previous}" are both the ${parsed.kind} schema of ${parsed.action}`);
    }
    seenBy.set(key, name);
    const pair = byAction.get(parsed.action) ?? {};
    pair[parsed.kind] = schema as JsonSchema;
    byAction.set(parsed.action, pair);
  }
  return new SchemaSet(version, source, byAction);
}

const bundleFile: Record<OcppVersion, string> = {
  '1.6': 'ocpp-rpc/lib/schemas/ocpp1_6.json',
  '2.0.1': 'ocpp-rpc/lib/schemas/ocpp2_0_1.json',
  '2.1': 'ocpp-rpc/lib/schemas/ocpp2_1.json',
};

/**
 * The one deliberate fix-up of the bundle. OCPP-J 1.6 errata sheet §2.1: the OCA 1.6 JSON schemas
 * misspell the temperature unit as `Celcius` (the 1.6 edition 2 text, §7.45 UnitOfMeasure, says
 * `Celsius`). The OCA files in ../shared/spec/ocpp-1.6/schemas list both spellings in
 * MeterValues.json but only `Celcius` in StopTransaction.json, while the ocpp-rpc bundle lists both
 * in both. Our yardstick is the OCA original, so `Celsius` is dropped from the enums holding both
 * spellings in exactly the schemas whose OCA original lacks it. Dropping it everywhere would make
 * MeterValues stricter than the original. The format layer explains a `Celsius` that the schema
 * then rejects with a warning (`format.unit.celsius`, src/protocol/formats.ts).
 * test/protocol/schemas-match-oca.test.ts fails if this list and the bundle stop agreeing.
 */
const celsiusAddedBy1dot6Bundle: ReadonlySet<string> = new Set(['urn:StopTransaction.req']);

function dropAddedCelsius(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropAddedCelsius);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value) && value.includes('Celcius') && value.includes('Celsius')) {
      out[key] = value.filter((v) => v !== 'Celsius');
    } else {
      out[key] = dropAddedCelsius(value);
    }
  }
  return out;
}

function fixUp(version: OcppVersion, raw: unknown): JsonSchema {
  // Never hand out the module-cached object: a caller mutating it would change every set.
  const id = (raw as { $id?: unknown } | null)?.$id;
  if (version === '1.6' && typeof id === 'string' && celsiusAddedBy1dot6Bundle.has(id)) return dropAddedCelsius(raw) as JsonSchema;
  return structuredClone(raw) as JsonSchema;
}

const require = createRequire(import.meta.url);
const builtinCache = new Map<OcppVersion, SchemaSet>();

/** The built-in schemas of a version (from ocpp-rpc@2.2.1), loaded once. */
export function builtinSchemaSet(version: OcppVersion): SchemaSet {
  const cached = builtinCache.get(version);
  if (cached) return cached;
  const bundle = require(bundleFile[version]) as unknown;
  if (!Array.isArray(bundle)) throw new Error(`${bundleFile[version]} is not an array of schemas`);
  const byAction = new Map<string, SchemaPair>();
  for (const raw of bundle as unknown[]) {
    const schema = fixUp(version, raw);
    const id = typeof schema.$id === 'string' ? schema.$id.replace(/^urn:/, '') : '';
    const parsed = parseSchemaName(id);
    if (!parsed) throw new Error(`${bundleFile[version]}: unexpected schema $id ${JSON.stringify(schema.$id)}`);
    const pair = byAction.get(parsed.action) ?? {};
    pair[parsed.kind] = schema;
    byAction.set(parsed.action, pair);
  }
  const set = new SchemaSet(version, builtinSchemaSource, byAction);
  builtinCache.set(version, set);
  return set;
}

/**
 * Forget the loaded built-in sets (tests: under mutation testing each run must load its own).
 * The compiled validators and format-walk caches are keyed by these objects and go with them.
 */
export function resetBuiltinSchemaCache(): void {
  builtinCache.clear();
}

/** Actions with a schema in the built-in set of a version, sorted. */
export function schemaActionsOf(version: OcppVersion): readonly string[] {
  return builtinSchemaSet(version).actions();
}

/** The built-in schema for (version, action, kind), or undefined. */
export function builtinSchemaOf(version: OcppVersion, action: string, kind: MessageKind): JsonSchema | undefined {
  return builtinSchemaSet(version).schemaOf(action, kind);
}
