import { expect } from 'chai';
import { dial } from '../../src/transport/client.js';
import type { Connection } from '../../src/transport/connection.js';
import { injectFaults, type FaultPlan } from '../../src/transport/faults.js';
import { seededRandom } from '../../src/transport/random.js';
import type { OcppServer } from '../../src/transport/server.js';
import type { FaultEntry, FrameEntry } from '../../src/transport/wire-log.js';
import { collectTexts, startServer, waitFor } from './support.js';

describe('transport/faults', () => {
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

  const frames = (direction: 'in' | 'out'): FrameEntry[] =>
    server.wireLog.entries().filter((e): e is FrameEntry => e.kind === 'frame' && e.direction === direction);
  const faults = (): FaultEntry[] => server.wireLog.entries().filter((e): e is FaultEntry => e.kind === 'fault');

  it('mulberry32 is deterministic per seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).to.deep.equal(xs);
    expect(c()).not.to.equal(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).to.be.true;
  });

  it('drop next N outbound: not recorded as sent, recorded as a fault', async () => {
    injectFaults(client, { out: { drop: { next: 2 } } });
    for (const t of ['a', 'b', 'c']) client.send(t);
    await waitFor(() => received.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(received).to.deep.equal(['c']);
    expect(frames('out').map((f) => f.text)).to.deep.equal(['c']);
    expect(faults().map((f) => [f.fault, f.text])).to.deep.equal([['drop', 'a'], ['drop', 'b']]);
  });

  it('drops inbound frames after recording their arrival', async () => {
    const seen = collectTexts(client);
    injectFaults(client, { in: { drop: { next: 1 } } });
    peer.send('x');
    peer.send('y');
    await waitFor(() => seen.length === 1);
    expect(seen).to.deep.equal(['y']);
    expect(frames('in').filter((f) => f.connectionId === client.id).map((f) => f.text)).to.deep.equal(['x', 'y']);
  });

  it('delays outbound frames, keeping order', async () => {
    injectFaults(client, { out: { delayMs: 80 } });
    const start = performance.now();
    client.send('1');
    client.send('2');
    await waitFor(() => received.length === 2);
    expect(performance.now() - start).to.be.at.least(75);
    expect(received).to.deep.equal(['1', '2']);
    expect(faults().filter((f) => f.fault === 'delay')).to.have.length(2);
  });

  for (const mode of ['truncate', 'flip', 'non-json'] as const) {
    it(`corrupts with ${mode}: the wire carries the corrupted text`, async () => {
      injectFaults(client, { out: { corrupt: { next: 1, mode } } }, { seed: 7 });
      const original = '[2,"1","Heartbeat",{}]';
      client.send(original);
      await waitFor(() => received.length === 1);
      expect(received[0]).not.to.equal(original);
      expect(frames('out')[0]?.text).to.equal(received[0]);
      expect(faults()[0]).to.include({ fault: 'corrupt', text: original });
      if (mode === 'truncate') expect(original.startsWith(received[0]!)).to.be.true;
      if (mode === 'flip') expect(received[0]).to.have.length(original.length);
    });
  }

  it('closes with a code after N frames', async () => {
    injectFaults(client, { close: { afterFrames: 2, direction: 'out', code: 4001, reason: 'fault' } });
    client.send('1');
    client.send('2');
    const info = await peer.closed;
    expect(info).to.include({ code: 4001, reason: 'fault' });
    expect(received).to.deep.equal(['1', '2']);
  });

  it('closes abruptly now: the peer sees 1006', async () => {
    injectFaults(client, {}).closeNow(1000, '', true);
    expect((await peer.closed).code).to.equal(1006);
  });

  it('same seed → same drops and corruptions; another seed differs', async () => {
    const plan: FaultPlan = { out: { drop: { probability: 0.4 }, corrupt: { probability: 0.3 } } };
    const run = (seed: number): string[] => {
      const sent: string[] = [];
      const fake = { wireLog: server.wireLog, id: 'fake', closed: new Promise(() => undefined), setInterceptor: (i: unknown) => {
        (fake as { i?: unknown }).i = i;
        return () => undefined;
      } };
      injectFaults(fake as unknown as Connection, plan, { seed });
      const interceptor = (fake as unknown as { i: { outbound: (t: string, f: (t: string) => void) => void } }).i;
      for (let n = 0; n < 40; n++) interceptor.outbound(`[2,"${n}","Heartbeat",{}]`, (t) => sent.push(t));
      return sent;
    };
    const first = run(1234);
    expect(run(1234)).to.deep.equal(first);
    expect(first.length).to.be.lessThan(40);
    expect(run(99)).not.to.deep.equal(first);
  });
});
