import { expect } from 'chai';
import type { Clock } from '../../src/clock.js';
import { WireLog, type WireLogSink } from '../../src/transport/wire-log.js';

const frame = (i: number) => ({ kind: 'frame' as const, connectionId: 'c1', direction: 'in' as const, text: `[2,"${i}","Heartbeat",{}]`, encoding: 'utf8' as const });

describe('transport/wire-log retention (issue #14)', () => {
  it('a capped log keeps at most maxEntries plus a quarter, the newest ones, and since() still counts seqs', () => {
    const log = new WireLog({ maxEntries: 100 });
    for (let i = 1; i <= 1000; i++) log.record(frame(i));
    expect(log.lastSeq).to.equal(1000);
    expect(log.retained).to.be.within(100, 125);
    const kept = log.entries();
    expect(kept.at(-1)?.seq).to.equal(1000);
    for (let i = 1; i < kept.length; i++) expect(kept[i]!.seq).to.equal(kept[i - 1]!.seq + 1);
    expect(log.since(990).map((e) => e.seq)).to.deep.equal([991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]);
    // A seq older than anything kept gives what is kept, not an error.
    expect(log.since(0)).to.have.length(log.retained);
  });

  it('release() lets finished entries go; the sink has had them all in full', () => {
    const lines: string[] = [];
    const sink: WireLogSink = { write: (l) => lines.push(l) };
    const log = new WireLog({ sink });
    expect(log.hasSink).to.equal(true);
    for (let i = 1; i <= 10; i++) log.record(frame(i));
    log.release(7);
    expect(log.entries().map((e) => e.seq)).to.deep.equal([8, 9, 10]);
    expect(log.since(8).map((e) => e.seq)).to.deep.equal([9, 10]);
    log.release(3); // already gone: nothing changes
    expect(log.retained).to.equal(3);
    log.record(frame(11));
    expect(log.since(10).map((e) => e.seq)).to.deep.equal([11]);
    expect(lines.map((l) => (JSON.parse(l) as { seq: number }).seq)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('wallTime is derived from wallMs when read and written into JSON', () => {
    let reads = 0;
    const clock: Clock = { monoMs: () => 1, wallMs: () => (reads++, Date.UTC(2024, 0, 2, 3, 4, 5, 6)), sleep: async () => undefined };
    const log = new WireLog({ clock });
    const entry = log.record(frame(1));
    expect(reads).to.equal(1);
    expect(entry.wallTime).to.equal('2024-01-02T03:04:05.006Z');
    const json = JSON.parse(JSON.stringify(entry)) as Record<string, unknown>;
    expect(json.wallTime).to.equal('2024-01-02T03:04:05.006Z');
    expect(Object.keys(json)).to.deep.equal(['kind', 'connectionId', 'direction', 'text', 'encoding', 'seq', 'monoMs', 'wallMs', 'wallTime']);
  });

  it('a listener added while an entry is dispatched first sees the next entry; one removed mid-dispatch still sees the current', () => {
    const log = new WireLog();
    const seen: string[] = [];
    let offB: () => void = () => undefined;
    log.onEntry((e) => {
      seen.push(`a${e.seq}`);
      if (e.seq === 1) log.onEntry((x) => seen.push(`c${x.seq}`));
      if (e.seq === 2) offB();
    });
    offB = log.onEntry((e) => seen.push(`b${e.seq}`));
    log.record(frame(1));
    log.record(frame(2));
    log.record(frame(3));
    expect(seen).to.deep.equal(['a1', 'b1', 'a2', 'b2', 'c2', 'a3', 'c3']);
  });
});
