/**
 * The run's config file (schemas/config.schema.json): OCTT's "Configured …" values as JSON or
 * YAML, validated, deep-merged onto `defaultConfiguredValues`, then the environment and the
 * command line on top. Every error names the file, the field and how to fix it, and never shows
 * the Basic auth password.
 *
 * Also home of the pieces the PICS file (pics-file.ts) reads with: JSON/YAML reading with line
 * numbers, ajv errors in words, and "did you mean" suggestions.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { defaultConfiguredValues, redactConfig, type ConfiguredValues } from '../engine/configured-values.js';
import { HarnessError, type HarnessErrorCode } from '../errors.js';

/** Environment variable that may carry the Basic auth password, so it stays out of files and argv. */
export const passwordEnvVar = 'OCPP_CONFORM_PASSWORD';

/**
 * The harness's own formats ship at the package root (`schemas/`). This module compiles to
 * dist/src/cli/config-file.js, so the root is three levels up.
 */
export const harnessSchemasDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));

/** Flat command-line overrides; `undefined` means "not given". */
export type ConfigOverrides = Partial<Omit<ConfiguredValues, 'idTokens' | 'extra'>>;

// ---------------------------------------------------------------------------------------------
// Shared with pics-file.ts: reading, schema errors in words, suggestions.

/** What an error message calls the source, e.g. `config file ./lab.yaml`. */
interface Source {
  code: HarnessErrorCode;
  subject: string;
  /** Secrets that must never appear in a message (found in the file or given elsewhere). */
  secrets: readonly string[];
}

/** Keys whose values are never echoed back (mirrors redactConfig's list). */
const secretKeyNames = new Set(['basicAuthPassword', 'password', 'privateKey', 'key', 'authorizationKey']);

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('[redacted]');
  return out;
}

/** Throw a HarnessError for `source`, with secrets scrubbed from message and hint. */
export function dataFileError(source: Source, message: string, hint: string, cause?: unknown): HarnessError {
  return new HarnessError(source.code, scrub(`${source.subject}: ${message}`, source.secrets), {
    hint: scrub(hint, source.secrets),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Values of secret keys written in a JSON or YAML text, found even when the text does not parse. */
function secretsInText(text: string): string[] {
  const found: string[] = [];
  const pattern = /["']?(?:basicAuthPassword|password|authorizationKey)["']?\s*[:=]\s*["']?([^"'\n,}]+)/g;
  for (const m of text.matchAll(pattern)) {
    const value = m[1]?.trim();
    if (value) found.push(value);
  }
  return found;
}

/** String values of secret keys at any depth of a parsed document. */
function secretsInValue(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) secretsInValue(v, found);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (secretKeyNames.has(k) && typeof v === 'string' && v !== '') found.push(v);
      else secretsInValue(v, found);
    }
  }
  return found;
}

function lineColumnAt(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

type Format = 'json' | 'yaml';

function formatOf(path: string): Format | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return undefined;
}

/** JSON.parse, with the failure as "line L, column C" (never the engine's source excerpt: it may hold a secret). */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; where: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(message);
    if (lineCol) return { ok: false, where: `line ${lineCol[1]}, column ${lineCol[2]}` };
    if (position !== undefined) {
      const { line, column } = lineColumnAt(text, Number(position));
      return { ok: false, where: `line ${line}, column ${column}` };
    }
    return { ok: false, where: 'the end of the file' };
  }
}

/** yaml's message without its source excerpt (which may show a secret). */
function parseYamlText(text: string): { ok: true; value: unknown } | { ok: false; where: string; what: string } {
  let value: unknown;
  try {
    // Issue #12: aliases are how YAML floods (billion laughs) — capped by `maxAliasCount`.
    value = parseYaml(text, { maxAliasCount: yamlMaxAliasCount }) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      const what = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, where: pos ? `line ${pos.line}, column ${pos.col}` : 'an unknown line', what };
    }
    // yaml throws a ReferenceError for an alias flood.
    return { ok: false, where: 'its aliases', what: `${error instanceof Error ? error.message : String(error)} (aliases (*name) may expand to at most ${yamlMaxAliasCount} nodes)` };
  }
  try {
    // An alias inside its own anchor (`a: &a [*a]`) builds a cycle no report can be written from.
    JSON.stringify(value);
  } catch {
    return { ok: false, where: 'its aliases', what: 'an alias refers to the node that contains it (a cycle), or the data nests too deep' };
  }
  return { ok: true, value };
}

/** How many alias expansions a YAML file may make: plenty for hand-written files, far below a flood. */
const yamlMaxAliasCount = 100;

/**
 * Read and parse a JSON or YAML file (by extension .json / .yaml / .yml; otherwise JSON, then
 * YAML). Throws HarnessError(`code`) naming the file and the line of a syntax error.
 * Returns the parsed value and the secret values written in it (for scrubbing later messages).
 */
export async function readDataFile(path: string, code: HarnessErrorCode, what: string, extraSecrets: readonly string[] = []): Promise<{ value: unknown; secrets: string[] }> {
  let text: string;
  const bare: Source = { code, subject: `${what} ${path}`, secrets: extraSecrets };
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    const reason = errno === 'ENOENT' ? 'no such file' : errno === 'EACCES' ? 'permission denied' : errno === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw dataFileError(bare, `cannot read it: ${reason}`, `check the path (relative paths start at ${process.cwd()}) and that the file is readable`, error);
  }
  text = text.replace(/^\uFEFF/, '');
  const secrets = [...extraSecrets, ...secretsInText(text)];
  const source: Source = { ...bare, secrets };
  const format = formatOf(path);
  if (format !== 'yaml') {
    const json = parseJson(text);
    if (json.ok) return { value: json.value, secrets: [...secrets, ...secretsInValue(json.value)] };
    if (format === 'json') {
      throw dataFileError(source, `not valid JSON at ${json.where}`, 'fix the syntax there (a missing comma, quote or brace is the usual cause), or use YAML and name the file .yaml');
    }
  }
  const yaml = parseYamlText(text);
  if (yaml.ok) return { value: yaml.value, secrets: [...secrets, ...secretsInValue(yaml.value)] };
  throw dataFileError(
    source,
    format === 'yaml' ? `not valid YAML at ${yaml.where}: ${yaml.what}` : `neither JSON nor YAML (YAML error at ${yaml.where}: ${yaml.what})`,
    'fix the syntax there (indentation with spaces, a space after each ":", quotes around values that contain ": " or "#")',
  );
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known names closest to `name` (case-insensitive), best first; only those close enough to
 * be a plausible typo (at most a third of the name's length, at least 2 edits allowed).
 */
export function closestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  return [...new Set(known)]
    .map((k) => ({ k, d: editDistance(wanted, k.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, max)
    .map((x) => x.k);
}

/** The subset of JSON Schema our own schemas use, for finding descriptions and field names. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: unknown[];
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

const schemaCache = new Map<string, Promise<{ schema: SchemaNode; validate: ValidateFunction }>>();

/** Load and compile one of the harness's own schemas (`schemas/<file>`) once per process. */
export function harnessSchema(file: string): Promise<{ schema: SchemaNode; validate: ValidateFunction }> {
  let cached = schemaCache.get(file);
  if (!cached) {
    cached = (async () => {
      const path = `${harnessSchemasDir}${file}`;
      let schema: SchemaNode;
      try {
        schema = JSON.parse(await readFile(path, 'utf8')) as SchemaNode;
      } catch (error) {
        throw new HarnessError('E_INTERNAL', `cannot load the harness schema ${path}: ${(error as Error).message}`, {
          hint: 'the installation is incomplete: reinstall ocpp-conform (schemas/ ships at the package root)',
          cause: error,
        });
      }
      const ajv = new Ajv({ allErrors: true, strict: false });
      return { schema, validate: ajv.compile(schema) };
    })();
    schemaCache.set(file, cached);
    // A failed load is not cached: the next call tries again.
    cached.catch(() => schemaCache.delete(file));
  }
  return cached;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** JSON pointer → `idTokens.valid.idToken`, `certificationProfiles[1]`, `items.C-09.1`. */
export function fieldName(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out === '' ? s : `.${s}`;
  return out;
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
}

function resolve(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  if (node?.$ref?.startsWith('#/definitions/')) {
    const target = root.definitions?.[node.$ref.slice('#/definitions/'.length)];
    // Annotations next to a $ref (description, examples) describe this use of the definition.
    return target ? { ...target, ...(node.description ? { description: node.description } : {}), ...(node.examples ? { examples: node.examples } : {}) } : undefined;
  }
  return node;
}

/** The schema node describing the value at `segments`, if the schema says. */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const s of segments) {
    node = resolve(root, node);
    if (!node) return undefined;
    const next: SchemaNode | undefined =
      node.properties?.[s] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined) ?? node.items;
    node = next;
  }
  return resolve(root, node);
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const s of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[s];
  }
  return value;
}

const typeWords: Record<string, string> = {
  string: 'a string (text)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a map of fields',
  array: 'a list',
  null: 'null',
};

function typeInWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => typeWords[String(t)] ?? String(t)).join(' or ');
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  const sentence = end === -1 ? text : text.slice(0, end);
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** "set F to <what the schema says it is>, e.g. <example>" */
function hintFor(root: SchemaNode, segments: readonly string[], fallback: string): string {
  const node = schemaAt(root, segments);
  const field = fieldName(segments);
  if (!node?.description) return fallback;
  const example = node.examples?.[0];
  const isSecret = secretKeyNames.has(segments[segments.length - 1] ?? '');
  return `set ${field} to ${firstSentence(node.description)}${example !== undefined && !isSecret ? `, e.g. ${JSON.stringify(example)}` : ''}`;
}

export interface Problem {
  message: string;
  hint: string;
}

/** ajv errors → one sentence and one fix each, naming the field; values of secret keys are never shown. */
export function describeSchemaErrors(root: SchemaNode, errors: readonly ErrorObject[], data: unknown): Problem[] {
  const problems: Array<Problem & { field: string; keyword: string }> = [];
  const seen = new Set<string>();
  /** Missing fields an unknown field was taken for ("tokenId" for "idToken"): not reported twice. */
  const renamed = new Set<string>();
  for (const error of errors) {
    // if/then: the `then` failure is reported on its own; the `if` line adds nothing.
    if (error.keyword === 'if') continue;
    const segments = segmentsOf(error.instancePath);
    const last = segments[segments.length - 1] ?? '';
    const field = fieldName(segments);
    const value = valueAt(data, segments);
    const got = secretKeyNames.has(last) ? '' : ` (got ${shortJson(value)})`;
    let problem: Problem;
    switch (error.keyword) {
      case 'additionalProperties': {
        const unknown = String((error.params as { additionalProperty: string }).additionalProperty);
        const node = schemaAt(root, segments);
        const known = Object.keys(node?.properties ?? {});
        const full = fieldName([...segments, unknown]);
        // A misspelt required field shows up as one unknown plus one missing: pair them.
        const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
        const missing = (node?.required ?? []).filter((r) => !present.includes(r));
        const best = closestNames(unknown, known, 1)[0] ?? (missing.length === 1 ? missing[0] : undefined);
        if (best !== undefined && missing.includes(best)) renamed.add(fieldName([...segments, best]));
        problem = best
          ? { message: `unknown field "${full}" (did you mean "${fieldName([...segments, best])}"?)`, hint: `rename "${unknown}" to "${best}"` }
          : { message: `unknown field "${full}"`, hint: `remove it; the fields allowed ${segments.length ? `in ${field}` : 'here'} are: ${known.join(', ')}` };
        break;
      }
      case 'required': {
        const missing = String((error.params as { missingProperty: string }).missingProperty);
        const path = [...segments, missing];
        problem = { message: `field "${fieldName(path)}" is missing`, hint: hintFor(root, path, `add ${fieldName(path)}`) };
        break;
      }
      case 'type':
        // The whole document has the wrong type (`[]` for a report): there is no field to name.
        problem = segments.length === 0
          ? { message: `the file must hold ${typeInWords((error.params as { type: unknown }).type)}${got}`, hint: root.description ? `it should be ${firstSentence(root.description)}` : 'check that this is the right file' }
          : { message: `field "${field}" must be ${typeInWords((error.params as { type: unknown }).type)}${got}`, hint: hintFor(root, segments, `change ${field}`) };
        break;
      case 'enum': {
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
        const [best] = typeof value === 'string' ? closestNames(value, allowed.map(String), 1) : [];
        problem = {
          message: `field "${field}" must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}${got}`,
          hint: best ? `did you mean ${JSON.stringify(best)}?` : hintFor(root, segments, `use one of the listed values`),
        };
        break;
      }
      case 'const':
        problem = { message: `field "${field}" must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}${got}`, hint: hintFor(root, segments, `change ${field}`) };
        break;
      case 'minLength': {
        const limit = (error.params as { limit: number }).limit;
        problem = { message: `field "${field}" ${limit === 1 ? 'must not be empty' : `must have at least ${limit} characters`}${got}`, hint: hintFor(root, segments, `change ${field}`) };
        break;
      }
      case 'maxLength':
        problem = { message: `field "${field}" must have at most ${(error.params as { limit: number }).limit} characters${got}`, hint: hintFor(root, segments, `shorten ${field}`) };
        break;
      case 'minimum':
      case 'maximum':
        problem = {
          message: `field "${field}" must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${(error.params as { limit: number }).limit}${got}`,
          hint: hintFor(root, segments, `change ${field}`),
        };
        break;
      default:
        problem = { message: `field "${field || '(top level)'}" ${error.message ?? 'is not valid'}${got}`, hint: hintFor(root, segments, `see the schema for ${field || 'the file'}`) };
    }
    if (!seen.has(problem.message)) {
      seen.add(problem.message);
      const missing = error.keyword === 'required' ? fieldName([...segments, String((error.params as { missingProperty: string }).missingProperty)]) : field;
      problems.push({ ...problem, field: missing, keyword: error.keyword });
    }
  }
  // Unknown fields first: a typo is usually the cause of the other complaints.
  return problems
    .filter((p) => !(p.keyword === 'required' && renamed.has(p.field)))
    .sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'))
    .map(({ message, hint }) => ({ message, hint }));
}

/** One error for a list of problems: the first in full, the rest named so they can be fixed in one go. */
export function problemsError(source: Source, problems: readonly Problem[]): HarnessError {
  const [first, ...rest] = problems;
  if (!first) return dataFileError(source, 'is not valid', 'check the file against its schema');
  const more = rest.length === 0 ? '' : `\n  and ${rest.length} more: ${rest.map((p) => p.message).join('; ')}`;
  return dataFileError(source, `${first.message}${more}`, first.hint);
}

// ---------------------------------------------------------------------------------------------
// The config file itself.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Objects merge key by key; anything else (scalars, lists) replaces. */
function deepMerge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = key in out ? deepMerge(out[key], value) : value;
  }
  return out as T;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Load the run's configured values: defaults ← config file (JSON or YAML, validated against
 * schemas/config.schema.json) ← the password in `OCPP_CONFORM_PASSWORD` ← command-line `overrides`
 * (`undefined` entries are ignored). No path: defaults, environment and
 * overrides only.
 *
 * Throws HarnessError('E_CONFIG') naming the file, the field and the fix; the password is never
 * part of a message.
 */
export async function loadConfig(path: string | undefined, overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Promise<ConfiguredValues> {
  const envPassword = env[passwordEnvVar] || undefined;
  const knownSecrets = [envPassword, overrides.basicAuthPassword].filter((s): s is string => typeof s === 'string' && s !== '');
  const { schema, validate } = await harnessSchema('config.schema.json');

  let fromFile: Record<string, unknown> = {};
  if (path !== undefined) {
    const { value, secrets } = await readDataFile(path, 'E_CONFIG', 'config file', knownSecrets);
    const source: Source = { code: 'E_CONFIG', subject: `config file ${path}`, secrets };
    // An empty YAML file is a valid "use every default".
    const data = value ?? {};
    if (!isPlainObject(data)) {
      throw dataFileError(source, `must hold a map of fields at the top level (got ${Array.isArray(data) ? 'a list' : typeof data})`, 'write fields such as "stationId: CP001", one per line');
    }
    if (!validate(data)) throw problemsError(source, describeSchemaErrors(schema, validate.errors ?? [], data));
    const { $schema: _schema, version: _version, ...values } = data;
    fromFile = values;
  }

  const cli: Record<string, unknown> = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  if (!validate(cli)) {
    const source: Source = { code: 'E_CONFIG', subject: 'command-line option', secrets: knownSecrets };
    throw problemsError(source, describeSchemaErrors(schema, validate.errors ?? [], cli));
  }

  let config = deepMerge(structuredCopy(defaultConfiguredValues), fromFile);
  if (envPassword !== undefined) config = { ...config, basicAuthPassword: envPassword };
  return deepMerge(config, cli);
}

/** The configured values as reports, traces and logs may show them: secrets redacted. */
export function describeConfig(config: ConfiguredValues): ConfiguredValues {
  return redactConfig(config);
}
