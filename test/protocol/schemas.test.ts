import { expect } from 'chai';
import { builtinSchemaSet, builtinSchemaSource, parseSchemaName, SchemaRecordError, schemaActionsOf, schemaSetFromRecord } from '../../src/protocol/schemas.js';

describe('protocol/schemas', function () {
  it('parses the naming rule of files and bundle ids', function () {
    expect(parseSchemaName('Authorize')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('AuthorizeRequest')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('AuthorizeResponse')).to.deep.equal({ action: 'Authorize', kind: 'response' });
    expect(parseSchemaName('Authorize.req')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('Authorize.conf')).to.deep.equal({ action: 'Authorize', kind: 'response' });
    expect(parseSchemaName('RequestStartTransactionResponse')).to.deep.equal({ action: 'RequestStartTransaction', kind: 'response' });
    expect(parseSchemaName('RequestBatterySwapRequest')).to.deep.equal({ action: 'RequestBatterySwap', kind: 'request' });
    expect(parseSchemaName('Response')).to.deep.equal({ action: 'Response', kind: 'request' });
    expect(parseSchemaName('my schema')).to.equal(undefined);
    expect(parseSchemaName('Authorize.v2')).to.equal(undefined);
  });

  it('loads the built-in sets from ocpp-rpc with the expected sizes', function () {
    expect(builtinSchemaSet('1.6').source).to.equal(builtinSchemaSource);
    expect(schemaActionsOf('1.6')).to.have.length(39);
    expect(schemaActionsOf('2.0.1')).to.have.length(64);
    expect(schemaActionsOf('2.1')).to.have.length(91);
    expect(builtinSchemaSet('2.0.1').schemaOf('Authorize', 'response')).to.be.an('object');
    expect(builtinSchemaSet('2.1').schemaOf('NotifyPeriodicEventStream', 'response')).to.equal(undefined);
    expect(builtinSchemaSet('2.0.1')).to.equal(builtinSchemaSet('2.0.1'));
  });

  it('builds a set from user schemas and refuses bad names, non-objects and duplicates, naming the key', function () {
    const set = schemaSetFromRecord('1.6', { Authorize: { type: 'object' }, AuthorizeResponse: { type: 'object' } }, 'mine');
    expect(set.actions()).to.deep.equal(['Authorize']);
    expect(set.source).to.equal('mine');
    const refused = (record: Record<string, unknown>): SchemaRecordError => {
      try {
        schemaSetFromRecord('1.6', record);
      } catch (error) {
        if (error instanceof SchemaRecordError) return error;
      }
      throw new Error('expected a SchemaRecordError');
    };
    expect(refused({ 'Auth orize': {} }).schemaName).to.equal('Auth orize');
    expect(refused({ Authorize: [] }).message).to.include('not a JSON schema object');
    const dup = refused({ Authorize: {}, AuthorizeRequest: {} });
    expect(dup.schemaName).to.equal('AuthorizeRequest');
    expect(dup.message).to.include('both the request schema of Authorize');
  });
});
