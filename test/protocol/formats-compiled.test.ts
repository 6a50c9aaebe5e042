/**
 * Issue #14: the format layer was compiled into closures; its findings must stay exactly what
 * the interpreted walk found (codes, messages, paths, severities, order). The old implementation
 * is kept unchanged in test/protocol/reference/formats-v0.ts and both run over: payloads
 * generated from every built-in schema (valid and broken date-times, out-of-range integers,
 * both Celsius spellings, extra and missing members), the frame-fuzz corpus of issue #12, and
 * hand-made schemas with the constructs the OCA files do not use (patternProperties, tuples,
 * recursion, $ref cycles).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { checkMessage } from '../../src/protocol/checks.js';
import { checkDateTime, checkFormats } from '../../src/protocol/formats.js';
import { isCleanDateTime } from '../../src/protocol/format-values.js';
import { parseFrame, MessageType } from '../../src/protocol/frames.js';
import { builtinSchemaSet, schemaSetFromRecord, type JsonSchema, type MessageKind, type SchemaSet } from '../../src/protocol/schemas.js';
import { validatePayload } from '../../src/protocol/validator.js';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { mutationArb } from '../fuzz/frame-fuzz.js';
import { checkFormats as referenceCheckFormats } from './reference/formats-v0.js';

/** A small seeded generator (mulberry32): the same payloads on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dateTimes = ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.1234Z', '2024-02-30T00:00:00Z', '2024-01-01T10:00', 'yesterday', '2024-01-01t00:00:00+25:00', '2024-01-01T23:59:60.000+01:00'];
const integers = [0, 7, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 1.5, 2 ** 53];
const odd: readonly unknown[] = [null, 'x', 3, true, [], {}];

function generate(root: JsonSchema, schema: unknown, random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  if (random() < 0.05 || depth > 12 || schema === null || typeof schema !== 'object') return pick(odd);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').at(-1) ?? '';
    return generate(root, (root.definitions as Record<string, unknown> | undefined)?.[name], random, depth + 1);
  }
  if (s.format === 'date-time') return pick(dateTimes);
  if (Array.isArray(s.enum)) return random() < 0.2 ? pick(['Celsius', 'Celcius']) : pick(s.enum as unknown[]);
  const type = Array.isArray(s.type) ? pick(s.type as string[]) : s.type;
  if (type === 'integer' || type === 'number') return pick(integers);
  if (type === 'string') return pick(['a', 'CP001', '2024-01-01T00:00:00Z']);
  if (type === 'boolean') return random() < 0.5;
  if (type === 'array') return Array.from({ length: Math.floor(random() * 4) }, () => generate(root, s.items, random, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) if (random() < 0.8) out[key] = generate(root, sub, random, depth + 1);
  if (random() < 0.1) out.extra = pick(dateTimes);
  return out;
}

function same(set: SchemaSet, version: OcppVersion, action: string, kind: MessageKind, payload: unknown): number {
  const ours = checkFormats(set, version, action, kind, payload);
  const reference = referenceCheckFormats(set, version, action, kind, payload);
  try {
    expect(ours).to.deep.equal(reference);
  } catch (error) {
    // Named only on failure: a fuzz payload may nest thousands deep (JSON.stringify would overflow).
    let shown: string;
    try {
      shown = JSON.stringify(payload).slice(0, 500);
    } catch {
      shown = '(too deep to print)';
    }
    throw new Error(`${version} ${action} ${kind} ${shown}: ${(error as Error).message}`);
  }
  return ours.length;
}

describe('protocol/formats compiled = interpreted (issue #14)', function () {
  this.timeout(120_000);

  it('every built-in schema of every version, 60 generated payloads each', () => {
    let findings = 0;
    let checked = 0;
    for (const version of ['1.6', '2.0.1', '2.1'] as const) {
      const set = builtinSchemaSet(version);
      const random = rng(14);
      for (const action of set.actions()) {
        for (const kind of ['request', 'response'] as const) {
          const schema = set.schemaOf(action, kind);
          if (!schema) continue;
          for (let i = 0; i < 60; i++) {
            findings += same(set, version, action, kind, generate(schema, schema, random));
            checked++;
          }
        }
      }
    }
    // The generator must actually provoke findings, or "identical" proves nothing.
    expect(checked).to.be.greaterThan(10_000);
    expect(findings).to.be.greaterThan(checked / 4);
  });

  it('the frame-fuzz corpus: 20,000 seeded mutations, requests and results', () => {
    let compared = 0;
    for (const m of fc.sample(mutationArb, { numRuns: 20_000, seed: 20_261_214 })) {
      const parsed = parseFrame(m.text, m.version);
      if (!parsed.ok) continue;
      const f = parsed.frame;
      const set = builtinSchemaSet(m.version);
      if (f.type === MessageType.CALL || f.type === MessageType.SEND) same(set, m.version, f.action, 'request', f.payload);
      else if (f.type === MessageType.CALLRESULT) for (const action of ['BootNotification', 'GetVariables', 'TransactionEvent', 'StartTransaction']) same(set, m.version, action, 'response', f.payload);
      else continue;
      compared++;
    }
    expect(compared).to.be.greaterThan(5_000);
  });

  it('hand-made schemas: patternProperties, tuples, additionalItems, recursion, $ref cycles, inherited keys', () => {
    const dt = { type: 'string', format: 'date-time' };
    const schemas: Record<string, unknown> = {
      PatternRequest: { type: 'object', properties: { a: { type: 'string' } }, patternProperties: { '^t_': dt, '^(': dt, '^[a-z]$': { type: 'integer' } }, additionalProperties: { type: 'integer' } },
      TupleRequest: { type: 'object', properties: { list: { type: 'array', items: [dt, { type: 'string' }, { type: 'integer' }], additionalItems: dt } } },
      TreeRequest: { type: 'object', properties: { root: { $ref: '#/definitions/Node' } }, definitions: { Node: { type: 'object', properties: { at: dt, next: { $ref: '#/definitions/Node' }, kids: { type: 'array', items: { $ref: '#/definitions/Node' } } } } } },
      CycleRequest: { type: 'object', properties: { x: { $ref: '#/definitions/A' } }, definitions: { A: { $ref: '#/definitions/B' }, B: { allOf: [{ $ref: '#/definitions/A' }, dt] } } },
      ProtoRequest: { type: 'object', properties: { n: { type: 'integer' } }, additionalProperties: { type: 'integer' } },
    };
    const set = schemaSetFromRecord('2.0.1', schemas);
    const payloads: Array<[string, unknown]> = [
      ['Pattern', { a: 'x', t_1: 'bad', t_2: '2024-01-01T00:00:00Z', b: 2 ** 40, c: 1, zz: 2 ** 33, 'a/b~c': 2 ** 35 }],
      ['Tuple', { list: ['bad', 'x', 2 ** 32, 'also bad', '2024-01-01T00:00:00.12345Z'] }],
      ['Tree', { root: { at: 'bad', next: { at: 'x', next: { at: '2024-13-01T00:00:00Z' } }, kids: [{ at: 'y' }, { kids: [{ at: 'z' }] }] } }],
      ['Cycle', { x: 'not a date' }],
      ['Proto', JSON.parse('{"__proto__": 99999999999, "constructor": 99999999999, "n": 99999999999, "m": 99999999999}') as unknown],
    ];
    let findings = 0;
    for (const [action, payload] of payloads) findings += same(set, '2.0.1', action, 'request', payload);
    expect(findings).to.be.greaterThan(12);
  });

  it('ajv run quick first and in full only on failure reports the same violations as a full run', () => {
    const set = builtinSchemaSet('2.0.1');
    const bad = { reason: 'Nope', chargingStation: { model: 'x'.repeat(30), vendorName: 5 }, extra: 1 };
    const violations = validatePayload(set, 'BootNotification', 'request', bad) ?? [];
    expect(violations.map((v) => v.keyword).sort()).to.deep.equal(['additionalProperties', 'enum', 'maxLength', 'type']);
    expect(validatePayload(set, 'BootNotification', 'request', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } })).to.deep.equal([]);
    // The layered check reports them all, plus the format layer, from one schema lookup.
    const result = checkMessage({ set, version: '2.0.1', action: 'BootNotification', kind: 'request', payload: bad });
    expect(result.findings.filter((f) => f.layer === 'schema')).to.have.length(4);
  });
});

describe('protocol/format-values isCleanDateTime (issue #14 fast path)', () => {
  it('is true only where checkDateTime finds nothing, over 20,000 generated date-times', () => {
    const random = rng(2026);
    const part = (n: number, max: number): string => String(Math.floor(random() * max)).padStart(n, '0');
    let clean = 0;
    for (let i = 0; i < 20_000; i++) {
      const fraction = random() < 0.5 ? '' : `.${part(1 + Math.floor(random() * 5), 10 ** 5).slice(0, 1 + Math.floor(random() * 5))}`;
      const offset = random() < 0.4 ? 'Z' : random() < 0.5 ? `+${part(2, 26)}:${part(2, 62)}` : random() < 0.5 ? 'z' : '';
      const value = `${part(4, 10_000)}-${part(2, 14)}-${part(2, 33)}${random() < 0.9 ? 'T' : ' '}${part(2, 25)}:${part(2, 61)}:${part(2, 62)}${fraction}${offset}`;
      const fast = isCleanDateTime(value);
      if (fast) {
        clean++;
        expect(checkDateTime('2.0.1', value, '/t'), value).to.deep.equal([]);
      }
    }
    expect(clean).to.be.greaterThan(500);
  });
});
