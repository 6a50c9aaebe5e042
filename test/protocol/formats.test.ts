import { expect } from 'chai';
import { builtinSchemaSet, schemaSetFromRecord } from '../../src/protocol/schemas.js';
import { checkDateTime, checkFormats, checkMessageId, checkStationIdentity, int32Max, int32Min, isIdentifierString } from '../../src/protocol/formats.js';
import type { Finding } from '../../src/protocol/findings.js';

const codes = (findings: Finding[]): string[] => findings.map((f) => `${f.severity} ${f.code} ${f.path ?? ''}`.trim());

describe('protocol/formats', function () {
  describe('date-time', function () {
    const boot201 = (currentTime: string): Finding[] =>
      checkFormats(builtinSchemaSet('2.0.1'), '2.0.1', 'BootNotification', 'response', { currentTime, interval: 300, status: 'Accepted' });

    it('accepts RFC 3339 with Z or an offset, with up to 3 fraction digits', function () {
      for (const t of ['2024-01-01T10:00:00Z', '2024-01-01T10:00:00+02:00', '2024-01-01T10:00:00-05:30', '2024-01-01T10:00:00.123Z', '2024-02-29T23:59:60z']) {
        expect(boot201(t), t).to.deep.equal([]);
      }
    });

    it('rejects a date-time without time-zone designator, and unparsable or impossible ones', function () {
      expect(codes(boot201('2024-01-01T10:00:00'))).to.deep.equal(['error format.dateTime /currentTime']);
      expect(boot201('2024-01-01T10:00:00')[0]!.message).to.include('no time-zone designator');
      for (const t of ['yesterday', '2024-01-01 10:00:00Z', '2024-13-01T10:00:00Z', '2023-02-29T10:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:00:00+2:00', '']) {
        expect(codes(boot201(t)), t).to.deep.equal(['error format.dateTime /currentTime']);
      }
    });

    it('flags more than 3 fractional-second digits (warning: the 2.0.1 Part 2 clause is not in ../shared/spec; 1.6 sets no limit)', function () {
      expect(codes(boot201('2024-01-01T10:00:00.1234Z'))).to.deep.equal(['warning format.dateTime.fraction /currentTime']);
      expect(codes(checkDateTime('1.6', '2024-01-01T10:00:00.1234Z', '/t'))).to.deep.equal(['warning format.dateTime.fraction /t']);
      expect(checkDateTime('1.6', '2024-01-01T10:00:00.1234Z', '/t')[0]!.message).to.include('1.6 sets no limit');
    });

    it('finds date-times in arrays, nested objects and $ref definitions', function () {
      const payload = {
        evseId: 1,
        meterValue: [
          { timestamp: '2024-01-01T10:00:00Z', sampledValue: [{ value: 1 }] },
          { timestamp: '2024-01-01T10:00:00', sampledValue: [{ value: 2 }] },
        ],
      };
      const findings = checkFormats(builtinSchemaSet('2.0.1'), '2.0.1', 'MeterValues', 'request', payload);
      expect(codes(findings)).to.deep.equal(['error format.dateTime /meterValue/1/timestamp']);
      expect(findings[0]!.layer).to.equal('format');
      expect(findings[0]!.action).to.equal('MeterValues');
      const v16 = checkFormats(builtinSchemaSet('1.6'), '1.6', 'StartTransaction', 'request', { connectorId: 1, idTag: 'A', meterStart: 0, timestamp: '2024-01-01T10:00' });
      expect(codes(v16)).to.deep.equal(['error format.dateTime /timestamp']);
    });

    it('ignores strings whose schema has no date-time format', function () {
      expect(checkFormats(builtinSchemaSet('1.6'), '1.6', 'Authorize', 'request', { idTag: '2024-01-01T10:00:00' })).to.deep.equal([]);
    });
  });

  describe('int32', function () {
    const boot = (interval: number): Finding[] =>
      checkFormats(builtinSchemaSet('2.1'), '2.1', 'BootNotification', 'response', { currentTime: '2024-01-01T10:00:00Z', interval, status: 'Accepted' });

    it('accepts the bounds and rejects one past them', function () {
      expect(boot(int32Max)).to.deep.equal([]);
      expect(boot(int32Min)).to.deep.equal([]);
      expect(codes(boot(int32Max + 1))).to.deep.equal(['error format.int32 /interval']);
      expect(codes(boot(int32Min - 1))).to.deep.equal(['error format.int32 /interval']);
      expect(int32Max).to.equal(2147483647);
    });

    it('does not apply to "number" fields', function () {
      const set = schemaSetFromRecord('2.0.1', { XRequest: { type: 'object', properties: { n: { type: 'number' }, i: { type: 'integer' } } } });
      expect(codes(checkFormats(set, '2.0.1', 'X', 'request', { n: 2 ** 40, i: 2 ** 40 }))).to.deep.equal(['error format.int32 /i']);
    });
  });

  describe('message id', function () {
    it('allows up to 36 characters', function () {
      expect(checkMessageId('x'.repeat(36))).to.deep.equal([]);
      expect(checkMessageId('0f3c6b8e-2b4d-4c1a-9d7e-123456789abc')).to.deep.equal([]);
      expect(codes(checkMessageId('x'.repeat(37)))).to.deep.equal(['error format.messageId']);
    });

    it('requires a non-empty string', function () {
      expect(codes(checkMessageId(12))).to.deep.equal(['error format.messageId']);
      expect(codes(checkMessageId(null))).to.deep.equal(['error format.messageId']);
      expect(codes(checkMessageId(''))).to.deep.equal(['error format.messageId']);
    });
  });

  describe('identifierString', function () {
    it('allows only a-z A-Z 0-9 * - _ = : + | @ .', function () {
      for (const s of ['CP001', 'a*b-c_d=e:f+g|h@i.j', 'Z']) expect(isIdentifierString(s), s).to.be.true;
      for (const s of ['', 'RDAM 123', 'cp/1', 'cp#1', 'café', 'a,b', 'a%20b']) expect(isIdentifierString(s), s).to.be.false;
    });

    it('checks a station identity: identifierString, no colon, at most 48 characters', function () {
      expect(checkStationIdentity('CP001')).to.deep.equal([]);
      expect(codes(checkStationIdentity('CP 001'))).to.deep.equal(['error format.identifierString']);
      expect(codes(checkStationIdentity('CP:001'))).to.deep.equal(['error format.identity.colon']);
      expect(checkStationIdentity('x'.repeat(48))).to.deep.equal([]);
      expect(codes(checkStationIdentity('x'.repeat(49)))).to.deep.equal(['error format.identity.length']);
    });

    it('checks SecurityCtrlr.Identity values in SetVariables, GetVariables and NotifyReport (2.0.1, 2.1)', function () {
      const set = builtinSchemaSet('2.0.1');
      const entry = (attributeValue: string, component = 'SecurityCtrlr'): unknown => ({ attributeValue, component: { name: component }, variable: { name: 'Identity' } });
      expect(codes(checkFormats(set, '2.0.1', 'SetVariables', 'request', { setVariableData: [entry('CP001'), entry('CP 002')] })))
        .to.deep.equal(['error format.identifierString /setVariableData/1/attributeValue']);
      expect(checkFormats(set, '2.0.1', 'SetVariables', 'request', { setVariableData: [entry('CP 002', 'OCPPCommCtrlr')] })).to.deep.equal([]);
      const result = { attributeStatus: 'Accepted', attributeValue: 'CP:1', component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' } };
      expect(codes(checkFormats(builtinSchemaSet('2.1'), '2.1', 'GetVariables', 'response', { getVariableResult: [result] })))
        .to.deep.equal(['error format.identity.colon /getVariableResult/0/attributeValue']);
      const report = { requestId: 1, generatedAt: '2024-01-01T10:00:00Z', seqNo: 0, reportData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'Identity' }, variableAttribute: [{ value: 'ok' }, { value: 'not ok' }] }] };
      expect(codes(checkFormats(set, '2.0.1', 'NotifyReport', 'request', report))).to.deep.equal(['error format.identifierString /reportData/0/variableAttribute/1/value']);
    });
  });

  describe('1.6 Celsius spelling', function () {
    const sample = (unit: string): unknown => ({
      transactionId: 1, meterStop: 10, timestamp: '2024-01-01T10:00:00Z',
      transactionData: [{ timestamp: '2024-01-01T10:00:00Z', sampledValue: [{ value: '21', measurand: 'Temperature', unit }] }],
    });

    it('warns on "Celsius" where the OCA schema only knows "Celcius" (StopTransaction)', function () {
      const findings = checkFormats(builtinSchemaSet('1.6'), '1.6', 'StopTransaction', 'request', sample('Celsius'));
      expect(codes(findings)).to.deep.equal(['warning format.unit.celsius /transactionData/0/sampledValue/0/unit']);
      expect(findings[0]!.message).to.include('Celcius').and.include('errata');
      expect(checkFormats(builtinSchemaSet('1.6'), '1.6', 'StopTransaction', 'request', sample('Celcius'))).to.deep.equal([]);
    });

    it('stays quiet where the OCA schema accepts both (MeterValues)', function () {
      const payload = { connectorId: 1, meterValue: [{ timestamp: '2024-01-01T10:00:00Z', sampledValue: [{ value: '21', unit: 'Celsius' }] }] };
      expect(checkFormats(builtinSchemaSet('1.6'), '1.6', 'MeterValues', 'request', payload)).to.deep.equal([]);
    });
  });
});
