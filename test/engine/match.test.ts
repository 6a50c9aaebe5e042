/**
 * Payload patterns: every key must match (not any), arrays element by element, a key given as
 * undefined must be absent, scalars by identity, and a predicate that throws is a non-match.
 */
import { expect } from 'chai';
import { brief, describeMatch, matches, subset } from '../../src/engine/match.js';

describe('engine/match', () => {
  it('needs every key of the pattern, not just one', () => {
    const payload = { status: 'Accepted', interval: 300, extra: true };
    expect(matches(payload, { status: 'Accepted', interval: 300 })).to.equal(true);
    expect(matches(payload, { status: 'Accepted', interval: 301 })).to.equal(false);
    expect(matches(payload, { status: 'Rejected', interval: 300 })).to.equal(false);
    expect(matches(payload, {})).to.equal(true);
  });

  it('a key the payload lacks does not match, unless the pattern asks for it to be absent', () => {
    expect(matches({ a: 1 }, { b: 1 })).to.equal(false);
    expect(matches({ a: 1 }, { b: undefined })).to.equal(true);
    expect(matches({ a: 1, b: 2 }, { b: undefined })).to.equal(false);
    expect(matches({ a: 1 }, { a: 1, b: undefined })).to.equal(true);
  });

  it('matches arrays element by element, as a prefix of the actual array', () => {
    expect(subset([1, 2, 3], [1, 2])).to.equal(true);
    expect(subset([1, 2, 3], [1, 3])).to.equal(false);
    expect(subset([{ id: 1, x: 'a' }, { id: 2 }], [{ id: 1 }, { id: 2 }])).to.equal(true);
    expect(subset([{ id: 1 }], [{ id: 1 }, { id: 2 }])).to.equal(false);
    expect(subset({ 0: 1 }, [1])).to.equal(false);
    expect(subset('ab', ['a'])).to.equal(false);
    expect(subset([], [])).to.equal(true);
  });

  it('an object pattern needs an object: not null, not an array, not a scalar', () => {
    expect(subset(null, { a: 1 })).to.equal(false);
    expect(subset([1], { 0: 1 })).to.equal(false);
    expect(subset('x', { length: 1 })).to.equal(false);
    expect(subset(undefined, {})).to.equal(false);
    expect(subset({}, {})).to.equal(true);
  });

  it('compares scalars by identity (NaN equals NaN, 0 is not -0, "1" is not 1)', () => {
    expect(subset(NaN, NaN)).to.equal(true);
    expect(subset(0, -0)).to.equal(false);
    expect(subset('1', 1)).to.equal(false);
    expect(subset(null, null)).to.equal(true);
    expect(subset({}, null)).to.equal(false);
  });

  it('matches nested patterns all the way down', () => {
    const payload = { idToken: { idToken: 'A1', type: 'ISO14443' }, evse: { id: 1, connectorId: 1 } };
    expect(matches(payload, { idToken: { type: 'ISO14443' }, evse: { id: 1 } })).to.equal(true);
    expect(matches(payload, { idToken: { type: 'ISO14443' }, evse: { id: 2 } })).to.equal(false);
  });

  it('uses a predicate as it is, and treats one that throws as no match', () => {
    expect(matches({ a: 1 }, (p) => p.a === 1)).to.equal(true);
    expect(matches({ a: 1 }, (p) => p.a === 2)).to.equal(false);
    expect(matches({ a: 1 }, () => { throw new Error('bad predicate'); })).to.equal(false);
    expect(matches({ a: 1 }, undefined)).to.equal(true);
  });

  it('describes a match for the report', () => {
    expect(describeMatch(undefined)).to.equal('any payload');
    expect(describeMatch(() => true)).to.equal('a payload satisfying the case condition');
    expect(describeMatch({ a: 1 })).to.equal('payload containing {"a":1}');
    expect(describeMatch({ a: 1 }, 'status Accepted')).to.equal('status Accepted');
    expect(describeMatch(undefined, '')).to.equal('any payload');
  });

  it('shortens payload text to the limit, with an ellipsis only when cut', () => {
    expect(brief({ a: 'x'.repeat(10) }, 8)).to.equal('{"a":"xx…');
    expect(brief('abc', 5)).to.equal('"abc"');
    expect(brief('abc', 4)).to.equal('"abc…');
    expect(brief('ab', 4)).to.equal('"ab"');
    expect(brief(undefined)).to.equal('undefined');
    expect(brief('x'.repeat(400))).to.have.length(301);
  });
});
