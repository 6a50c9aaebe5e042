/** Details of the endpoint's records that reports rely on: layer, direction and action of each finding, frameSeq only when known, the kind each check is asked for. */
import { expect } from 'chai';
import { OcppEndpoint, type MessageCheck, type SessionEvent } from '../../src/session/endpoint.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

function endpoint(version: '1.6' | '2.0.1' | '2.1' = '2.0.1', check?: MessageCheck) {
  const conn = scriptedConnection();
  let n = 0;
  const events: SessionEvent[] = [];
  const ep = new OcppEndpoint({ connection: conn, version, role: 'cs', clock: manualClock(), newMessageId: () => `id${++n}`, ...(check ? { check } : {}) });
  ep.onEvent((e) => events.push(e));
  return { ep, conn, events };
}

describe('session/endpoint record details', () => {
  it('events carry frameSeq only when the transport gave one', async () => {
    const { conn, events } = endpoint('2.1');
    conn.deliverUnlogged('[6,"s1","X",{}]');
    await settle();
    expect(events[0]).to.deep.equal({ type: 'sendIn', action: 'X', messageId: 's1', payload: {}, monoMs: 1000 });
    expect(Object.keys(events[0]!)).to.not.include('frameSeq');
  });

  it('error-code findings are semantics findings about an inbound frame, naming the action', async () => {
    for (const [version, code, expected] of [['1.6', 'FormatViolation', 'session.errorCodeOfOtherVersion'], ['2.0.1', 'Nope', 'session.unknownErrorCode']] as const) {
      const { ep, conn } = endpoint(version);
      const p = ep.call('Heartbeat', {});
      conn.deliver(`[4,"id1","${code}","",{}]`);
      await p;
      expect(ep.findings.map((f) => ({ code: f.code, layer: f.layer, direction: f.direction, action: f.action, messageId: f.messageId, frameSeq: f.frameSeq, severity: f.severity }))).to.deep.equal([
        { code: expected, layer: 'semantics', direction: 'in', action: 'Heartbeat', messageId: 'id1', frameSeq: 1, severity: 'error' },
      ]);
    }
  });

  it('a CALLRESULTERROR finding is a semantics warning about an inbound frame', async () => {
    const { ep, conn } = endpoint('2.1');
    conn.deliver('[5,"r9","InternalError","x",{}]');
    await settle();
    expect(ep.findings[0]).to.deep.include({ layer: 'semantics', direction: 'in', frameSeq: 1, messageId: 'r9', severity: 'warning', connectionId: 'c1' });
  });

  it('SEND and CALL payloads we send are checked as requests, answers as responses', async () => {
    const kinds: string[] = [];
    const check: MessageCheck = (action, kind) => { kinds.push(`${action}:${kind}`); return { findings: [], violations: [] }; };
    const { ep, conn } = endpoint('2.1', check);
    ep.send('NotifyPeriodicEventStream', {});
    const p = ep.call('Heartbeat', {});
    conn.deliver('[3,"id2",{}]');
    await p;
    expect(kinds).to.deep.equal(['NotifyPeriodicEventStream:request', 'Heartbeat:request', 'Heartbeat:response']);
  });

  it('unknown and unhandled actions: the finding says which, with its severity and direction', async () => {
    const { ep, conn } = endpoint('2.0.1');
    const withSender = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'cs', senderOf: () => 'csms' });
    conn.deliver('[2,"u1","Reset",{}]');
    await settle();
    expect(ep.findings.map((f) => [f.code, f.severity, f.direction, f.action, f.message])).to.deep.equal([['session.unknownAction', 'error', 'in', 'Reset', 'the peer sent Reset, which is not an OCPP 2.0.1 action']]);
    expect(withSender.findings.map((f) => [f.code, f.severity, f.message])).to.deep.equal([['session.unhandledAction', 'warning', 'the peer sent Reset, which this endpoint does not support']]);
    expect(conn.sentFrames().map((f) => [f[2], f[3]])).to.deep.equal([['NotImplemented', 'Reset is not implemented'], ['NotSupported', 'Reset is not supported']]);
  });

  it('a wrong-direction finding is a semantics finding about the inbound CALL', async () => {
    const conn = scriptedConnection();
    const ep = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'cs', senderOf: () => 'cs' });
    conn.deliver('[2,"b1","BootNotification",{}]');
    await settle();
    expect(ep.findings.map((f) => [f.code, f.layer, f.direction, f.action, f.messageId, f.frameSeq, f.severity])).to.deep.equal([['session.wrongDirection', 'semantics', 'in', 'BootNotification', 'b1', 1, 'error']]);
  });
});
