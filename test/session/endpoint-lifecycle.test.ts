/**
 * The endpoint's own life: aborted calls (before and while in flight), sends that fail, the
 * connection closing with calls queued, the checks run on both directions with their findings
 * decorated, and observers that throw.
 */
import { expect } from 'chai';
import { OcppEndpoint, type MessageCheck, type SessionEvent } from '../../src/session/endpoint.js';
import { HarnessError, isHarnessError } from '../../src/errors.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

function endpoint(check?: MessageCheck) {
  const conn = scriptedConnection('conn-9');
  let n = 0;
  const ep = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'cs', clock: manualClock(), newMessageId: () => `id${++n}`, callTimeoutMs: 1000, ...(check ? { check } : {}) });
  return { ep, conn };
}

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (isHarnessError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('session/endpoint lifecycle', () => {
  it('a call aborted before it is sent rejects E_ABORTED, sends nothing, and the next call goes out', async () => {
    const { ep, conn } = endpoint();
    const first = ep.call('Heartbeat', {});
    const abort = new AbortController();
    const second = ep.call('Heartbeat', {}, { signal: abort.signal });
    const third = ep.call('Heartbeat', {});
    abort.abort();
    conn.deliver('[3,"id1",{}]');
    expect((await first).status).to.equal('result');
    expect(await rejection(second)).to.deep.equal({ code: 'E_ABORTED', message: 'call Heartbeat aborted before it was sent' });
    await settle();
    expect(conn.sentFrames().map((f) => f[1])).to.deep.equal(['id1', 'id2']);
    conn.deliver('[3,"id2",{}]');
    expect((await third).messageId).to.equal('id2');
  });

  it('a call aborted in flight rejects at once; its answer afterwards is late, and the queue moves on', async () => {
    const { ep, conn } = endpoint();
    const abort = new AbortController();
    const first = ep.call('Heartbeat', {}, { signal: abort.signal });
    const second = ep.call('Heartbeat', {});
    abort.abort();
    expect(await rejection(first)).to.deep.equal({ code: 'E_ABORTED', message: 'call Heartbeat aborted' });
    expect(conn.sentFrames().map((f) => f[1])).to.deep.equal(['id1', 'id2']);
    conn.deliver('[3,"id1",{}]');
    await settle();
    expect(ep.findings.map((f) => f.code)).to.deep.equal(['session.lateResponse']);
    conn.deliver('[3,"id2",{}]');
    expect((await second).status).to.equal('result');
  });

  it('a send that throws settles the call as closed, records why, and sends the next call', async () => {
    const { ep, conn } = endpoint();
    conn.failSends = true;
    const first = ep.call('Heartbeat', {});
    const out = await first;
    expect(out).to.deep.equal({ status: 'closed', action: 'Heartbeat', messageId: 'id1' });
    expect(ep.findings.map((f) => [f.code, f.layer, f.direction, f.message])).to.deep.equal([
      ['session.sendFailed', 'transport', 'out', 'sending Heartbeat failed: Error: socket is gone'],
    ]);
    conn.failSends = false;
    const second = ep.call('Heartbeat', {});
    expect(conn.sentFrames()).to.deep.equal([[2, 'id2', 'Heartbeat', {}]]);
    conn.deliver('[3,"id2",{}]');
    expect((await second).status).to.equal('result');
  });

  it('closing settles the call in flight and every queued one as closed, then refuses new calls', async () => {
    const { ep, conn } = endpoint();
    const events: SessionEvent[] = [];
    ep.onEvent((e) => events.push(e));
    const first = ep.call('Heartbeat', {});
    const queued = ep.call('BootNotification', {});
    conn.drop(1001, 'going away');
    expect(await first).to.deep.equal({ status: 'closed', action: 'Heartbeat', messageId: 'id1' });
    expect(await queued).to.deep.equal({ status: 'closed', action: 'BootNotification', messageId: '' });
    expect(events.at(-1)).to.deep.equal({ type: 'close', code: 1001, reason: 'going away' });
    conn.drop(1000, 'again');
    expect(events.filter((e) => e.type === 'close')).to.have.length(1);
    expect(await rejection(ep.call('Heartbeat', {}))).to.deep.equal({ code: 'E_NOT_CONNECTED', message: 'cannot call Heartbeat: the connection is closed' });
    expect(conn.sent).to.have.length(1);
  });

  it('close() and sendRaw() go straight to the connection', () => {
    const { ep, conn } = endpoint();
    ep.sendRaw('[2,"raw"');
    ep.close(4000, 'bye');
    expect(conn.sent).to.deep.equal(['[2,"raw"']);
    expect(conn.closedWith).to.deep.equal({ code: 4000, reason: 'bye' });
  });

  it('checks requests and responses both ways, and decorates findings with direction, ids and frame', async () => {
    const seen: string[] = [];
    const check: MessageCheck = (action, kind, payload, messageId) => {
      seen.push(`${action} ${kind} ${messageId}`);
      return 'bad' in payload
        ? { findings: [{ layer: 'format', severity: 'error', code: 'format.x', message: 'bad' }], violations: [] }
        : { findings: [], violations: [] };
    };
    const { ep, conn } = endpoint(check);
    ep.handle('Reset', () => ({ bad: 1 }));
    const p = ep.call('Heartbeat', { bad: 1 });
    conn.deliver('[3,"id1",{"bad":2}]');
    const out = await p;
    conn.deliver('[2,"r1","Reset",{"bad":3}]');
    await settle();
    expect(seen).to.deep.equal(['Heartbeat request id1', 'Heartbeat response id1', 'Reset request r1', 'Reset response r1']);
    expect(ep.findings.map((f) => [f.action, f.messageId, f.direction, f.frameSeq, f.connectionId])).to.deep.equal([
      ['Heartbeat', 'id1', 'out', undefined, 'conn-9'],
      ['Heartbeat', 'id1', 'in', 1, 'conn-9'],
      ['Reset', 'r1', 'in', 2, 'conn-9'],
      ['Reset', 'r1', 'out', undefined, 'conn-9'],
    ]);
    expect(out.status === 'result' && out.findings.map((f) => f.direction)).to.deep.equal(['in']);
  });

  it('answers a request with schema violations by the first kind, describing all of them', async () => {
    const check: MessageCheck = () => ({
      findings: [],
      violations: [{ kind: 'typeConstraintViolation', message: 'a is a string' }, { kind: 'occurrenceConstraintViolation', message: 'b is missing' }],
    });
    const { ep, conn } = endpoint(check);
    let ran = false;
    ep.handle('Reset', () => { ran = true; return {}; });
    conn.deliver('[2,"r1","Reset",{}]');
    await settle();
    expect(ran).to.equal(false);
    expect(conn.sentFrames()).to.deep.equal([[4, 'r1', 'TypeConstraintViolation', 'a is a string; b is missing', {}]]);
  });

  it('an observer that throws does not stop the exchange nor the other observers; unsubscribe works', async () => {
    const { ep, conn } = endpoint();
    const seen: string[] = [];
    ep.onEvent(() => { throw new Error('observer'); });
    const off = ep.onEvent((e) => seen.push(e.type));
    const p = ep.call('Heartbeat', {});
    conn.deliver('[3,"id1",{}]');
    expect((await p).status).to.equal('result');
    expect(seen).to.deep.equal(['callOut', 'resultIn']);
    off();
    const q = ep.call('Heartbeat', {});
    conn.deliver('[3,"id2",{}]');
    await q;
    expect(seen).to.have.length(2);
  });

  it('a failure inside frame handling becomes a session.internal finding, not a crash', async () => {
    const { ep, conn } = endpoint();
    ep.handleSend('X', () => { throw new Error('send handler'); });
    const ep21 = new OcppEndpoint({ connection: conn, version: '2.1', role: 'csms' });
    ep21.handleSend('X', () => { throw new Error('send handler'); });
    conn.deliver('[6,"s1","X",{}]');
    await settle();
    expect(ep21.findings.map((f) => [f.code, f.severity, f.frameSeq, f.message])).to.deep.equal([['session.internal', 'error', 1, 'the harness failed handling a frame: Error: send handler']]);
  });

  it('a connection that closes while the harness answers is a warning naming the frame, not an error of the DUT', async () => {
    const { conn } = endpoint();
    const ep21 = new OcppEndpoint({ connection: conn, version: '2.1', role: 'csms' });
    ep21.handleSend('X', () => { throw new HarnessError('E_NOT_CONNECTED', 'connection c6 is closing; cannot send'); });
    conn.deliver('[6,"s1","X",{}]');
    await settle();
    expect(ep21.findings.map((f) => [f.code, f.severity, f.frameSeq])).to.deep.equal([['session.answer-after-close', 'warning', 1]]);
    expect(ep21.findings[0]?.message).to.contain('the connection closed before the harness could answer frame 1');
  });
});
