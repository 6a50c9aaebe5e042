/**
 * The schema-guided walk of the format layer over hand-written schemas: every schema keyword it
 * follows (properties, patternProperties, additionalProperties, single and tuple items,
 * additionalItems, allOf, local $refs including cycles), JSON-pointer escaping of keys, and the
 * identity-value table only where (action, kind, component, variable) all say so.
 */
import { expect } from 'chai';
import { checkFormats } from '../../src/protocol/formats.js';
import { builtinSchemaSet, schemaSetFromRecord } from '../../src/protocol/schemas.js';

const dt = { type: 'string', format: 'date-time' };
const bad = '2024-01-01T10:00:00';
const paths = (schema: object, payload: unknown, version: '1.6' | '2.0.1' = '2.0.1'): string[] =>
  checkFormats(schemaSetFromRecord(version, { TestRequest: schema }), version, 'Test', 'request', payload).map((f) => `${f.code} ${f.path ?? ''}`);

describe('protocol/formats schema walk', () => {
  it('follows patternProperties, and additionalProperties only for keys nothing else matched', () => {
    const schema = { type: 'object', properties: { fixed: dt }, patternProperties: { '^t_': dt }, additionalProperties: { type: 'integer' } };
    expect(paths(schema, { fixed: bad, t_a: bad, other: 2 ** 31, t_b: '2024-01-01T10:00:00Z', xt_c: bad })).to.deep.equal([
      'format.dateTime /fixed',
      'format.dateTime /t_a',
      'format.int32 /other',
    ]);
  });

  it('a key matching both properties and a pattern is checked under both, and a bad pattern matches nothing', () => {
    expect(paths({ type: 'object', properties: { t_a: dt }, patternProperties: { '^t_': dt } }, { t_a: bad })).to.deep.equal(['format.dateTime /t_a', 'format.dateTime /t_a']);
    expect(paths({ type: 'object', patternProperties: { '(': dt, '^ok$': dt } }, { '(': bad, ok: bad })).to.deep.equal(['format.dateTime /ok']);
  });

  it('follows items, tuple items and additionalItems', () => {
    expect(paths({ type: 'array', items: dt }, ['2024-01-01T10:00:00Z', bad])).to.deep.equal(['format.dateTime /1']);
    const tuple = { type: 'array', items: [dt, { type: 'string' }], additionalItems: { type: 'integer' } };
    expect(paths(tuple, [bad, bad, 2 ** 31, 1])).to.deep.equal(['format.dateTime /0', 'format.int32 /2']);
    expect(paths({ type: 'array', items: [dt] }, [bad, bad])).to.deep.equal(['format.dateTime /0']);
  });

  it('follows allOf and local $refs, and stops on a $ref cycle', () => {
    const schema = {
      type: 'object',
      definitions: { T: dt, Node: { type: 'object', properties: { at: { $ref: '#/definitions/T' }, next: { $ref: '#/definitions/Node' } } } },
      allOf: [{ properties: { a: dt } }],
      properties: { node: { $ref: '#/definitions/Node' }, lost: { $ref: '#/definitions/Missing' }, far: { $ref: 'other.json#/T' } },
    };
    expect(paths(schema, { a: bad, node: { at: bad, next: { at: bad } }, lost: bad, far: bad })).to.deep.equal([
      'format.dateTime /a',
      'format.dateTime /node/at',
      'format.dateTime /node/next/at',
    ]);
  });

  it('resolves JSON-pointer escapes in $refs and escapes keys in finding paths', () => {
    const schema = { type: 'object', definitions: { 'a/b': dt, 'c~d': dt }, properties: { 'x/y': { $ref: '#/definitions/a~1b' }, 'p~q': { $ref: '#/definitions/c~0d' }, plain: { $ref: '#/definitions/c~0d' } } };
    expect(paths(schema, { 'x/y': bad, 'p~q': bad, plain: bad })).to.deep.equal(['format.dateTime /x~1y', 'format.dateTime /p~0q', 'format.dateTime /plain']);
  });

  it('ignores $ref siblings (draft-04..07) and skips subtrees that cannot yield a finding', () => {
    expect(paths({ type: 'object', definitions: { S: { type: 'string' } }, properties: { a: { $ref: '#/definitions/S', format: 'date-time' } } }, { a: bad })).to.deep.equal([]);
    expect(paths({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } }, { a: { b: bad } })).to.deep.equal([]);
  });

  it('checks int32 only on integer schemas and integer values', () => {
    const schema = { type: 'object', properties: { i: { type: ['integer', 'null'] }, n: { type: 'number' } } };
    expect(paths(schema, { i: -(2 ** 31) - 1, n: 2 ** 40 })).to.deep.equal(['format.int32 /i']);
    expect(paths(schema, { i: 2.5e10 + 0.5 })).to.deep.equal([]);
  });

  it('marks every finding with the action, and returns [] for an action without a schema', () => {
    const set = schemaSetFromRecord('2.0.1', { TestRequest: { type: 'object', properties: { t: dt } } });
    expect(checkFormats(set, '2.0.1', 'Test', 'request', { t: bad })[0]).to.include({ action: 'Test', layer: 'format', path: '/t' });
    expect(checkFormats(set, '2.0.1', 'Test', 'response', { t: bad })).to.deep.equal([]);
  });

  describe('identity values (SecurityCtrlr.Identity)', () => {
    const set = builtinSchemaSet('2.0.1');
    const entry = (value: string, component = 'SecurityCtrlr', variable = 'Identity') => ({ attributeValue: value, component: { name: component }, variable: { name: variable } });
    const codes = (action: string, kind: 'request' | 'response', payload: unknown, version: '1.6' | '2.0.1' = '2.0.1') =>
      checkFormats(version === '1.6' ? builtinSchemaSet('1.6') : set, version, action, kind, payload).map((f) => f.code);

    it('only for the Identity variable of SecurityCtrlr', () => {
      expect(codes('SetVariables', 'request', { setVariableData: [entry('a b', 'SecurityCtrlr', 'Other')] })).to.deep.equal([]);
      expect(codes('SetVariables', 'request', { setVariableData: [entry('a b', 'Other', 'Identity')] })).to.deep.equal([]);
      expect(codes('SetVariables', 'request', { setVariableData: [entry('a b')] })).to.deep.equal(['format.identifierString']);
    });

    it('only in the message kind that carries it, and never on 1.6', () => {
      expect(codes('SetVariables', 'response', { setVariableData: [entry('a b')] })).to.deep.equal([]);
      expect(codes('GetVariables', 'request', { getVariableResult: [entry('a b')] })).to.deep.equal([]);
      expect(codes('SetVariables', 'request', { setVariableData: [entry('a b')] }, '1.6')).to.deep.equal([]);
    });

    it('skips entries that are not objects, lists that are not arrays, and non-string values', () => {
      expect(codes('SetVariables', 'request', { setVariableData: 'x' })).to.deep.equal([]);
      expect(codes('SetVariables', 'request', { setVariableData: [null, 3, { ...entry('x'), attributeValue: 7 }] })).to.deep.equal([]);
      expect(codes('SetVariables', 'request', 'not an object')).to.deep.equal([]);
      const report = { reportData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, variableAttribute: [null, { value: 'a b' }] }, { component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, variableAttribute: 'x' }] };
      expect(codes('NotifyReport', 'request', report).filter((c) => c.startsWith('format.identifier'))).to.deep.equal(['format.identifierString']);
    });
  });
});
