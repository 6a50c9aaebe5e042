/**
 * The fault kinds issue #16 added to the injector (a named message, the n-th frame, duplicate,
 * reorder, close after a named message, slow reader) and the `--fault` spec language.
 */
import { expect } from 'chai';
import { dial } from '../../src/transport/client.js';
import type { Connection } from '../../src/transport/connection.js';
import { parseFaultSpec } from '../../src/transport/fault-spec.js';
import { injectFaults } from '../../src/transport/faults.js';
import type { OcppServer } from '../../src/transport/server.js';
import type { FaultEntry } from '../../src/transport/wire-log.js';
import { collectTexts, startServer, waitFor } from './support.js';

const call = (id: string, action: string): string => JSON.stringify([2, id, action, {}]);

describe('transport/faults: issue #16 kinds', () => {
  let server: OcppServer;
  let client: Connection;
  let peer: Connection;
  let received: string[];

  beforeEach(async () => {
    const started = await startServer();
    server = started.server;
    const accepted = server.nextConnection(3_000);
    client = await dial(started.url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'], wireLog: server.wireLog });
    peer = await accepted;
    received = collectTexts(peer);
  });
  afterEach(async () => {
    await client.close();
    await server.close();
  });
  const faults = (): FaultEntry[] => server.wireLog.entries().filter((e): e is FaultEntry => e.kind === 'fault');

  it('drops every frame of a named action and the response to it, nothing else', async () => {
    const seen = collectTexts(client);
    injectFaults(client, { out: { drop: { action: 'StatusNotification' } }, in: { drop: { action: 'StatusNotification' } } });
    client.send(call('1', 'StatusNotification'));
    client.send(call('2', 'Heartbeat'));
    peer.send(JSON.stringify([3, '1', {}]));
    peer.send(JSON.stringify([3, '2', {}]));
    await waitFor(() => received.length === 1 && seen.length === 1);
    expect(received).to.deep.equal([call('2', 'Heartbeat')]);
    expect(seen).to.deep.equal([JSON.stringify([3, '2', {}])]);
    expect(faults().map((f) => [f.direction, f.fault])).to.deep.equal([['out', 'drop'], ['in', 'drop']]);
  });

  it('drops the n-th frame, duplicates and reorders', async () => {
    injectFaults(client, { out: { drop: { nth: [2] }, duplicate: { nth: [3] }, reorder: { nth: [4] } } });
    for (const t of ['a', 'b', 'c', 'd', 'e']) client.send(t);
    await waitFor(() => received.length === 5);
    expect(received).to.deep.equal(['a', 'c', 'c', 'e', 'd']);
    expect(faults().map((f) => f.fault)).to.deep.equal(['drop', 'duplicate', 'reorder']);
  });

  it('closes right after a named message passed', async () => {
    injectFaults(client, { close: { afterAction: 'BootNotification', direction: 'out' } });
    client.send(call('9', 'BootNotification'));
    await client.closed;
    expect(received).to.deep.equal([call('9', 'BootNotification')]);
    expect(faults().at(-1)?.fault).to.equal('close');
  });

  it('a slow reader hands frames on no closer than its gap', async () => {
    const seen: Array<{ text: string; at: number }> = [];
    client.onText((text) => seen.push({ text, at: Date.now() }));
    injectFaults(client, { in: { minGapMs: 150 } });
    for (const t of ['x', 'y', 'z']) peer.send(t);
    await waitFor(() => seen.length === 3, 3_000);
    expect(seen.map((s) => s.text)).to.deep.equal(['x', 'y', 'z']);
    const gaps = seen.slice(1).map((s, i) => s.at - (seen[i]?.at ?? 0));
    expect(Math.min(...gaps)).to.be.at.least(130);
  });
});

describe('transport/fault-spec', () => {
  it('reads latency with jitter per direction, probabilities, positions, actions, closes and the seed', () => {
    const p = parseFaultSpec('latency=300±200, drop=1%, dup=out:Heartbeat, reorder=in:#3, close-after=in:BootNotification, slow-reader=500, seed=42');
    expect(p.seed).to.equal(42);
    expect(p.plan.in?.delayMs).to.deep.equal({ minMs: 100, maxMs: 500 });
    expect(p.plan.out?.delayMs).to.deep.equal({ minMs: 100, maxMs: 500 });
    expect(p.plan.in?.drop).to.deep.equal({ probability: 0.01 });
    expect(p.plan.out?.duplicate).to.deep.equal({ action: 'Heartbeat' });
    expect(p.plan.in?.reorder).to.deep.equal({ nth: [3] });
    expect(p.plan.in?.minGapMs).to.equal(500);
    expect(p.plan.close).to.deep.equal({ afterAction: 'BootNotification', direction: 'in' });
    expect(parseFaultSpec('latency=out:50+-10').plan).to.deep.equal({ out: { delayMs: { minMs: 40, maxMs: 60 } } });
    expect(parseFaultSpec('reset-after=#5').plan.close).to.deep.equal({ afterFrames: 5, abrupt: true });
  });

  it('names the item it cannot read', () => {
    expect(() => parseFaultSpec('latency=fast')).to.throw(/latency=fast/);
    expect(() => parseFaultSpec('drop=150%')).to.throw(/at most 100%/);
    expect(() => parseFaultSpec('wobble=1')).to.throw(/unknown item "wobble"/);
    expect(() => parseFaultSpec('')).to.throw(/empty/);
  });
});
