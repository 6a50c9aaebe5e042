import { expect } from 'chai';
import { OcppEndpoint, type MessageCheck } from '../../src/session/endpoint.js';
import { NoReply, RpcError } from '../../src/session/rpc-error.js';
import { memoryPair } from '../helpers/memory-connection.js';
import type { OcppVersion } from '../../src/protocol/versions.js';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** One endpoint and the raw other end of its connection (no endpoint answers there). */
function solo(version: OcppVersion = '2.0.1', callTimeoutMs = 1000) {
  const [ca, cb] = memoryPair();
  let n = 0;
  const ep = new OcppEndpoint({ connection: cb, version, role: 'cs', newMessageId: () => `s${++n}`, callTimeoutMs });
  return { ep, raw: ca, mine: cb };
}

function pair(version: OcppVersion = '2.0.1', opts: { check?: MessageCheck; callTimeoutMs?: number } = {}) {
  const [ca, cb] = memoryPair();
  let n = 0;
  const senderOf = (action: string) => ({ BootNotification: 'cs', Heartbeat: 'cs', Reset: 'csms', DataTransfer: 'both' } as const)[action as 'Reset'];
  const csms = new OcppEndpoint({ connection: ca, version, role: 'csms', senderOf, newMessageId: () => `m${++n}`, ...opts });
  const cs = new OcppEndpoint({ connection: cb, version, role: 'cs', senderOf, newMessageId: () => `s${++n}`, ...opts });
  return { csms, cs, ca, cb };
}

describe('session/endpoint', () => {
  it('matches a CALLRESULT to its CALL', async () => {
    const { csms, cs } = pair();
    csms.handle('Heartbeat', () => ({ currentTime: '2024-01-01T00:00:00Z' }));
    const out = await cs.call('Heartbeat', {});
    expect(out.status).to.equal('result');
    if (out.status === 'result') expect(out.payload).to.deep.equal({ currentTime: '2024-01-01T00:00:00Z' });
    expect(cs.findings).to.deep.equal([]);
  });

  it('keeps one CALL in flight: our second call waits for the first answer', async () => {
    const { csms, cs, cb, ca } = pair();
    let release!: () => void;
    csms.handle('Heartbeat', () => new Promise((r) => { release = () => r({ currentTime: '2024-01-01T00:00:00Z' }); }));
    const first = cs.call('Heartbeat', {});
    const second = cs.call('Heartbeat', {});
    await tick();
    expect(cb.sent).to.have.length(1);
    release();
    await first;
    await tick();
    expect(cb.sent).to.have.length(2);
    release();
    await second;
    expect(csms.findings.filter((f) => f.code === 'session.secondCall')).to.have.length(0);
    expect(ca.sent).to.have.length(2);
  });

  it('records a peer that sends a second CALL while one is unanswered, and still answers both', async () => {
    const { csms, cb, ca } = pair();
    const releases: Array<() => void> = [];
    csms.handle('Heartbeat', () => new Promise((r) => { releases.push(() => r({ currentTime: '2024-01-01T00:00:00Z' })); }));
    cb.send('[2,"x1","Heartbeat",{}]');
    await tick();
    cb.send('[2,"x2","Heartbeat",{}]');
    await tick();
    expect(csms.findings.map((f) => f.code)).to.include('session.secondCall');
    for (const release of releases) release();
    await tick();
    expect(ca.sent.map((t) => (JSON.parse(t) as unknown[])[1])).to.have.members(['x1', 'x2']);
  });

  it('records unknown, late and duplicate responses', async () => {
    const { ep: cs, raw: ca, mine } = solo('2.0.1', 20);
    ca.send('[3,"nobody",{}]');
    await tick();
    expect(cs.findings.map((f) => f.code)).to.deep.equal(['session.unknownResponse']);
    const out = await cs.call('Heartbeat', {});
    expect(out.status).to.equal('timeout');
    ca.send(`[3,"${out.messageId}",{"currentTime":"2024-01-01T00:00:00Z"}]`);
    await tick();
    expect(cs.findings.map((f) => f.code)).to.include('session.lateResponse');
    const p = cs.call('Heartbeat', {}, { timeoutMs: 1000 });
    await tick();
    const id = JSON.parse(mine.sent.at(-1)!)[1];
    ca.send(`[3,"${id}",{"currentTime":"2024-01-01T00:00:00Z"}]`);
    expect((await p).status).to.equal('result');
    ca.send(`[3,"${id}",{"currentTime":"2024-01-01T00:00:00Z"}]`);
    await tick();
    expect(cs.findings.map((f) => f.code)).to.include('session.duplicateResponse');
  });

  it('answers unknown actions NotImplemented and known unhandled ones NotSupported', async () => {
    const { csms, cb, ca } = pair();
    cb.send('[2,"u1","FlyToTheMoon",{}]');
    cb.send('[2,"u2","DataTransfer",{"vendorId":"x"}]');
    await tick(10);
    const replies = ca.sent.map((t) => JSON.parse(t) as unknown[]);
    expect(replies).to.deep.include([4, 'u1', 'NotImplemented', 'FlyToTheMoon is not implemented', {}]);
    expect(replies.find((r) => r[1] === 'u2')?.[2]).to.equal('NotSupported');
    expect(csms.findings.map((f) => f.code)).to.include.members(['session.unknownAction', 'session.unhandledAction']);
  });

  it('flags a CALL sent in the wrong direction', async () => {
    const { csms, cb, ca } = pair();
    cb.send('[2,"r1","Reset",{"type":"Immediate"}]');
    await tick();
    expect(JSON.parse(ca.sent[0]!)[2]).to.equal('NotSupported');
    expect(csms.findings.map((f) => f.code)).to.include('session.wrongDirection');
  });

  for (const [version, code] of [['1.6', 'FormationViolation'], ['2.0.1', 'RpcFrameworkError']] as const) {
    it(`answers an unreadable frame on a ${version} link with ${code} and id "-1"`, async () => {
      const { csms, cb, ca } = pair(version);
      cb.send('{not json');
      await tick();
      expect(JSON.parse(ca.sent[0]!)).to.deep.include.members([4, '-1', code]);
      expect(csms.findings[0]).to.include({ layer: 'framing', direction: 'in' });
    });
  }

  it('spells handler errors for the negotiated version', async () => {
    for (const [version, code] of [['1.6', 'OccurenceConstraintViolation'], ['2.0.1', 'OccurrenceConstraintViolation']] as const) {
      const { csms, cb, ca } = pair(version);
      csms.handle('BootNotification', () => { throw new RpcError('occurrenceConstraintViolation', 'missing field'); });
      cb.send('[2,"b1","BootNotification",{}]');
      await tick();
      expect(JSON.parse(ca.sent[0]!)).to.deep.equal([4, 'b1', code, 'missing field', {}]);
    }
  });

  it('answers a schema violation with the kind of the violation, before the handler runs', async () => {
    let ran = false;
    const check: MessageCheck = (_a, kind, payload) =>
      kind === 'request' && !('reason' in payload)
        ? { findings: [{ layer: 'schema', severity: 'error', code: 'schema.required', message: 'reason is required' }], violations: [{ kind: 'occurrenceConstraintViolation', message: 'reason is required' }] }
        : { findings: [], violations: [] };
    const { csms, cb, ca } = pair('2.0.1', { check });
    csms.handle('BootNotification', () => { ran = true; return {}; });
    cb.send('[2,"b1","BootNotification",{}]');
    await tick();
    expect(ran).to.equal(false);
    expect(JSON.parse(ca.sent[0]!)[2]).to.equal('OccurrenceConstraintViolation');
    expect(csms.findings[0]).to.include({ layer: 'schema', code: 'schema.required', messageId: 'b1', direction: 'in', frameSeq: 1 });
  });

  it('records an error code spelled as in another version', async () => {
    const { ep: cs, raw: ca, mine } = solo('2.0.1');
    const p = cs.call('Heartbeat', {});
    await tick();
    const id = JSON.parse(mine.sent[0]!)[1];
    ca.send(`[4,"${id}","FormationViolation","",{}]`);
    const out = await p;
    expect(out.status).to.equal('error');
    expect(cs.findings.map((f) => f.code)).to.deep.equal(['session.errorCodeOfOtherVersion']);
  });

  it('resolves the open call as closed when the connection drops', async () => {
    const { cs, cb } = pair();
    const p = cs.call('Heartbeat', {});
    const q = cs.call('Heartbeat', {});
    cb.close(1006, 'gone');
    expect((await p).status).to.equal('closed');
    expect((await q).status).to.equal('closed');
    expect(cs.closed).to.equal(true);
    let err: unknown;
    try { await cs.call('Heartbeat', {}); } catch (e) { err = e; }
    expect(err).to.have.property('code', 'E_NOT_CONNECTED');
  });

  it('sends nothing when a handler throws NoReply, and takes the next CALL as a new one', async () => {
    const { csms, cs, ca } = pair('2.0.1', { callTimeoutMs: 30 });
    csms.handle('Heartbeat', () => {
      throw new NoReply();
    });
    const first = await cs.call('Heartbeat', {});
    expect(first.status).to.equal('timeout');
    const second = await cs.call('Heartbeat', {});
    expect(second.status).to.equal('timeout');
    expect(ca.sent).to.have.length(0);
    expect(csms.findings.map((f) => f.code)).to.not.include('session.secondCall');
  });

  it('runs after-response hooks once the response is on the wire', async () => {
    const { csms, cs, ca } = pair();
    let sentBefore = -1;
    csms.handle('BootNotification', (call) => {
      call.after(() => { sentBefore = ca.sent.length; });
      return { status: 'Accepted', currentTime: '2024-01-01T00:00:00Z', interval: 10 };
    });
    await cs.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } });
    await tick();
    expect(sentBefore).to.equal(1);
  });
});
