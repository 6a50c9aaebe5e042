/**
 * Issue #12 defect 2: every frame was kept whole in the wire log and the run model, so 70 frames
 * of 9 MB took RSS past 1.4 GB and JSON.stringify of the report hit V8's string limit (no
 * report at all). Here, at a size the suite can afford: frames above maxStoredFrameBytes are in
 * the report as head + sha256 + length, wire.jsonl (streamed as frames arrive) has them whole,
 * and the journal keeps a compacted payload. The full-size figure is scripts/rss-big-frames.ts.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../src/clock.js';
import { compactPayload, Journal } from '../../src/engine/journal.js';
import { dial } from '../../src/transport/client.js';
import { openEndpoint } from '../../src/session/open.js';
import { WireLog } from '../../src/transport/wire-log.js';
import { readReport, startCli, tempDirs } from './cli-process.js';

const bigFrameCases = fileURLToPath(new URL('../../scripts/fixtures/big-frames', import.meta.url));

describe('hostile: big frames, bounded memory', function () {
  this.timeout(60_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  it('the wire log keeps a head, the hash and the length of a frame above the limit, and streams it whole', () => {
    const lines: string[] = [];
    const log = new WireLog({ maxStoredFrameBytes: 1024, sink: { write: (l) => lines.push(l) } });
    const big = `[2,"1","DataTransfer",{"vendorId":"x","data":"${'é'.repeat(5000)}"}]`;
    const small = '[2,"2","Heartbeat",{}]';
    log.record({ kind: 'frame', connectionId: 'c1', direction: 'in', text: big, encoding: 'utf8' });
    log.record({ kind: 'frame', connectionId: 'c1', direction: 'in', text: small, encoding: 'utf8' });
    const [kept, untouched] = log.entries() as Array<{ text: string; stored?: { length: number; bytes: number; sha256: string } }>;
    expect(kept!.text).to.equal(big.slice(0, 1024));
    expect(kept!.stored).to.deep.include({ length: big.length, bytes: Buffer.byteLength(big), sha256: createHash('sha256').update(big).digest('hex') });
    expect(untouched).to.deep.include({ text: small }).and.not.have.property('stored');
    expect(lines.map((l) => (JSON.parse(l) as { text: string }).text)).to.deep.equal([big, small]);
  });

  it('the journal compacts an oversized payload and leaves a normal one as it is', () => {
    const payload = { vendorId: 'x', data: 'y'.repeat(100_000), list: Array.from({ length: 1000 }, (_, i) => i) };
    const compact = compactPayload(payload, 65_536) as { vendorId: string; data: string; list: unknown[] };
    expect(compact.vendorId).to.equal('x');
    expect(compact.data).to.have.length.below(1200).and.match(/100000 characters; not kept/);
    expect(compact.list).to.have.length(257);
    expect(payload.data).to.have.length(100_000);
    const normal = { idToken: { idToken: 'A', type: 'ISO14443' } };
    expect(compactPayload(normal, 65_536)).to.equal(normal);
    const journal = new Journal(systemClock, { maxPayloadBytes: 1024 });
    const entry = journal.add({ kind: 'callIn', connectionId: 'c1', monoMs: 0, action: 'DataTransfer', messageId: '1', payload });
    expect(JSON.stringify(entry).length).to.be.below(4000);
  });

  it('SUT=cs: a case receiving 12 frames of 1 MB writes a small report and a whole wire.jsonl', async () => {
    const dir = dirs.make();
    const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', bigFrameCases, '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--case-timeout', '60', '--report-dir', dir]);
    const url = (await cli.waitFor(/connect station CP001 to (ws:\/\/\S+)/))[1]!;
    const ep = openEndpoint(await dial(url, { subprotocols: ['ocpp2.0.1'] }), { role: 'cs', validate: false });
    try {
      await ep.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } });
      const data = 'z'.repeat(1024 * 1024);
      for (let i = 0; i < 12; i++) await ep.call('DataTransfer', { vendorId: 'org.test', messageId: String(i), data });
      await ep.call('Heartbeat', {});
      expect(await cli.exit, cli.err()).to.equal(0);
    } finally {
      ep.close();
    }
    const trace = readReport(dir).tests[0]!.trace as Array<{ text: string; stored?: { bytes: number; sha256: string } }>;
    const stored = trace.filter((f) => f.stored !== undefined);
    expect(stored).to.have.length(12);
    for (const f of stored) expect(f.text.length).to.be.at.most(1024);
    expect(readFileSync(join(dir, 'report.json'), 'utf8').length).to.be.below(1024 * 1024);
    const wire = readFileSync(join(dir, 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; text?: string });
    const whole = wire.filter((e) => e.kind === 'frame' && (e.text?.length ?? 0) > 1024 * 1024);
    expect(whole).to.have.length(12);
    expect(createHash('sha256').update(whole[0]!.text!).digest('hex')).to.equal(stored[0]!.stored!.sha256);
  });
});
