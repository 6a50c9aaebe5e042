/**
 * Boundary cases of the format layer: each calendar and clock field just inside and just outside
 * its range (RFC 3339 §5.6, §5.7), leap years, anchoring of the date-time pattern, the 32-bit
 * integer bounds and the message id length, so an off-by-one in any of them is seen.
 */
import { expect } from 'chai';
import { checkDateTime, checkMessageId, checkStationIdentity, isIdentifierString } from '../../src/protocol/formats.js';

const verdict = (value: string): string => {
  const f = checkDateTime('2.0.1', value, '/t');
  return f.length === 0 ? 'ok' : f.map((x) => `${x.code}${x.message.includes('calendar') ? ' (calendar)' : ''}`).join(',');
};

describe('protocol/formats boundaries', () => {
  describe('date-time fields', () => {
    const cases: Array<[string, string]> = [
      ['2024-01-01T00:00:00Z', 'ok'],
      ['2024-00-10T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-12-31T23:59:59Z', 'ok'],
      ['2024-13-10T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-01-00T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-01-31T10:00:00Z', 'ok'],
      ['2024-01-32T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-04-30T10:00:00Z', 'ok'],
      ['2024-04-31T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-06-31T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-09-31T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-11-31T10:00:00Z', 'format.dateTime (calendar)'],
      ['2024-08-31T10:00:00Z', 'ok'],
      ['2024-02-29T10:00:00Z', 'ok'],
      ['2024-02-30T10:00:00Z', 'format.dateTime (calendar)'],
      ['2023-02-28T10:00:00Z', 'ok'],
      ['2023-02-29T10:00:00Z', 'format.dateTime (calendar)'],
      ['1900-02-29T10:00:00Z', 'format.dateTime (calendar)'],
      ['2000-02-29T10:00:00Z', 'ok'],
      ['2024-01-01T23:00:00Z', 'ok'],
      ['2024-01-01T24:00:00Z', 'format.dateTime (calendar)'],
      ['2024-01-01T10:59:00Z', 'ok'],
      ['2024-01-01T10:60:00Z', 'format.dateTime (calendar)'],
      ['2024-01-01T10:00:60Z', 'ok'],
      ['2024-01-01T10:00:61Z', 'format.dateTime (calendar)'],
      ['2024-01-01T10:00:00+23:59', 'ok'],
      ['2024-01-01T10:00:00+24:00', 'format.dateTime (calendar)'],
      ['2024-01-01T10:00:00-00:60', 'format.dateTime (calendar)'],
      ['2024-01-01t10:00:00z', 'ok'],
      ['2024-01-01T10:00:00.5+01:00', 'ok'],
      ['2024-01-01T10:00:00.Z', 'format.dateTime'],
      ['x2024-01-01T10:00:00Z', 'format.dateTime'],
      ['2024-01-01T10:00:00Zx', 'format.dateTime'],
      ['2024-01-01T10:00:00+01:00x', 'format.dateTime'],
      ['24-01-01T10:00:00Z', 'format.dateTime'],
    ];
    for (const [value, expected] of cases) {
      it(`${value} → ${expected}`, () => {
        expect(verdict(value)).to.equal(expected);
      });
    }

    it('tells a missing offset from other shapes, and anchors that check too', () => {
      expect(checkDateTime('2.0.1', '2024-01-01T10:00:00.25', '/t')[0]!.message).to.equal('/t: "2024-01-01T10:00:00.25" has no time-zone designator (Z or ±hh:mm)');
      expect(checkDateTime('2.0.1', 'x2024-01-01T10:00:00', '/t')[0]!.message).to.match(/is not an RFC 3339 date-time/);
      expect(checkDateTime('2.0.1', '2024-01-01T10:00:00x', '/t')[0]!.message).to.match(/is not an RFC 3339 date-time/);
      expect(checkDateTime('2.0.1', '2024-01-01T10:00:00', '/t')[0]).to.include({ layer: 'format', severity: 'error', path: '/t' });
    });

    it('fraction digits: 3 is fine, 4 is a warning naming the count and the version rule', () => {
      expect(checkDateTime('2.1', '2024-01-01T10:00:00.123Z', '/t')).to.deep.equal([]);
      const [f] = checkDateTime('2.1', '2024-01-01T10:00:00.1234Z', '/t');
      expect(f).to.include({ code: 'format.dateTime.fraction', severity: 'warning', path: '/t' });
      expect(f!.message).to.equal('/t: "2024-01-01T10:00:00.1234Z" has 4 fractional-second digits; OCPP 2.1 limits dateTime to 3 decimal places of seconds (Part 2 primitive datatypes)');
    });
  });

  describe('message id (OCPP-J 2.0.1 Part 4 §4.1.4: at most 36 characters)', () => {
    it('36 is fine, 37 is not, and the finding names the count', () => {
      expect(checkMessageId('a'.repeat(36))).to.deep.equal([]);
      const [f] = checkMessageId('a'.repeat(37));
      expect(f).to.include({ code: 'format.messageId', messageId: 'a'.repeat(37), message: 'message id has 37 characters; at most 36 allowed' });
      expect(checkMessageId('x')).to.deep.equal([]);
    });

    it('names the type of a non-string id', () => {
      expect(checkMessageId(null)[0]!.message).to.equal('message id must be a string; got null');
      expect(checkMessageId(7)[0]!.message).to.equal('message id must be a string; got number');
      expect(checkMessageId('')[0]!.message).to.equal('message id is empty: it cannot identify a request');
    });
  });

  describe('identity', () => {
    it('48 characters is fine, 49 is not; a colon and a bad character are told apart', () => {
      expect(checkStationIdentity('a'.repeat(48))).to.deep.equal([]);
      expect(checkStationIdentity('a'.repeat(49)).map((f) => f.code)).to.deep.equal(['format.identity.length']);
      expect(checkStationIdentity('a:b').map((f) => f.code)).to.deep.equal(['format.identity.colon']);
      expect(checkStationIdentity('a b').map((f) => f.code)).to.deep.equal(['format.identifierString']);
      expect(checkStationIdentity('a b', '/x/0')[0]).to.include({ path: '/x/0' });
      expect(checkStationIdentity('a b')[0]).to.not.have.property('path');
      expect(checkStationIdentity('a b')[0]!.message).to.match(/^charging station identity: /);
    });

    it('identifierString is anchored at both ends', () => {
      expect(isIdentifierString('ab c')).to.equal(false);
      expect(isIdentifierString(' abc')).to.equal(false);
      expect(isIdentifierString('abc ')).to.equal(false);
      expect(isIdentifierString('')).to.equal(false);
      expect(isIdentifierString('A-z_0*=:+|@.')).to.equal(true);
    });
  });
});
