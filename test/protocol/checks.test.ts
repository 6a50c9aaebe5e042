import { expect } from 'chai';
import { checkMessage, registerSemanticsCheck } from '../../src/protocol/checks.js';
import { finding } from '../../src/protocol/findings.js';
import { builtinSchemaSet } from '../../src/protocol/schemas.js';

describe('protocol/checks', function () {
  const set = builtinSchemaSet('2.0.1');

  it('runs schema then format, keeping each finding in its layer', function () {
    const result = checkMessage({ set, version: '2.0.1', action: 'BootNotification', kind: 'response', payload: { currentTime: '2024-01-01T10:00:00', interval: 2 ** 31, status: 'Maybe' } });
    expect(result.findings.map((f) => [f.layer, f.code, f.path])).to.deep.equal([
      ['schema', 'schema.enum', '/status'],
      ['format', 'format.dateTime', '/currentTime'],
      ['format', 'format.int32', '/interval'],
    ]);
    expect(result.violations.map((v) => v.kind)).to.deep.equal(['propertyConstraintViolation']);
    expect(result.findings[0]!.message).to.match(/^\/status: must be one of/);
    expect(result.findings.every((f) => f.action === 'BootNotification')).to.be.true;
  });

  it('finds nothing in a conforming payload', function () {
    expect(checkMessage({ set, version: '2.0.1', action: 'Heartbeat', kind: 'response', payload: { currentTime: '2024-01-01T10:00:00Z' } })).to.deep.equal({ findings: [], violations: [] });
  });

  it('says when a payload could not be schema-checked', function () {
    const { findings, violations } = checkMessage({ set, version: '2.0.1', action: 'FooBar', kind: 'request', payload: {} });
    expect(violations).to.deep.equal([]);
    expect(findings.map((f) => [f.layer, f.severity, f.code])).to.deep.equal([['schema', 'warning', 'schema.unavailable']]);
  });

  it('runs registered semantics checks after schema and format, and can unregister them', function () {
    const unregister = registerSemanticsCheck((m) => (m.action === 'Heartbeat' ? [finding('semantics', 'semantics.test', 'seen')] : []));
    try {
      const { findings } = checkMessage({ set, version: '2.0.1', action: 'Heartbeat', kind: 'response', payload: { currentTime: 'x' } });
      expect(findings.map((f) => f.code)).to.deep.equal(['format.dateTime', 'semantics.test']);
    } finally {
      unregister();
    }
    expect(checkMessage({ set, version: '2.0.1', action: 'Heartbeat', kind: 'response', payload: { currentTime: '2024-01-01T10:00:00Z' } }).findings).to.deep.equal([]);
  });
});
