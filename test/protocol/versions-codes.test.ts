/** Version names, subprotocols and the per-version error-code tables (OCPP-J 1.6 §4.2.3 table 7, 2.0.1 Part 4 §4.3 table 8). */
import { expect } from 'chai';
import { errorCodeFor, misspelledFor, validErrorCodes } from '../../src/protocol/error-codes.js';
import { isOcppVersion, ocppVersions, otherRole, subprotocolOf, versionOfSubprotocol } from '../../src/protocol/versions.js';

describe('protocol/versions and error codes', () => {
  it('maps subprotocols to versions and back, and nothing else', () => {
    expect(ocppVersions.map((v) => subprotocolOf[v])).to.deep.equal(['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1']);
    expect(versionOfSubprotocol('ocpp2.0.1')).to.equal('2.0.1');
    expect(versionOfSubprotocol('ocpp1.6')).to.equal('1.6');
    expect(versionOfSubprotocol('ocpp2.1')).to.equal('2.1');
    expect(versionOfSubprotocol('ocpp2.0')).to.equal(undefined);
    expect(versionOfSubprotocol('')).to.equal(undefined);
  });

  it('recognises version strings only', () => {
    expect(['1.6', '2.0.1', '2.1'].every(isOcppVersion)).to.equal(true);
    expect([2.1, '2.0', 'ocpp1.6', null, undefined].some(isOcppVersion)).to.equal(false);
  });

  it('names the other role', () => {
    expect(otherRole('cs')).to.equal('csms');
    expect(otherRole('csms')).to.equal('cs');
  });

  it('spells the kinds per version', () => {
    expect(['formatViolation', 'occurrenceConstraintViolation', 'rpcFrameworkError', 'messageTypeNotSupported'].map((k) => errorCodeFor('1.6', k as 'formatViolation')))
      .to.deep.equal(['FormationViolation', 'OccurenceConstraintViolation', 'FormationViolation', 'GenericError']);
    for (const v of ['2.0.1', '2.1'] as const) {
      expect(['formatViolation', 'occurrenceConstraintViolation', 'rpcFrameworkError', 'messageTypeNotSupported'].map((k) => errorCodeFor(v, k as 'formatViolation')))
        .to.deep.equal(['FormatViolation', 'OccurrenceConstraintViolation', 'RpcFrameworkError', 'MessageTypeNotSupported']);
    }
    expect(errorCodeFor('2.1', 'securityError')).to.equal('SecurityError');
  });

  it('lists the valid codes of each version', () => {
    expect([...validErrorCodes('1.6')].sort()).to.deep.equal(['FormationViolation', 'GenericError', 'InternalError', 'NotImplemented', 'NotSupported', 'OccurenceConstraintViolation', 'PropertyConstraintViolation', 'ProtocolError', 'SecurityError', 'TypeConstraintViolation']);
    expect(validErrorCodes('2.0.1').has('RpcFrameworkError')).to.equal(true);
    expect(validErrorCodes('2.0.1').has('FormationViolation')).to.equal(false);
  });

  it('names the version a misspelled code belongs to, and nothing for a valid or unknown code', () => {
    expect(misspelledFor('2.0.1', 'FormationViolation')).to.equal('1.6');
    expect(misspelledFor('2.0.1', 'OccurenceConstraintViolation')).to.equal('1.6');
    expect(misspelledFor('1.6', 'FormatViolation')).to.equal('2.0.1');
    expect(misspelledFor('1.6', 'MessageTypeNotSupported')).to.equal('2.0.1');
    expect(misspelledFor('2.1', 'FormationViolation')).to.equal('1.6');
    expect(misspelledFor('2.0.1', 'FormatViolation')).to.equal(undefined);
    expect(misspelledFor('1.6', 'GenericError')).to.equal(undefined);
    expect(misspelledFor('2.0.1', 'Nonsense')).to.equal(undefined);
  });
});
