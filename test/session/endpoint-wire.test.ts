/**
 * The endpoint as the peer sees it on the wire: for each inbound frame, exactly what is sent
 * back (and that nothing is sent where OCPP-J says no reply), which finding is made, and what
 * the call in flight resolves to. A scripted connection plays the peer; a manual clock makes the
 * figures exact.
 */
import { expect } from 'chai';
import { OcppEndpoint, type EndpointOptions, type SessionEvent } from '../../src/session/endpoint.js';
import { RpcError } from '../../src/session/rpc-error.js';
import type { JsonObject } from '../../src/protocol/frames.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

const senders = { BootNotification: 'cs', Heartbeat: 'cs', Reset: 'csms', DataTransfer: 'both' } as const;

function endpoint(version: OcppVersion = '2.0.1', role: Role = 'cs', extra: Partial<EndpointOptions> = {}) {
  const conn = scriptedConnection();
  const clock = manualClock();
  let n = 0;
  const events: SessionEvent[] = [];
  const ep = new OcppEndpoint({
    connection: conn,
    version,
    role,
    clock,
    senderOf: (action) => senders[action as keyof typeof senders],
    newMessageId: () => `id${++n}`,
    callTimeoutMs: 1000,
    ...extra,
  });
  ep.onEvent((e) => events.push(e));
  const codes = (): string[] => ep.findings.map((f) => f.code);
  return { ep, conn, clock, events, codes };
}

describe('session/endpoint on the wire', () => {
  describe('responses to our CALL', () => {
    it('a response with another message id is not the answer to the call in flight', async () => {
      const { ep, conn, codes } = endpoint();
      const p = ep.call('Heartbeat', {});
      conn.deliver('[3,"not-id1",{"currentTime":"wrong"}]');
      await settle();
      let settled = false;
      void p.then(() => { settled = true; });
      await settle();
      expect(settled).to.equal(false);
      expect(codes()).to.deep.equal(['session.unknownResponse']);
      expect(ep.findings[0]).to.include({ layer: 'semantics', messageId: 'not-id1', direction: 'in', frameSeq: 1, connectionId: 'c1' });
      expect(ep.findings[0]!.message).to.equal('a response with message id "not-id1" that matches no CALL we sent');
      conn.deliver('[3,"id1",{"currentTime":"right"}]');
      const out = await p;
      expect(out).to.deep.include({ status: 'result', messageId: 'id1', payload: { currentTime: 'right' }, action: 'Heartbeat' });
    });

    it('a CALLERROR with another message id does not settle the call either', async () => {
      const { ep, conn, codes } = endpoint();
      const p = ep.call('Heartbeat', {});
      conn.deliver('[4,"zzz","GenericError","",{}]');
      await settle();
      conn.deliver('[4,"id1","GenericError","busy",{"why":1}]');
      const out = await p;
      expect(out).to.deep.include({ status: 'error', errorCode: 'GenericError', errorDescription: 'busy', errorDetails: { why: 1 }, messageId: 'id1' });
      expect(codes()).to.deep.equal(['session.unknownResponse']);
    });

    it('measures the round trip on the injected clock and emits callOut / resultIn with it', async () => {
      const { ep, conn, clock, events } = endpoint();
      const p = ep.call('Heartbeat', { a: 1 });
      expect(conn.sentFrames()).to.deep.equal([[2, 'id1', 'Heartbeat', { a: 1 }]]);
      clock.advance(250);
      conn.deliver('[3,"id1",{}]');
      const out = await p;
      expect(out).to.deep.equal({ status: 'result', action: 'Heartbeat', messageId: 'id1', payload: {}, findings: [], rttMs: 250 });
      expect(events).to.deep.equal([
        { type: 'callOut', action: 'Heartbeat', messageId: 'id1', payload: { a: 1 }, monoMs: 1000 },
        { type: 'resultIn', action: 'Heartbeat', messageId: 'id1', payload: {}, monoMs: 1250, frameSeq: 1 },
      ]);
    });

    it('a CALLERROR outcome carries the round trip and an errorIn event', async () => {
      const { ep, conn, clock, events } = endpoint();
      const p = ep.call('Heartbeat', {});
      clock.advance(40);
      conn.deliver('[4,"id1","NotSupported","no",{}]');
      expect(await p).to.deep.equal({ status: 'error', action: 'Heartbeat', messageId: 'id1', errorCode: 'NotSupported', errorDescription: 'no', errorDetails: {}, rttMs: 40 });
      expect(events.at(-1)).to.deep.equal({ type: 'errorIn', action: 'Heartbeat', messageId: 'id1', errorCode: 'NotSupported', errorDescription: 'no', monoMs: 1040, frameSeq: 1 });
    });

    it('uses the caller-chosen message id', async () => {
      const { ep, conn } = endpoint();
      const p = ep.call('Heartbeat', {}, { messageId: 'mine-7' });
      expect(conn.sentFrames()[0]![1]).to.equal('mine-7');
      conn.deliver('[3,"mine-7",{}]');
      expect((await p).messageId).to.equal('mine-7');
    });

    it('times out with the time waited, and then calls the answer late', async () => {
      const { ep, conn, clock, codes } = endpoint('2.0.1', 'cs', { callTimeoutMs: 15 });
      const p = ep.call('Heartbeat', {});
      clock.advance(15);
      expect(await p).to.deep.equal({ status: 'timeout', action: 'Heartbeat', messageId: 'id1', waitedMs: 15 });
      conn.deliver('[3,"id1",{}]');
      await settle();
      expect(codes()).to.deep.equal(['session.lateResponse']);
      expect(ep.findings[0]).to.include({ action: 'Heartbeat', message: 'a response to our Heartbeat (id1) after we stopped waiting for it' });
    });

    it('a second answer is a duplicate, named with the action', async () => {
      const { ep, conn } = endpoint();
      const p = ep.call('Heartbeat', {});
      conn.deliver('[3,"id1",{}]');
      await p;
      conn.deliver('[4,"id1","GenericError","",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.action, f.message])).to.deep.equal([['session.duplicateResponse', 'Heartbeat', 'a second response to our Heartbeat (id1)']]);
    });

    it('remembers only the configured number of answered ids, forgetting the oldest', async () => {
      const { ep, conn, codes } = endpoint('2.0.1', 'cs', { rememberedIds: 1 });
      for (const id of ['id1', 'id2']) {
        const p = ep.call('Heartbeat', {});
        conn.deliver(`[3,"${id}",{}]`);
        await p;
      }
      conn.deliver('[3,"id1",{}]');
      conn.deliver('[3,"id2",{}]');
      await settle();
      expect(codes()).to.deep.equal(['session.unknownResponse', 'session.duplicateResponse']);
    });
  });

  describe('CALLERROR codes', () => {
    const errorFor = async (version: OcppVersion, code: string) => {
      const { ep, conn, codes } = endpoint(version);
      const p = ep.call('Heartbeat', {});
      conn.deliver(`[4,"id1","${code}","",{}]`);
      const out = await p;
      expect(out.status).to.equal('error');
      return { codes: codes(), findings: ep.findings };
    };

    it('flags a code that is no OCPP-J error code at all', async () => {
      const { codes, findings } = await errorFor('2.0.1', 'Kaputt');
      expect(codes).to.deep.equal(['session.unknownErrorCode']);
      expect(findings[0]).to.include({ action: 'Heartbeat', messageId: 'id1', direction: 'in', frameSeq: 1, message: 'error code "Kaputt" is not an OCPP 2.0.1 RPC framework error code' });
    });

    it('flags a 2.0.1 spelling on a 1.6 link, naming the version it belongs to', async () => {
      const { codes, findings } = await errorFor('1.6', 'FormatViolation');
      expect(codes).to.deep.equal(['session.errorCodeOfOtherVersion']);
      expect(findings[0]!.message).to.equal('error code "FormatViolation" is spelled as in OCPP 2.0.1; on an OCPP 1.6 link it is not a valid error code');
      expect((await errorFor('1.6', 'RpcFrameworkError')).codes).to.deep.equal(['session.errorCodeOfOtherVersion']);
    });

    it('accepts every code of the link version, including the 1.6 spellings on 1.6', async () => {
      for (const code of ['FormationViolation', 'OccurenceConstraintViolation', 'GenericError', 'NotImplemented']) expect((await errorFor('1.6', code)).codes, code).to.deep.equal([]);
      for (const code of ['FormatViolation', 'RpcFrameworkError', 'MessageTypeNotSupported', 'SecurityError']) expect((await errorFor('2.0.1', code)).codes, code).to.deep.equal([]);
    });
  });

  describe('broken frames from the peer', () => {
    it('a malformed CALL with a readable id is answered with a CALLERROR carrying that id', async () => {
      const { conn, codes, ep } = endpoint();
      conn.deliver('[2,"m1","Heartbeat",{},{}]');
      await settle();
      expect(conn.sentFrames()).to.deep.equal([[4, 'm1', 'RpcFrameworkError', 'a CALL has 4 elements, got 5', {}]]);
      expect(codes()).to.deep.equal(['framing.rpcFrameworkError']);
      expect(ep.findings[0]).to.include({ layer: 'framing', messageId: 'm1', direction: 'in', frameSeq: 1, message: 'invalid frame from the peer: a CALL has 4 elements, got 5' });
    });

    it('names the action of a CALL whose payload is not an object', async () => {
      const { conn, ep } = endpoint('1.6');
      conn.deliver('[2,"m1","Heartbeat",7]');
      await settle();
      expect(conn.sentFrames()[0]!.slice(0, 3)).to.deep.equal([4, 'm1', 'FormationViolation']);
      expect(ep.findings[0]).to.include({ code: 'framing.formatViolation', action: 'Heartbeat' });
    });

    it('a broken CALLRESULT or CALLERROR gets no answer on 1.6 and 2.0.1', async () => {
      for (const version of ['1.6', '2.0.1'] as const) {
        const { conn, codes } = endpoint(version);
        conn.deliver('[3,"m1",{},{}]');
        conn.deliver('[4,"m2","GenericError"]');
        await settle();
        expect(conn.sent, version).to.deep.equal([]);
        expect(codes()).to.have.length(2);
      }
    });

    it('2.1: a broken CALLRESULT is answered with CALLRESULTERROR, a broken CALL still with CALLERROR', async () => {
      const { conn } = endpoint('2.1');
      conn.deliver('[3,"r1","x"]');
      conn.deliver('[2,"c1","Heartbeat"]');
      conn.deliver('[6,"s1","NotifyPeriodicEventStream"]');
      conn.deliver('[5,"e1","GenericError"]');
      await settle();
      expect(conn.sentFrames().map((f) => f.slice(0, 3))).to.deep.equal([[5, 'r1', 'FormatViolation'], [4, 'c1', 'RpcFrameworkError']]);
    });

    it('an unknown message type is answered MessageTypeNotSupported', async () => {
      const { conn } = endpoint();
      conn.deliver('[6,"s1","NotifyPeriodicEventStream",{}]');
      await settle();
      expect(conn.sentFrames()[0]!.slice(0, 3)).to.deep.equal([4, 's1', 'MessageTypeNotSupported']);
    });

    it('emits the reply it sends as errorOut', async () => {
      const { conn, events } = endpoint();
      conn.deliver('not json');
      await settle();
      const out = events.filter((e) => e.type === 'errorOut');
      expect(out).to.have.length(1);
      expect(out[0]).to.deep.include({ messageId: '-1', errorCode: 'RpcFrameworkError', action: undefined, monoMs: 1000 });
    });
  });

  describe('2.1 SEND and CALLRESULTERROR', () => {
    it('send() puts a SEND frame on the wire and waits for nothing', async () => {
      const { ep, conn } = endpoint('2.1');
      const id = ep.send('NotifyPeriodicEventStream', { id: 1 });
      expect(id).to.equal('id1');
      expect(conn.sentFrames()).to.deep.equal([[6, 'id1', 'NotifyPeriodicEventStream', { id: 1 }]]);
      const p = ep.call('Heartbeat', {});
      expect(conn.sentFrames()[1]).to.deep.equal([2, 'id2', 'Heartbeat', {}]);
      conn.deliver('[3,"id2",{}]');
      expect((await p).status).to.equal('result');
    });

    it('an inbound SEND reaches its handler, is journaled as sendIn, and gets no reply', async () => {
      const { ep, conn, events } = endpoint('2.1', 'csms');
      const got: unknown[] = [];
      ep.handleSend('NotifyPeriodicEventStream', (s) => { got.push([s.action, s.messageId, s.payload, s.findings]); });
      conn.deliver('[6,"s1","NotifyPeriodicEventStream",{"id":3}]');
      conn.deliver('[6,"s2","SomethingElse",{}]');
      await settle();
      expect(got).to.deep.equal([['NotifyPeriodicEventStream', 's1', { id: 3 }, []]]);
      expect(events.filter((e) => e.type === 'sendIn')).to.deep.equal([
        { type: 'sendIn', action: 'NotifyPeriodicEventStream', messageId: 's1', payload: { id: 3 }, monoMs: 1000, frameSeq: 1 },
        { type: 'sendIn', action: 'SomethingElse', messageId: 's2', payload: {}, monoMs: 1000, frameSeq: 2 },
      ]);
      expect(conn.sent).to.deep.equal([]);
      expect(ep.findings).to.deep.equal([]);
    });

    it('an inbound CALLRESULTERROR is a warning about our response, is not answered, and settles no call', async () => {
      const { ep, conn, events } = endpoint('2.1');
      const p = ep.call('Heartbeat', {});
      conn.deliver('[5,"id1","FormatViolation","bad result",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.severity, f.messageId, f.message])).to.deep.equal([
        ['session.callResultError', 'warning', 'id1', 'the peer rejected our response id1: FormatViolation bad result'],
      ]);
      expect(events.find((e) => e.type === 'errorIn')).to.deep.equal({ type: 'errorIn', action: undefined, messageId: 'id1', errorCode: 'FormatViolation', errorDescription: 'bad result', monoMs: 1000, frameSeq: 1 });
      expect(conn.sent).to.have.length(1);
      conn.deliver('[3,"id1",{}]');
      expect((await p).status).to.equal('result');
    });
  });

  describe('direction of inbound CALLs', () => {
    it('station side: a CSMS that sends BootNotification is flagged and refused', async () => {
      const { ep, conn } = endpoint('2.0.1', 'cs');
      conn.deliver('[2,"b1","BootNotification",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.message])).to.deep.equal([
        ['session.wrongDirection', 'BootNotification is sent by the charging station in OCPP 2.0.1, not by the CSMS'],
      ]);
      expect(conn.sentFrames()).to.deep.equal([[4, 'b1', 'NotSupported', 'BootNotification is not accepted from this side', {}]]);
    });

    it('station side: Reset from the CSMS is the right direction and reaches the handler', async () => {
      const { ep, conn } = endpoint('2.0.1', 'cs');
      ep.handle('Reset', () => ({ status: 'Accepted' }));
      conn.deliver('[2,"r1","Reset",{"type":"Immediate"}]');
      await settle();
      conn.deliver('[2,"d1","DataTransfer",{}]');
      await settle();
      expect(ep.findings.map((f) => f.code)).to.deep.equal(['session.unhandledAction']);
      expect(conn.sentFrames()[0]).to.deep.equal([3, 'r1', { status: 'Accepted' }]);
      expect(conn.sentFrames()[1]!.slice(0, 3)).to.deep.equal([4, 'd1', 'NotSupported']);
    });

    it('CSMS side: Reset from the station is flagged; with a handler it is still answered by it', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      ep.handle('Reset', () => ({ status: 'Rejected' }));
      conn.deliver('[2,"r1","Reset",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.message])).to.deep.equal([
        ['session.wrongDirection', 'Reset is sent by the CSMS in OCPP 2.0.1, not by the charging station'],
      ]);
      expect(conn.sentFrames()).to.deep.equal([[3, 'r1', { status: 'Rejected' }]]);
    });

    it('an action of unknown direction is not judged for direction', async () => {
      const { ep, conn } = endpoint('2.0.1', 'cs');
      conn.deliver('[2,"u1","Teleport",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.severity])).to.deep.equal([['session.unknownAction', 'error']]);
      expect(conn.sentFrames()).to.deep.equal([[4, 'u1', 'NotImplemented', 'Teleport is not implemented', {}]]);
    });
  });

  describe('handlers', () => {
    it('the default handler answers actions without their own', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      ep.handleDefault((call) => ({ echoed: call.action }));
      conn.deliver('[2,"h1","Heartbeat",{}]');
      await settle();
      expect(conn.sentFrames()).to.deep.equal([[3, 'h1', { echoed: 'Heartbeat' }]]);
      expect(ep.findings).to.deep.equal([]);
    });

    it('an RpcError keeps its details; any other throw is InternalError plus a finding', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      ep.handle('Heartbeat', () => { throw new RpcError('securityError', 'no', { k: 'v' }); });
      ep.handle('BootNotification', () => { throw new Error('boom'); });
      conn.deliver('[2,"h1","Heartbeat",{}]');
      await settle();
      conn.deliver('[2,"b1","BootNotification",{}]');
      await settle();
      expect(conn.sentFrames()).to.deep.equal([[4, 'h1', 'SecurityError', 'no', { k: 'v' }], [4, 'b1', 'InternalError', 'the handler failed', {}]]);
      expect(ep.findings.map((f) => [f.code, f.layer, f.message])).to.deep.equal([['session.handlerFailed', 'transport', 'handling BootNotification failed: boom']]);
    });

    it('records a failing after-hook and still runs the next one', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      const ran: string[] = [];
      ep.handle('Heartbeat', (call) => {
        call.after(() => { throw new Error('hook'); });
        call.after(() => { ran.push(`after, ${conn.sent.length} sent`); });
        return {};
      });
      conn.deliver('[2,"h1","Heartbeat",{}]');
      await settle();
      await settle();
      expect(ran).to.deep.equal(['after, 1 sent']);
      expect(ep.findings.map((f) => [f.code, f.messageId, f.action])).to.deep.equal([['session.afterFailed', 'h1', 'Heartbeat']]);
    });

    it('answers nothing when the connection closed while the handler ran', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      let release!: (v: JsonObject) => void;
      ep.handle('Heartbeat', () => new Promise((r) => { release = r; }));
      conn.deliver('[2,"h1","Heartbeat",{}]');
      await settle();
      conn.drop(1006, 'gone');
      release({});
      await settle();
      expect(conn.sent).to.deep.equal([]);
      expect(ep.closed).to.equal(true);
    });

    it('a second CALL while one is open is flagged with both ids, and the open one is cleared after', async () => {
      const { ep, conn } = endpoint('2.0.1', 'csms');
      let release!: (v: JsonObject) => void;
      ep.handle('Heartbeat', () => new Promise((r) => { release = r; }));
      ep.handle('BootNotification', () => ({}));
      conn.deliver('[2,"h1","Heartbeat",{}]');
      await settle();
      conn.deliver('[2,"b1","BootNotification",{}]');
      await settle();
      release({});
      await settle();
      conn.deliver('[2,"b2","BootNotification",{}]');
      await settle();
      expect(ep.findings.map((f) => [f.code, f.messageId, f.message])).to.deep.equal([
        ['session.secondCall', 'b1', 'the peer sent BootNotification (b1) while its CALL h1 was still unanswered; OCPP-J allows one CALL in flight per direction'],
      ]);
    });
  });
});
