/**
 * Schema validation of OCPP payloads with ajv@8: one Ajv instance per SchemaSet, one compiled
 * function per (action, request|response), compiled lazily on first use and cached.
 *
 * Choices, each deliberate:
 * - Drafts. OCA 1.6 schemas declare draft-04, 2.0.1/2.1 and the 1.6 security schemas draft-06,
 *   the ocpp-rpc bundle draft-07. ajv@8 ships draft-07 (and a draft-06 meta-schema) but no
 *   draft-04. We compile everything under draft-07 rules after removing the root `$schema`, `$id`
 *   and draft-04 `id` (our cache key names the schema), and rewriting the one draft-04 construct
 *   whose meaning changed: boolean `exclusiveMaximum`/`exclusiveMinimum` (draft-04 §5.1.2/§5.1.3)
 *   becomes the numeric form of draft-06. Nothing else in these schemas differs between drafts.
 * - `strict: false`: the OCA files carry non-standard annotations (`javaType`, `comment`).
 * - `validateFormats: false`: `format` is judged by our own format layer (src/protocol/formats.ts)
 *   and reported as layer `format`, not `schema`.
 * - `allErrors: true`: a report lists every violation, not the first. Most payloads are valid, so
 *   each schema is first run by a function compiled without it (stops at the first violation,
 *   no error objects) and only a failing payload is re-run with `allErrors` (issue #14).
 * - `multipleOf` is replaced by a decimal-safe check: the OCA 1.6 charging schedule fields use
 *   `multipleOf: 0.1` (1.6 edition 2 §7.13 minChargingRate, §7.14 limit: at most one decimal) and
 *   8.1 / 0.1 = 80.99999999999999 in binary floating point, which ajv's default would reject.
 */
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { RpcErrorKind } from './error-codes.js';
import type { JsonSchema, MessageKind, SchemaSet } from './schemas.js';

export interface SchemaViolation {
  /** The OCPP-J error kind a receiver would answer with (see `kindOfKeyword`). */
  kind: RpcErrorKind;
  /** The JSON-schema keyword that failed: `required`, `maxLength`… */
  keyword: string;
  /** JSON pointer to the offending field ('' is the payload itself). For `required` and `additionalProperties`, the missing or extra property. */
  path: string;
  /** Human sentence naming the field and the constraint: `/idTag: must NOT have more than 20 characters`. */
  message: string;
}

/**
 * JSON-schema keyword → OCPP-J error kind. OCPP-J 1.6 §4.2.3 table 7 and 2.0.1 Part 4 §4.3 define
 * the codes by what went wrong:
 * - occurrence (how many): required, minItems, maxItems, minProperties, maxProperties,
 *   uniqueItems, dependencies → occurrenceConstraintViolation
 * - type: type → typeConstraintViolation
 * - value constraints: enum, const, minimum, maximum, exclusiveMinimum, exclusiveMaximum,
 *   multipleOf, minLength, maxLength, pattern → propertyConstraintViolation
 * - additionalProperties, and anything else (a structure the schema does not allow) → formatViolation
 */
const kindByKeyword: Readonly<Record<string, RpcErrorKind>> = {
  required: 'occurrenceConstraintViolation',
  minItems: 'occurrenceConstraintViolation',
  maxItems: 'occurrenceConstraintViolation',
  minProperties: 'occurrenceConstraintViolation',
  maxProperties: 'occurrenceConstraintViolation',
  uniqueItems: 'occurrenceConstraintViolation',
  dependencies: 'occurrenceConstraintViolation',
  type: 'typeConstraintViolation',
  enum: 'propertyConstraintViolation',
  const: 'propertyConstraintViolation',
  minimum: 'propertyConstraintViolation',
  maximum: 'propertyConstraintViolation',
  exclusiveMinimum: 'propertyConstraintViolation',
  exclusiveMaximum: 'propertyConstraintViolation',
  multipleOf: 'propertyConstraintViolation',
  minLength: 'propertyConstraintViolation',
  maxLength: 'propertyConstraintViolation',
  pattern: 'propertyConstraintViolation',
  additionalProperties: 'formatViolation',
};

export function kindOfKeyword(keyword: string): RpcErrorKind {
  return kindByKeyword[keyword] ?? 'formatViolation';
}

/** Decimal places of a number as JavaScript prints it (`8.1` → 1, `1e-7` → 7, `1e21` → 0). */
function decimalsOf(x: number): number {
  const m = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}

/**
 * Is `value` an exact multiple of `divisor`, read as the decimals they were written as?
 * Both are scaled by 10^k (k = the larger decimal count) to integers and compared with integer
 * arithmetic: 8.1 and 0.1 → 81 % 1 = 0 (valid); 0.15 and 0.1 → 15 % 10 = 5 (invalid).
 */
export function isMultipleOf(value: number, divisor: number): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(divisor) || divisor <= 0) return false;
  const k = Math.max(decimalsOf(value), decimalsOf(divisor));
  const scale = 10 ** k;
  const v = Math.round(value * scale);
  const d = Math.round(divisor * scale);
  if (k <= 15 && Number.isSafeInteger(v) && Number.isSafeInteger(d) && d !== 0) return v % d === 0;
  // Out of safe-integer range: fall back to the quotient, rounded to 10 places.
  return Number.isInteger(Number((value / divisor).toFixed(10)));
}

function newAjv(full: boolean): Ajv {
  // `verbose` keeps the failing data on each error (the messages quote it): the full run only.
  const ajv = new Ajv({ strict: false, allErrors: full, validateFormats: false, verbose: full });
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword({
    keyword: 'multipleOf',
    type: 'number',
    schemaType: 'number',
    errors: false,
    compile: (divisor: number) => (data: number) => isMultipleOf(data, divisor),
  });
  return ajv;
}

const draft04 = /json-schema\.org\/draft-04\/schema/;

/** Rewrite draft-04 boolean exclusive bounds into draft-06 numbers, everywhere in the tree. */
function draft04Bounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(draft04Bounds);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = draft04Bounds(v);
  for (const [flag, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else {
        delete out[flag];
      }
    }
  }
  return out;
}

/** The schema as ajv should compile it (see the file comment). */
export function prepareForAjv(schema: JsonSchema): Record<string, unknown> {
  const isDraft04 = typeof schema.$schema === 'string' && draft04.test(schema.$schema);
  const { $schema: _s, $id: _i, id: _d, ...rest } = schema;
  return isDraft04 ? (draft04Bounds(rest) as Record<string, unknown>) : rest;
}

/** The two compiled functions of one schema: `quick` says valid or not, `full` lists every violation. */
interface SchemaValidator {
  quick: ValidateFunction;
  full: ValidateFunction | undefined;
}
interface Compiled {
  quickAjv: Ajv;
  fullAjv: Ajv | undefined;
  /** Keyed by the schema object itself: no `${action} ${kind}` string per call (issue #14). */
  bySchema: WeakMap<JsonSchema, SchemaValidator>;
}
const compiledBySet = new WeakMap<SchemaSet, Compiled>();

function compiledOf(set: SchemaSet): Compiled {
  let compiled = compiledBySet.get(set);
  if (!compiled) {
    compiled = { quickAjv: newAjv(false), fullAjv: undefined, bySchema: new WeakMap() };
    compiledBySet.set(set, compiled);
  }
  return compiled;
}

function schemaValidator(set: SchemaSet, schema: JsonSchema): SchemaValidator {
  const compiled = compiledOf(set);
  let validator = compiled.bySchema.get(schema);
  if (!validator) {
    validator = { quick: compiled.quickAjv.compile(prepareForAjv(schema)), full: undefined };
    compiled.bySchema.set(schema, validator);
  }
  return validator;
}

function fullValidator(set: SchemaSet, schema: JsonSchema, validator: SchemaValidator): ValidateFunction {
  if (validator.full) return validator.full;
  const compiled = compiledOf(set);
  compiled.fullAjv ??= newAjv(true);
  validator.full = compiled.fullAjv.compile(prepareForAjv(schema));
  return validator.full;
}

/**
 * The compiled validator of (action, kind) — it lists every violation (`allErrors`) — or
 * undefined when the set has no such schema. Throws if the schema does not compile.
 */
export function validatorFor(set: SchemaSet, action: string, kind: MessageKind): ValidateFunction | undefined {
  const schema = set.schemaOf(action, kind);
  if (!schema) return undefined;
  return fullValidator(set, schema, schemaValidator(set, schema));
}

export function hasSchema(set: SchemaSet, action: string, kind: MessageKind): boolean {
  return set.schemaOf(action, kind) !== undefined;
}

/** Compile every schema of a set now; returns what failed (empty when all compile). For loading user schemas. */
export function compileErrors(set: SchemaSet): { action: string; kind: MessageKind; message: string }[] {
  const failures: { action: string; kind: MessageKind; message: string }[] = [];
  for (const action of set.actions()) {
    for (const kind of ['request', 'response'] as const) {
      try {
        validatorFor(set, action, kind);
      } catch (error) {
        failures.push({ action, kind, message: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return failures;
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function toViolation(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  let text = error.message ?? `must satisfy ${error.keyword}`;
  switch (error.keyword) {
    case 'required':
      path += `/${escapePointer(String(params.missingProperty))}`;
      text = 'required property is missing';
      break;
    case 'additionalProperties':
      path += `/${escapePointer(String(params.additionalProperty))}`;
      text = 'property is not allowed here (additionalProperties: false)';
      break;
    case 'enum':
      text = `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(error.data)}`;
      break;
    case 'type':
      text = `${text}; got ${error.data === null ? 'null' : Array.isArray(error.data) ? 'array' : typeof error.data}`;
      break;
    case 'multipleOf':
      text = `must be a multiple of ${String(error.schema)}; got ${JSON.stringify(error.data)}`;
      break;
  }
  return { kind: kindOfKeyword(error.keyword), keyword: error.keyword, path, message: `${path === '' ? '(payload)' : path}: ${text}` };
}

/**
 * Validate a payload against the set's schema for (action, kind).
 * Returns the violations (empty when valid), or `undefined` when the set has no schema for
 * (action, kind): "not checked" is distinct from "valid", and the caller decides what an unknown
 * action means (a CALLERROR NotImplemented, a finding, nothing). Never throws for payloads.
 */
export function validatePayload(set: SchemaSet, action: string, kind: MessageKind, payload: unknown): SchemaViolation[] | undefined {
  return validateAgainst(set, set.schemaOf(action, kind), payload);
}

/** `validatePayload` with the schema already looked up (checks.ts: one `schemaOf` per message). */
export function validateAgainst(set: SchemaSet, schema: JsonSchema | undefined, payload: unknown): SchemaViolation[] | undefined {
  if (!schema) return undefined;
  return payloadValidator(set, schema)(payload);
}

/**
 * The validation of one schema as a function, every lookup done once (checks.ts keeps it per
 * (action, kind)): the quick function first, the full one only for a failing payload.
 */
export function payloadValidator(set: SchemaSet, schema: JsonSchema): (payload: unknown) => SchemaViolation[] {
  const validator = schemaValidator(set, schema);
  const quick = validator.quick;
  return (payload) => {
    if (quick(payload)) return [];
    const full = fullValidator(set, schema, validator);
    // The quick run said invalid; the full run must agree (same schema, same keywords).
    if (full(payload)) return [];
    return (full.errors ?? []).map(toViolation);
  };
}
