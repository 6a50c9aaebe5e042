import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { dial } from '../../src/transport/client.js';
import type { OcppServer } from '../../src/transport/server.js';
import { WireLog, type FrameEntry, type WireEntry } from '../../src/transport/wire-log.js';
import { collectTexts, startServer, waitFor } from './support.js';

function fakeClock(): Clock {
  let mono = 1000.25;
  return { monoMs: () => (mono += 0.5), wallMs: () => Date.UTC(2024, 0, 1), sleep: async () => undefined };
}

describe('transport/wire-log', () => {
  it('numbers entries from 1 with the injected clock and exports parseable JSON Lines', () => {
    const log = new WireLog({ clock: fakeClock() });
    log.record({ kind: 'frame', connectionId: 'c1', direction: 'out', text: '[2,"1","Heartbeat",{}]', encoding: 'utf8' });
    log.record({ kind: 'close', connectionId: 'c1', code: 1000, reason: '', initiator: 'local' });
    const entries = log.entries();
    expect(entries.map((e) => e.seq)).to.deep.equal([1, 2]);
    expect(entries.map((e) => e.monoMs)).to.deep.equal([1000.75, 1001.25]);
    expect(entries[0]?.wallTime).to.equal('2024-01-01T00:00:00.000Z');
    const lines = log.toJsonLines().trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as WireEntry)).to.deep.equal(entries);
    expect(log.toJsonLines((e) => e.kind === 'close').split('\n').filter(Boolean)).to.have.length(1);
    expect(log.since(1).map((e) => e.seq)).to.deep.equal([2]);
  });

  it('notifies subscribers until they unsubscribe, and survives a throwing listener', () => {
    const log = new WireLog();
    const seen: number[] = [];
    log.onEntry(() => {
      throw new Error('bad listener');
    });
    const off = log.onEntry((e) => seen.push(e.seq));
    log.record({ kind: 'error', connectionId: 'c1', message: 'a' });
    off();
    log.record({ kind: 'error', connectionId: 'c1', message: 'b' });
    expect(seen).to.deep.equal([1]);
    expect(log.entries()).to.have.length(2);
  });

  it('applies a redactor to frames and marks them', () => {
    const log = new WireLog({ redact: (t) => t.replace(/"value":"[^"]*"/, '"value":"***"') });
    const e = log.record({ kind: 'frame', connectionId: 'c1', direction: 'out', text: '{"key":"AuthorizationKey","value":"s3cret"}', encoding: 'utf8' });
    expect(e).to.include({ text: '{"key":"AuthorizationKey","value":"***"}', redacted: true });
    expect(log.toJsonLines()).not.to.contain('s3cret');
  });

  describe('over a real connection', () => {
    let server: OcppServer | undefined;
    afterEach(async () => server?.close());

    it('records raw text byte-exact, in order, with increasing sub-ms monotonic timestamps', async () => {
      const log = new WireLog();
      const started = await startServer({ wireLog: log });
      server = started.server;
      const accepted = server.nextConnection(3_000);
      const client = await dial(started.url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'], wireLog: log });
      const conn = await accepted;
      const received = collectTexts(conn);
      const odd = [' [2 ,\t"ü-1",\n"Heartbeat" , {}]  ', '[2,"2","DataTransfer",{"data":"€ 😀 \\u0000"}]', ''];
      for (const text of odd) client.send(text);
      await waitFor(() => received.length === odd.length);
      expect(received).to.deep.equal(odd);
      const frames = log.entries().filter((e): e is FrameEntry => e.kind === 'frame');
      expect(frames.filter((f) => f.direction === 'out').map((f) => f.text)).to.deep.equal(odd);
      expect(frames.filter((f) => f.direction === 'in').map((f) => f.text)).to.deep.equal(odd);
      const all = log.entries();
      for (let i = 1; i < all.length; i++) {
        expect(all[i]!.seq).to.equal(all[i - 1]!.seq + 1);
        expect(all[i]!.monoMs).to.be.at.least(all[i - 1]!.monoMs);
      }
      // each 'out' is recorded before its 'in' twin
      expect(all.findIndex((e) => e.kind === 'frame' && e.direction === 'out')).to.be.lessThan(
        all.findIndex((e) => e.kind === 'frame' && e.direction === 'in'),
      );
      expect(all.filter((e) => e.kind === 'open').map((e) => e.connectionId)).to.deep.equal(['c1', 'c2']);
      await client.close();
    });
  });
});
