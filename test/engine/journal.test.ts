/** The journal's waits: found at once, woken by a new entry (not at the deadline), from an index, deadline and abort. */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { Journal, type JournalEntry, type NewJournalEntry } from '../../src/engine/journal.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { manualClock, scriptedConnection, settle } from '../helpers/scripted-connection.js';

const call = (action: string, monoMs = 1): NewJournalEntry => ({ kind: 'callIn' as const, connectionId: 'c', monoMs, action, messageId: action, payload: {} });
const isAction = (action: string) => (e: JournalEntry) => 'action' in e && e.action === action;

describe('engine/journal', () => {
  it('numbers entries in order and slices them', () => {
    const j = new Journal(systemClock);
    expect(j.add(call('A')).index).to.equal(0);
    expect(j.add(call('B')).index).to.equal(1);
    expect(j.length).to.equal(2);
    expect(j.entries(1).map((e) => e.index)).to.deep.equal([1]);
    expect(j.entries(0, 1).map((e) => e.index)).to.deep.equal([0]);
    expect(j.at(1)).to.include({ action: 'B' });
    expect(j.at(2)).to.equal(undefined);
  });

  it('finds an entry already there without waiting, starting at `from`', async () => {
    const j = new Journal(systemClock);
    j.add(call('A'));
    j.add(call('B'));
    j.add(call('A'));
    const hit = await j.waitFor(isAction('A'), { from: 1, deadlineMono: systemClock.monoMs() + 3000 });
    expect(hit?.index).to.equal(2);
  });

  it('wakes up on a new matching entry long before its deadline, skipping non-matching ones', async () => {
    const j = new Journal(systemClock);
    const started = performance.now();
    setTimeout(() => { j.add(call('B')); j.add(call('A')); }, 10);
    const hit = await j.waitFor(isAction('A'), { from: 0, deadlineMono: systemClock.monoMs() + 3000 });
    expect(hit?.index).to.equal(1);
    expect(performance.now() - started).to.be.below(1000);
  });

  it('gives undefined at the deadline, and at once on abort', async () => {
    const j = new Journal(systemClock);
    expect(await j.waitFor(isAction('A'), { from: 0, deadlineMono: systemClock.monoMs() + 5 })).to.equal(undefined);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 5);
    const started = performance.now();
    expect(await j.waitFor(isAction('A'), { from: 0, deadlineMono: systemClock.monoMs() + 3000, signal: abort.signal })).to.equal(undefined);
    expect(performance.now() - started).to.be.below(1000);
    j.add(call('A'));
  });

  it('follows an endpoint: calls, responses, errors, findings and the close become entries', async () => {
    const clock = manualClock(500);
    const j = new Journal(clock);
    const conn = scriptedConnection('k1');
    const ep = new OcppEndpoint({ connection: conn, version: '2.0.1', role: 'csms', clock, newMessageId: () => 'o1' });
    ep.handle('Heartbeat', () => ({ currentTime: 'now' }));
    const detach = j.attach(ep, { identity: 'CP1', subprotocol: 'ocpp2.0.1' });
    conn.deliver('[2,"h1","Heartbeat",{}]');
    await settle();
    const p = ep.call('Reset', { type: 'Immediate' });
    conn.deliver('[4,"o1","NotSupported","no",{}]');
    await p;
    conn.deliver('[3,"zz",{}]');
    await settle();
    conn.drop(1000, 'bye');
    const kinds = j.entries().map((e) => e.kind);
    expect(kinds).to.deep.equal(['connected', 'callIn', 'resultOut', 'callOut', 'errorIn', 'finding', 'disconnected']);
    expect(j.at(0)).to.deep.equal({ index: 0, kind: 'connected', connectionId: 'k1', monoMs: 500, identity: 'CP1', subprotocol: 'ocpp2.0.1' });
    expect(j.at(1)).to.deep.equal({ index: 1, kind: 'callIn', connectionId: 'k1', monoMs: 500, action: 'Heartbeat', messageId: 'h1', payload: {}, frameSeq: 1 });
    expect(j.at(2)).to.deep.equal({ index: 2, kind: 'resultOut', connectionId: 'k1', monoMs: 500, action: 'Heartbeat', messageId: 'h1', payload: { currentTime: 'now' } });
    expect(j.at(4)).to.deep.equal({ index: 4, kind: 'errorIn', connectionId: 'k1', monoMs: 500, action: 'Reset', messageId: 'o1', errorCode: 'NotSupported', errorDescription: 'no', frameSeq: 2 });
    expect(j.at(5)).to.deep.include({ kind: 'finding', connectionId: 'k1' });
    expect(j.at(6)).to.deep.equal({ index: 6, kind: 'disconnected', connectionId: 'k1', monoMs: 500, code: 1000, reason: 'bye' });
    detach();
  });

  it('journals a SEND, a CALLRESULT we got and a CALLERROR we sent under their own kinds', async () => {
    const clock = manualClock(7);
    const j = new Journal(clock);
    const conn = scriptedConnection('k2');
    const ep = new OcppEndpoint({ connection: conn, version: '2.1', role: 'csms', clock, newMessageId: () => 'o1' });
    j.attach(ep);
    conn.deliver('[6,"s1","NotifyPeriodicEventStream",{"id":1}]');
    await settle();
    const p = ep.call('Reset', {});
    conn.deliver('[3,"o1",{"status":"Accepted"}]');
    await p;
    conn.deliver('[2,"c1","Teleport",{}]');
    await settle();
    const kinds = j.entries().map((e) => e.kind);
    expect(kinds).to.deep.equal(['connected', 'sendIn', 'callOut', 'resultIn', 'callIn', 'finding', 'errorOut']);
    expect(j.at(1)).to.deep.equal({ index: 1, kind: 'sendIn', connectionId: 'k2', monoMs: 7, action: 'NotifyPeriodicEventStream', messageId: 's1', payload: { id: 1 }, frameSeq: 1 });
    expect(j.at(3)).to.deep.equal({ index: 3, kind: 'resultIn', connectionId: 'k2', monoMs: 7, action: 'Reset', messageId: 'o1', payload: { status: 'Accepted' }, frameSeq: 2 });
    expect(j.at(6)).to.deep.equal({ index: 6, kind: 'errorOut', connectionId: 'k2', monoMs: 7, action: undefined, messageId: 'c1', errorCode: 'NotImplemented', errorDescription: 'Teleport is not implemented' });
  });
});
