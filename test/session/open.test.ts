/** Endpoints over real connections: version from the subprotocol, checks and direction table wired in; RpcError classes. */
import { expect } from 'chai';
import { messageCheckFor, openEndpoint } from '../../src/session/open.js';
import type { RpcError} from '../../src/session/rpc-error.js';
import {
  FormatViolationError, GenericRpcError, InternalRpcError, NoReply, NotImplementedError, NotSupportedError,
  OccurrenceConstraintViolationError, PropertyConstraintViolationError, SecurityRpcError, TypeConstraintViolationError,
} from '../../src/session/rpc-error.js';
import { scriptedConnection, settle } from '../helpers/scripted-connection.js';

describe('session/open', () => {
  it('takes the version from the negotiated subprotocol, or the one asked for', () => {
    const conn = Object.assign(scriptedConnection(), { info: { subprotocol: 'ocpp1.6' } });
    expect(openEndpoint(conn, { role: 'csms' }).version).to.equal('1.6');
    expect(openEndpoint(conn, { role: 'csms', version: '2.1' }).version).to.equal('2.1');
  });

  it('refuses a connection without an agreed OCPP subprotocol', () => {
    for (const info of [{ subprotocol: null }, { subprotocol: 'mqtt' }, undefined]) {
      const conn = Object.assign(scriptedConnection('x9'), info ? { info } : {});
      expect(() => openEndpoint(conn, { role: 'csms' })).to.throw('connection x9 has no agreed OCPP subprotocol').with.property('code', 'E_TRANSPORT');
    }
  });

  it('wires schema checks, the direction table, the message ids and the call timeout', async () => {
    const conn = Object.assign(scriptedConnection(), { info: { subprotocol: 'ocpp2.0.1' } });
    const ep = openEndpoint(conn, { role: 'csms', newMessageId: () => 'fixed', callTimeoutMs: 5 });
    conn.deliver('[2,"b1","BootNotification",{}]');
    conn.deliver('[2,"r1","Reset",{"type":"Immediate"}]');
    await settle();
    const replies = conn.sentFrames();
    expect(replies[0]!.slice(0, 3)).to.deep.equal([4, 'b1', 'OccurrenceConstraintViolation']);
    expect(ep.findings.map((f) => f.code)).to.include('session.wrongDirection');
    const out = await ep.call('Reset', { type: 'Immediate' });
    expect(out).to.include({ status: 'timeout', messageId: 'fixed' });
  });

  it('validate: false turns every check off', async () => {
    const conn = Object.assign(scriptedConnection(), { info: { subprotocol: 'ocpp2.0.1' } });
    const ep = openEndpoint(conn, { role: 'csms', validate: false });
    ep.handle('BootNotification', () => ({}));
    conn.deliver('[2,"b1","BootNotification",{}]');
    await settle();
    expect(conn.sentFrames()).to.deep.equal([[3, 'b1', {}]]);
    expect(ep.findings).to.deep.equal([]);
  });

  it('messageCheckFor reports schema violations with their OCPP-J kind', () => {
    const result = messageCheckFor('2.0.1')('Heartbeat', 'response', {}, 'm');
    expect(result.violations.map((v) => v.kind)).to.deep.equal(['occurrenceConstraintViolation']);
    expect(result.findings.map((f) => f.layer)).to.deep.equal(['schema']);
    expect(messageCheckFor('2.0.1')('Heartbeat', 'response', { currentTime: '2024-01-01T00:00:00Z' }, 'm')).to.deep.equal({ findings: [], violations: [] });
  });
});

describe('session/rpc-error', () => {
  it('each class carries its kind, a default description, and details', () => {
    const cases: Array<[RpcError, string, string]> = [
      [new NotImplementedError(), 'notImplemented', 'not implemented'],
      [new NotSupportedError(), 'notSupported', 'not supported'],
      [new InternalRpcError(), 'internalError', 'internal error'],
      [new SecurityRpcError(), 'securityError', 'security error'],
      [new FormatViolationError(), 'formatViolation', 'format violation'],
      [new PropertyConstraintViolationError(), 'propertyConstraintViolation', 'property constraint violation'],
      [new OccurrenceConstraintViolationError(), 'occurrenceConstraintViolation', 'occurrence constraint violation'],
      [new TypeConstraintViolationError(), 'typeConstraintViolation', 'type constraint violation'],
      [new GenericRpcError(), 'genericError', 'generic error'],
    ];
    for (const [err, kind, message] of cases) {
      expect([err.kind, err.message, err.name, err.details]).to.deep.equal([kind, message, 'RpcError', {}]);
    }
    expect(new GenericRpcError('why', { a: 1 }).details).to.deep.equal({ a: 1 });
    expect(new NoReply()).to.include({ name: 'NoReply', message: 'no reply on purpose' });
  });
});
