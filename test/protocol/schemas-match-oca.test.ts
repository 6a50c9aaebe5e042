/**
 * The schemas we load (ocpp-rpc@2.2.1, after our one documented fix-up) must validate exactly
 * like the OCA originals in ../shared/spec (../shared/spec/README.md). Two proofs:
 * 1. structural: both normalised (annotations dropped, $refs inlined, enums sorted, keywords that
 *    cannot constrain dropped) and deep-compared;
 * 2. behavioural: instances generated from each OCA schema, plus hundreds of mutations of them,
 *    get the same verdict and the same violations from both.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { loadSchemaDir } from '../../src/cli/schema-dir.js';
import { builtinSchemaSet, parseSchemaName } from '../../src/protocol/schemas.js';
import type { JsonSchema, MessageKind, SchemaSet } from '../../src/protocol/schemas.js';
import { validatePayload } from '../../src/protocol/validator.js';
import { ocppVersions } from '../../src/protocol/versions.js';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { ocaSchemaDirs, specMissingMessage, specPresent } from './oca-spec.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const isObj = (x: unknown): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x);

/** Keys that annotate but never constrain. */
const annotations = new Set(['description', '$id', 'id', '$schema', 'javaType', 'comment', 'title', '$comment', 'default', 'examples']);
const schemaMaps = new Set(['properties', 'patternProperties']);
const schemaValued = new Set(['additionalProperties', 'additionalItems', 'not', 'contains', 'propertyNames']);
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf']);

function resolve(root: Obj, ref: string): Obj {
  let node: Json = root;
  for (const key of ref.replace(/^#\//, '').split('/')) node = (node as Obj)[key] as Json;
  if (!isObj(node)) throw new Error(`unresolvable $ref ${ref}`);
  return node;
}

/**
 * Normal form of a schema, for comparing constraints only.
 * - `additionalProperties` next to a `type` that is not "object" is dropped: it only constrains
 *   objects (draft-04 §5.4.4, draft-07 §6.5.6) and `type` already rules objects out. The OCA 1.6
 *   files put it on every string enum; the bundle does not.
 * - `additionalItems` next to an `items` that is not an array is dropped: it is ignored then
 *   (draft-04 §5.3.1, draft-07 §6.4.2). The bundle omits it once, in GetInstalledCertificateIds.conf.
 */
function normalise(node: Json, root: Obj, refs: readonly string[] = []): Json {
  if (!isObj(node)) return node;
  if (typeof node.$ref === 'string') {
    if (refs.includes(node.$ref)) return { $recursiveRef: node.$ref };
    return normalise(resolve(root, node.$ref), root, [...refs, node.$ref]);
  }
  const notObjectType = typeof node.type === 'string' && node.type !== 'object';
  const out: Obj = {};
  for (const key of Object.keys(node).sort()) {
    const value = node[key] as Json;
    if (annotations.has(key) || key === 'definitions') continue;
    if (key === 'additionalProperties' && notObjectType) continue;
    if (key === 'additionalItems' && !Array.isArray(node.items)) continue;
    if (schemaMaps.has(key) && isObj(value)) {
      out[key] = Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalise(value[k] as Json, root, refs)]));
    } else if ((schemaValued.has(key) || key === 'items') && isObj(value)) {
      out[key] = normalise(value, root, refs);
    } else if ((schemaLists.has(key) || key === 'items') && Array.isArray(value)) {
      out[key] = value.map((v) => normalise(v, root, refs));
    } else if ((key === 'enum' || key === 'required') && Array.isArray(value)) {
      out[key] = [...value].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Where two normal forms differ, as `pointer: ours vs theirs` lines. */
function differences(a: Json | undefined, b: Json | undefined, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (isObj(a) && isObj(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], `${at}/${k}`));
  }
  return [`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

interface OcaSchema {
  file: string;
  action: string;
  kind: MessageKind;
  schema: Obj;
}

function readOca(version: OcppVersion): OcaSchema[] {
  return ocaSchemaDirs[version].flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const parsed = parseSchemaName(f.slice(0, -5));
        if (!parsed) throw new Error(`unexpected OCA file name ${f}`);
        return { file: f, ...parsed, schema: JSON.parse(readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '')) as Obj };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// instance generation

/** One instance meant to satisfy a normalised schema (every optional property included). */
function generate(schema: Json): Json {
  if (!isObj(schema)) return null;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = isObj(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, generate(v)]));
    }
    case 'array': {
      const n = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      return Array.from({ length: n }, () => generate(schema.items as Json));
    }
    case 'string':
      if (schema.format === 'date-time') return '2024-01-01T10:00:00Z';
      return 'x'.repeat(Math.min(3, typeof schema.maxLength === 'number' ? schema.maxLength : 3));
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
      const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
      const preferred = type === 'number' ? 8.1 : 3;
      if ((min === undefined || preferred >= min) && (max === undefined || preferred <= max)) return preferred;
      return min ?? max ?? 0;
    }
    case 'boolean':
      return true;
    default:
      return null;
  }
}

type Mutation = { at: (string | number)[]; value: Json | undefined };

/** Edits of a valid instance that probe each constraint around it. `value: undefined` deletes. */
function mutations(schema: Json, instance: Json, at: (string | number)[] = []): Mutation[] {
  if (!isObj(schema)) return [];
  const out: Mutation[] = [];
  const put = (value: Json | undefined): void => void out.push({ at, value });
  if (Array.isArray(schema.enum)) {
    put('NotAnEnumValue');
    put('Celsius');
    put('Celcius');
  }
  const type = schema.type;
  if (type === 'string') {
    put(12);
    if (typeof schema.maxLength === 'number') {
      put('x'.repeat(schema.maxLength));
      put('x'.repeat(schema.maxLength + 1));
    }
    if (schema.format === 'date-time') put('not a date');
  }
  if (type === 'integer' || type === 'number') {
    put('12');
    put(1.5);
    put(16.7);
    put(0.15);
    put(0.3);
    put(-1);
    put(2 ** 31);
    if (typeof schema.minimum === 'number') put(schema.minimum - 1);
    if (typeof schema.maximum === 'number') put(schema.maximum + 1);
  }
  if (type === 'boolean') put('true');
  if (type === 'object' && isObj(instance)) {
    put([]);
    put({ ...instance, zzNotInSchema: 1 });
    const props = isObj(schema.properties) ? schema.properties : {};
    for (const [k, sub] of Object.entries(props)) {
      out.push({ at: [...at, k], value: undefined });
      out.push(...mutations(sub, instance[k] as Json, [...at, k]));
    }
  }
  if (type === 'array' && Array.isArray(instance)) {
    put({});
    put([]);
    if (typeof schema.maxItems === 'number' && schema.maxItems < 50) put(Array.from({ length: schema.maxItems + 1 }, () => instance[0] ?? null));
    out.push(...mutations(schema.items as Json, instance[0] ?? null, [...at, 0]));
  }
  return out;
}

function apply(instance: Json, { at, value }: Mutation): Json | undefined {
  if (at.length === 0) return value;
  const copy = structuredClone(instance);
  let node = copy as Record<string | number, Json>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = at[at.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const verdict = (set: SchemaSet, action: string, kind: MessageKind, payload: unknown): string =>
  JSON.stringify((validatePayload(set, action, kind, payload) ?? ['no schema']).map((v) => (typeof v === 'string' ? v : `${v.keyword} ${v.path}`)).sort());

// ---------------------------------------------------------------------------------------------

describe('loaded schemas validate exactly like the OCA originals', function () {
  // CPU-bound (schema compiles and generated instances): a busy 2-core machine needs more than the default.
  this.timeout(60_000);
  before(function () {
    if (!specPresent()) {
      console.warn(`      ${specMissingMessage}`);
      this.skip();
    }
  });

  for (const version of ocppVersions) {
    describe(`OCPP ${version}`, function () {
      it('has the same (action, request|response) set as the OCA folders', function () {
        const ours = builtinSchemaSet(version);
        const oca = readOca(version);
        const ocaKeys = oca.map((s) => `${s.action} ${s.kind}`).sort();
        const ourKeys = ours.actions().flatMap((a) => (['request', 'response'] as const).filter((k) => ours.schemaOf(a, k)).map((k) => `${a} ${k}`)).sort();
        expect(ourKeys).to.deep.equal(ocaKeys);
        expect(ocaKeys.length).to.equal({ '1.6': 78, '2.0.1': 128, '2.1': 181 }[version]);
      });

      it('has constraint-equivalent schemas (normalised deep compare)', function () {
        const ours = builtinSchemaSet(version);
        const report = readOca(version).flatMap(({ file, action, kind, schema }) => {
          const mine = ours.schemaOf(action, kind) as Obj;
          return differences(normalise(mine, mine), normalise(schema, schema)).map((d) => `${file} ${d}`);
        });
        expect(report, report.join('\n')).to.deep.equal([]);
      });

      it('agrees with the OCA schemas (loaded through loadSchemaDir) on generated instances and their mutations', async function () {
        const oca = await loadSchemaDir(ocaSchemaDirs[version], version);
        const ours = builtinSchemaSet(version);
        let checked = 0;
        let validBase = 0;
        const disagreements: string[] = [];
        for (const { file, action, kind, schema } of readOca(version)) {
          const normal = normalise(schema, schema);
          const base = generate(normal);
          if (verdict(oca, action, kind, base) === '[]') validBase++;
          for (const m of [{ at: [], value: base }, ...mutations(normal, base)]) {
            const payload = apply(base, m);
            checked++;
            const [a, b] = [verdict(oca, action, kind, payload), verdict(ours, action, kind, payload)];
            if (a !== b) disagreements.push(`${file} ${JSON.stringify(m.at)}=${JSON.stringify(m.value)}: OCA ${a} vs ours ${b}`);
          }
        }
        expect(disagreements.slice(0, 20), disagreements.slice(0, 20).join('\n')).to.deep.equal([]);
        // The generator must produce valid bases, or the mutations probe nothing.
        expect(validBase).to.equal(readOca(version).length);
        expect(checked).to.be.greaterThan(1000);
      });
    });
  }

  it('documents the one difference of the raw ocpp-rpc 1.6 bundle: Celsius in StopTransaction', function () {
    const require = createRequire(import.meta.url);
    const bundle = require('ocpp-rpc/lib/schemas/ocpp1_6.json') as Obj[];
    const raw = new Map(bundle.map((s) => [s.$id as string, s]));
    const report = readOca('1.6').flatMap(({ file, action, kind, schema }) => {
      const mine = raw.get(`urn:${action}.${kind === 'request' ? 'req' : 'conf'}`)!;
      return differences(normalise(mine, mine), normalise(schema, schema)).map((d) => `${file} ${d}`);
    });
    // Exactly one difference, the one src/protocol/schemas.ts removes: the bundle's unit enum
    // of StopTransaction has "Celsius" where the OCA original has only "Celcius".
    expect(report).to.have.length(1);
    expect(report[0]).to.match(/^StopTransaction\.json \/properties\/transactionData\/items\/properties\/sampledValue\/items\/properties\/unit\/enum: /);
    expect(report[0]).to.include('"Celsius"');
    const [ours, theirs] = report[0]!.split(': ')[1]!.split(' vs ').map((s) => JSON.parse(s) as string[]);
    expect(ours!.filter((u) => !theirs!.includes(u))).to.deep.equal(['Celsius']);
    expect(theirs!.filter((u) => !ours!.includes(u))).to.deep.equal([]);
  });

  it('keeps Celsius where the OCA 1.6 original has it (MeterValues) and drops it where it does not (StopTransaction)', function () {
    const set = builtinSchemaSet('1.6');
    const unitEnum = (schema: JsonSchema | undefined): unknown => JSON.stringify(schema).match(/"enum":\[[^\]]*Celcius[^\]]*\]/)?.[0];
    expect(unitEnum(set.schemaOf('MeterValues', 'request'))).to.include('"Celsius"');
    expect(unitEnum(set.schemaOf('StopTransaction', 'request'))).to.not.include('"Celsius"');
  });
});
