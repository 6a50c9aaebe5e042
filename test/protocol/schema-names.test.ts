/** Schema naming, user schema records, and the built-in sets (ocpp-rpc@2.2.1 bundles, 1.6 Celsius fix-up). */
import { expect } from 'chai';
import { builtinSchemaOf, builtinSchemaSet, builtinSchemaSource, parseSchemaName, schemaActionsOf, schemaSetFromRecord, SchemaRecordError } from '../../src/protocol/schemas.js';
import { expectsResponse, isKnownAction, maySend, senderOf } from '../../src/protocol/actions.js';

describe('protocol/schemas naming and sets', () => {
  it('parses every naming form, and refuses names that are no action', () => {
    expect(parseSchemaName('Authorize.req')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('Authorize.conf')).to.deep.equal({ action: 'Authorize', kind: 'response' });
    expect(parseSchemaName('AuthorizeRequest')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('RequestStartTransactionResponse')).to.deep.equal({ action: 'RequestStartTransaction', kind: 'response' });
    expect(parseSchemaName('Authorize')).to.deep.equal({ action: 'Authorize', kind: 'request' });
    expect(parseSchemaName('Request')).to.deep.equal({ action: 'Request', kind: 'request' });
    for (const bad of ['', '.req', '1Up', 'A-B', 'x y', 'Foo.json']) expect(parseSchemaName(bad), bad).to.equal(undefined);
  });

  it('builds a set from a record, refusing bad names, non-objects and duplicates', () => {
    const set = schemaSetFromRecord('2.0.1', { FooRequest: { type: 'object' }, 'Foo.conf': { type: 'object' } }, 'my folder');
    expect([set.source, set.version, set.actions(), set.hasAction('Foo'), set.hasAction('Bar')]).to.deep.equal(['my folder', '2.0.1', ['Foo'], true, false]);
    expect(schemaSetFromRecord('1.6', {}).source).to.equal('user schemas');
    const refused = (record: Record<string, unknown>): SchemaRecordError => {
      try { schemaSetFromRecord('2.0.1', record); } catch (err) { if (err instanceof SchemaRecordError) return err; throw err; }
      throw new Error('expected a SchemaRecordError');
    };
    expect(refused({ 'no-action': {} })).to.include({ schemaName: 'no-action', name: 'SchemaRecordError' });
    expect(refused({ 'no-action': {} }).message).to.match(/^"no-action" does not name an OCPP action/);
    for (const value of [null, [], 'x', 3]) expect(refused({ Foo: value }).message).to.equal('"Foo" is not a JSON schema object');
    expect(refused({ Foo: {}, FooRequest: {} }).message).to.match(/Foo/);
  });

  it('loads the built-in sets once per version, from the named source', () => {
    const set = builtinSchemaSet('2.0.1');
    expect(builtinSchemaSet('2.0.1')).to.equal(set);
    expect(set.source).to.equal(builtinSchemaSource);
    expect(builtinSchemaSource).to.equal('ocpp-rpc@2.2.1');
    expect(schemaActionsOf('1.6')).to.include.members(['BootNotification', 'StopTransaction']);
    expect(builtinSchemaOf('2.1', 'NotifyPeriodicEventStream', 'response')).to.equal(undefined);
    expect(builtinSchemaOf('2.1', 'NotifyPeriodicEventStream', 'request')).to.be.an('object');
  });

  it('1.6: drops the bundle-added "Celsius" only from StopTransaction.req, and hands out copies', () => {
    const units = (schema: unknown): unknown[][] => {
      const found: unknown[][] = [];
      const visit = (n: unknown): void => {
        if (Array.isArray(n)) n.forEach(visit);
        else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) { if (k === 'enum' && Array.isArray(v) && v.includes('Celcius')) found.push(v); else visit(v); }
      };
      visit(schema);
      return found;
    };
    const stop = units(builtinSchemaOf('1.6', 'StopTransaction', 'request'));
    expect(stop.length).to.be.above(0);
    expect(stop.every((e) => !e.includes('Celsius'))).to.equal(true);
    expect(units(builtinSchemaOf('1.6', 'MeterValues', 'request')).every((e) => e.includes('Celsius'))).to.equal(true);
    const a = builtinSchemaOf('1.6', 'Heartbeat', 'request') as Record<string, unknown>;
    expect(a.$id).to.equal('urn:Heartbeat.req');
  });

  it('the action catalogue: senders, known actions, who may send, which get a response', () => {
    expect(senderOf('2.0.1', 'BootNotification')).to.equal('cs');
    expect(senderOf('2.0.1', 'Reset')).to.equal('csms');
    expect(senderOf('2.0.1', 'DataTransfer')).to.equal('both');
    expect(senderOf('2.0.1', 'Fly')).to.equal(undefined);
    expect(isKnownAction('1.6', 'RemoteStartTransaction')).to.equal(true);
    expect(isKnownAction('2.0.1', 'RemoteStartTransaction')).to.equal(false);
    expect([maySend('2.0.1', 'cs', 'DataTransfer'), maySend('2.0.1', 'csms', 'DataTransfer'), maySend('2.0.1', 'cs', 'Reset'), maySend('2.0.1', 'cs', 'Fly')]).to.deep.equal([true, true, false, false]);
    expect(expectsResponse('2.0.1', 'Heartbeat')).to.equal(true);
    expect(expectsResponse('2.1', 'NotifyPeriodicEventStream')).to.equal(false);
    expect(expectsResponse('2.0.1', 'Fly')).to.equal(false);
  });
});
