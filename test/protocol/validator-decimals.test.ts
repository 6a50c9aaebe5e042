/**
 * Decimal boundaries of the validator: multipleOf read as written decimals (8.1 is a multiple
 * of 0.1, 0.15 is not), exponent notation, the safe-integer fallback; draft-04 exclusive bounds;
 * and the exact violation texts and paths a report shows.
 */
import { expect } from 'chai';
import { compileErrors, isMultipleOf, kindOfKeyword, prepareForAjv, validatePayload } from '../../src/protocol/validator.js';
import { schemaSetFromRecord } from '../../src/protocol/schemas.js';

describe('protocol/validator decimals and messages', () => {
  it('multipleOf on written decimals', () => {
    expect(isMultipleOf(8.1, 0.1)).to.equal(true);
    expect(isMultipleOf(0.3, 0.1)).to.equal(true);
    expect(isMultipleOf(0.15, 0.1)).to.equal(false);
    expect(isMultipleOf(10, 2.5)).to.equal(true);
    expect(isMultipleOf(10, 3)).to.equal(false);
    expect(isMultipleOf(-0.2, 0.1)).to.equal(true);
    expect(isMultipleOf(0, 0.1)).to.equal(true);
  });

  it('reads exponent notation (1e-7 has 7 decimals, 1e21 none)', () => {
    expect(isMultipleOf(3e-7, 1e-7)).to.equal(true);
    expect(isMultipleOf(1.5e-7, 1e-7)).to.equal(false);
    expect(isMultipleOf(2.5e-6, 5e-7)).to.equal(true);
    expect(isMultipleOf(1e21, 1e20)).to.equal(true);
  });

  it('refuses non-finite values and non-positive divisors', () => {
    for (const [v, d] of [[NaN, 1], [Infinity, 1], [1, Infinity], [1, 0], [1, -1]] as const) expect(isMultipleOf(v, d), `${v} ${d}`).to.equal(false);
  });

  it('falls back to the quotient beyond safe integers or 15 decimals', () => {
    expect(isMultipleOf(2 ** 60, 2 ** 10)).to.equal(true);
    expect(isMultipleOf(2 ** 60 * 1.5, 2 ** 60)).to.equal(false);
    expect(isMultipleOf(1e-16 * 4, 1e-16)).to.equal(true);
  });

  it('rewrites draft-04 boolean exclusive bounds into numbers', () => {
    const d4 = { $schema: 'http://json-schema.org/draft-04/schema#', $id: 'x', id: 'y', type: 'object', properties: { a: { type: 'number', maximum: 5, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: false }, b: { items: [{ exclusiveMinimum: true, minimum: 0 }] } } };
    expect(prepareForAjv(d4)).to.deep.equal({ type: 'object', properties: { a: { type: 'number', exclusiveMaximum: 5, minimum: 1 }, b: { items: [{ exclusiveMinimum: 0 }] } } });
    const d6 = { $schema: 'http://json-schema.org/draft-06/schema#', properties: { a: { exclusiveMaximum: 5 } } };
    expect(prepareForAjv(d6)).to.deep.equal({ properties: { a: { exclusiveMaximum: 5 } } });
    expect(prepareForAjv({ properties: { a: { exclusiveMaximum: true, maximum: 3 } } })).to.deep.equal({ properties: { a: { exclusiveMaximum: true, maximum: 3 } } });
  });

  it('validates exclusive bounds and multipleOf with exact messages and kinds', () => {
    const set = schemaSetFromRecord('1.6', {
      'Test.req': { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', properties: { p: { type: 'number', maximum: 5, exclusiveMaximum: true }, m: { type: 'number', multipleOf: 0.1 }, e: { enum: ['A', 'B'] }, 'a/b': { type: 'string' }, 'x~y': {} }, required: ['x~y'], additionalProperties: false },
    });
    const v = validatePayload(set, 'Test', 'request', { p: 5, m: 0.15, e: 'C', 'a/b': null, extra: 1 })!;
    expect(v.map((x) => [x.keyword, x.kind, x.path, x.message])).to.have.deep.members([
      ['required', 'occurrenceConstraintViolation', '/x~0y', '/x~0y: required property is missing'],
      ['additionalProperties', 'formatViolation', '/extra', '/extra: property is not allowed here (additionalProperties: false)'],
      ['exclusiveMaximum', 'propertyConstraintViolation', '/p', '/p: must be < 5'],
      ['multipleOf', 'propertyConstraintViolation', '/m', '/m: must be a multiple of 0.1; got 0.15'],
      ['enum', 'propertyConstraintViolation', '/e', '/e: must be one of "A", "B"; got "C"'],
      ['type', 'typeConstraintViolation', '/a~1b', '/a~1b: must be string; got null'],
    ]);
    expect(validatePayload(set, 'Test', 'request', { 'x~y': 1, p: 4.99, m: 8.1, e: 'A' })).to.deep.equal([]);
    expect(validatePayload(set, 'Test', 'response', {})).to.equal(undefined);
    const top = validatePayload(schemaSetFromRecord('2.0.1', { TestRequest: { type: 'object' } }), 'Test', 'request', [1])!;
    expect(top.map((x) => x.message)).to.deep.equal(['(payload): must be object; got array']);
  });

  it('maps unknown keywords to FormatViolation and reports schemas that do not compile', () => {
    expect(kindOfKeyword('somethingNew')).to.equal('formatViolation');
    const set = schemaSetFromRecord('2.0.1', { TestRequest: { type: 'object', properties: { a: { pattern: '(' } } }, TestResponse: { type: 'object' } });
    const errors = compileErrors(set);
    expect(errors.map((e) => [e.action, e.kind])).to.deep.equal([['Test', 'request']]);
    expect(errors[0]!.message).to.be.a('string').and.not.equal('');
  });
});
