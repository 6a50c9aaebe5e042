import { expect } from 'chai';
import { connect } from 'node:net';
import { systemClock } from '../../src/clock.js';
import { TransferServers } from '../../src/engine/transfer.js';
import { download, upload } from '../../src/transport/transfer/client.js';

function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = connect(Number(port), hostname);
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });
}

const signalCounts = (): number[] => (['SIGTERM', 'SIGINT', 'SIGQUIT'] as const).map((s) => process.listenerCount(s));

describe('engine/transfer: the run\'s loopback file servers', () => {
  let servers: TransferServers | undefined;
  afterEach(async () => {
    await servers?.close();
    servers = undefined;
  });

  it('serves a file over http and ftp on 127.0.0.1 with per-run credentials, recording each attempt', async () => {
    const learnt: string[] = [];
    servers = new TransferServers({ clock: systemClock, learnSecret: (s) => learnt.push(s) });
    const t = await servers.service();
    expect(t.protocols).to.deep.equal(['http', 'ftp']);
    const http = t.serve('fw.bin', Buffer.from('image-1'));
    const ftp = t.serve('fw.bin', Buffer.from('image-1'), { protocol: 'ftp' });
    expect(http).to.match(/^http:\/\/127\.0\.0\.1:\d+\/files\/fw\.bin$/);
    expect(ftp).to.match(/^ftp:\/\/ocppconform:[^@]+@127\.0\.0\.1:\d+\/fw\.bin$/);
    expect(learnt).to.have.length(1);
    expect(ftp).to.include(encodeURIComponent(learnt[0] ?? 'x'));
    const a = await download(http);
    const b = await download(ftp);
    expect(a.ok && a.value.toString()).to.equal('image-1');
    expect(b.ok && b.value.toString()).to.equal('image-1');
    const downloads = t.attempts({ kind: 'download', name: 'fw.bin' });
    expect(downloads.map((d) => [d.protocol, d.ok])).to.deep.equal([['http', true], ['ftp', true]]);
    expect(t.attempts({ kind: 'login' }).map((l) => l.ok)).to.deep.equal([true]);
  });

  it('answers a deliberately missing file with 404 (ftp 550) and a wrong password with 401 / a refused login', async () => {
    servers = new TransferServers({ clock: systemClock });
    const t = await servers.service();
    const missing = t.serve('gone.bin', 'x', { failWith: 404 });
    const r = await download(missing);
    expect(r).to.deep.equal({ ok: false, reason: 'HTTP 404' });
    const ftpMissing = await download(t.serve('gone.bin', 'x', { protocol: 'ftp', failWith: 404 }));
    expect(ftpMissing.ok).to.equal(false);
    const wrong = t.serve('fw.bin', 'x').replace('http://', 'http://ocppconform:nope@');
    expect(await download(wrong)).to.deep.equal({ ok: false, reason: 'HTTP 401' });
    const ftpWrong = t.serve('fw.bin', 'x', { protocol: 'ftp' }).replace(/:[^:@/]+@/, ':nope@');
    expect((await download(ftpWrong)).ok).to.equal(false);
    expect(t.attempts({ kind: 'download' }).map((d) => [d.protocol, d.status])).to.deep.equal([['http', 404], ['ftp', 550], ['http', 401]]);
    expect(t.attempts({ kind: 'login' }).map((l) => l.ok)).to.deep.equal([true, false]);
  });

  it('receives PUT, POST multipart and FTP STOR uploads with name, size and content; a refused name counts attempts', async () => {
    servers = new TransferServers({ clock: systemClock });
    const t = await servers.service();
    const since = systemClock.monoMs();
    expect((await upload(t.uploadUrl('a.log'), 'a.log', Buffer.from('put-body'))).ok).to.equal(true);
    expect((await upload(t.uploadUrl('b.log'), 'station-b.log', Buffer.from('post-body'), { method: 'POST' })).ok).to.equal(true);
    expect((await upload(t.uploadUrl('c.log', { protocol: 'ftp' }), 'c.log', Buffer.from('ftp-body'))).ok).to.equal(true);
    const got = t.received({ since });
    expect(got.map((g) => [g.protocol, g.method, g.name, g.filename, g.size, g.content.toString()])).to.deep.equal([
      ['http', 'PUT', 'a.log', 'a.log', 8, 'put-body'],
      ['http', 'POST', 'b.log', 'station-b.log', 9, 'post-body'],
      ['ftp', 'STOR', 'c.log', 'c.log', 8, 'ftp-body'],
    ]);
    const refusedUrl = t.uploadUrl('d.log', { refuseWith: 500 });
    expect((await upload(refusedUrl, 'd.log', Buffer.from('1'))).ok).to.equal(false);
    expect((await upload(refusedUrl, 'd.log', Buffer.from('1'))).ok).to.equal(false);
    const tries = await t.waitForAttempts({ count: 2, withinMs: 100, name: 'd.log', kind: 'upload' });
    expect(tries.map((x) => x.status)).to.deep.equal([500, 500]);
    expect(tries[1]!.monoMs).to.be.at.least(tries[0]!.monoMs);
    t.acceptUploads('d.log');
    const waiting = t.waitForUpload({ withinMs: 2000, name: 'd.log' });
    await upload(refusedUrl, 'd.log', Buffer.from('third'));
    expect((await waiting)?.content.toString()).to.equal('third');
    expect(await t.waitForUpload({ withinMs: 20, name: 'never.log' })).to.equal(undefined);
  });

  it('starts only when first asked and leaves no listener (nor process signal handler) after close', async () => {
    const counts = signalCounts();
    servers = new TransferServers({ clock: systemClock });
    expect(servers.listening).to.equal(false);
    await servers.close();
    const t = await servers.service();
    const urls = [t.serve('f', 'x'), t.serve('f', 'x', { protocol: 'ftp' })];
    // An open FTP session and a kept-alive HTTP socket must not hold the close up.
    expect((await download(urls[1]!)).ok).to.equal(true);
    expect(servers.listening).to.equal(true);
    await servers.close();
    expect(servers.listening).to.equal(false);
    for (const u of urls) expect(await refused(u), u).to.equal(true);
    expect(signalCounts()).to.deep.equal(counts);
  });
});
