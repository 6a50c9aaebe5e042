/**
 * Issue #12 defect 4 (and the `--reporter pdf` part of 7): inputs were checked only at the end —
 * a bad --csms-url started a run where every case waited out the connect timeout, `sim station
 * --csms-url garbage` dialled forever, an unwritable --report-dir was found after the whole run.
 * Now src/cli/preflight.ts refuses them before any socket, exit 2, naming the flag and the fix.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHarnessError } from '../../src/errors.js';
import { credentialsFrom, parseCsmsUrl, prepareReportDir, preflightRun } from '../../src/cli/preflight.js';
import { startCli, tempDirs } from '../hostile/cli-process.js';

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<{ code: string; exitCode: number; message: string; hint: string }> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (!isHarnessError(err)) throw err;
    return { code: err.code, exitCode: err.exitCode, message: err.message, hint: err.hint ?? '' };
  }
  throw new Error('expected a HarnessError');
}

describe('cli/preflight', function () {
  this.timeout(30_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  it('refuses URLs that are not ws(s) URLs with a host and a valid port', async () => {
    for (const [url, why] of [['notaurl', /not a valid URL/], ['http://x', /ws:\/\/ or wss:\/\//], ['ws://h:99999', /not a valid URL/], ['ws://', /not a valid URL|no host/]] as const) {
      const r = await refusal(() => parseCsmsUrl(url));
      expect([r.code, r.exitCode]).to.deep.equal(['E_USAGE', 2]);
      expect(r.message).to.match(/^--csms-url /).and.match(why);
      expect(r.hint).to.match(/ws:\/\/csms\.example/);
    }
  });

  it('takes userinfo out of the URL as the Basic auth credentials, and never echoes it', async () => {
    expect(parseCsmsUrl('ws://CP001:PW%40x@host:9000/ocpp')).to.deep.equal({ url: 'ws://host:9000/ocpp', username: 'CP001', password: 'PW@x' });
    expect(credentialsFrom({ url: 'ws://h/', username: 'CP001', password: 'pw' }, {})).to.deep.equal({ stationId: 'CP001', password: 'pw' });
    const other = await refusal(() => credentialsFrom({ url: 'ws://h/', username: 'CP001' }, { stationId: 'CP002' }));
    expect(other.message).to.match(/"CP001".*"CP002"/);
    const bad = await refusal(() => parseCsmsUrl('ws://u:SecretPW@[::1'));
    expect(bad.message).not.to.include('SecretPW');
  });

  it('creates the report folder and proves it writable; a file or a path under a file is refused', async () => {
    const base = dirs.make();
    await prepareReportDir(join(base, 'a', 'b'));
    const file = join(base, 'plain-file');
    writeFileSync(file, 'x');
    expect((await refusal(prepareReportDir(file))).message).to.match(/--report-dir .* is not a folder/);
    expect((await refusal(prepareReportDir(join(file, 'sub')))).message).to.match(/--report-dir .*cannot create the folder \(ENOTDIR\)/);
  });

  it('checks reporters, TLS flag pairs and input files before the listen socket', async () => {
    const reportDir = dirs.make();
    const base = { sut: 'cs' as const, listen: '127.0.0.1:0', path: '/ocpp', reporter: ['console'], reportDir };
    expect((await refusal(preflightRun({ ...base, reporter: ['pdf'] }, '/'))).message).to.match(/unknown reporter "pdf"/);
    expect((await refusal(preflightRun({ ...base, cert: '/nope.pem' }, '/'))).code).to.equal('E_TLS_OPTIONS');
    expect((await refusal(preflightRun({ ...base, cert: '/nope.pem', key: '/nope.key' }, '/'))).message).to.match(/--cert \/nope\.pem: no readable file/);
    expect((await refusal(preflightRun({ ...base, listen: 'x:99999' }, '/'))).message).to.match(/--listen/);
    expect((await refusal(preflightRun({ ...base, sut: 'csms', csmsUrl: 'http://x' }, '/'))).message).to.match(/--csms-url/);
    expect(await preflightRun({ ...base, sut: 'csms', csmsUrl: 'ws://CP9:pw@127.0.0.1:1/ocpp' }, '/')).to.deep.include({ stationId: 'CP9', password: 'pw' });
  });

  describe('the real CLI exits 2 at once, before any socket', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['run --csms-url notaurl', ['run', '--ocpp', '2.0.1', '--sut', 'csms', '--csms-url', 'notaurl', '--dut', 'exec:true'], /--csms-url/],
      ['run --csms-url http://x', ['run', '--ocpp', '2.0.1', '--sut', 'csms', '--csms-url', 'http://x', '--dut', 'exec:true'], /--csms-url must be a ws/],
      ['run --csms-url ws://h:99999', ['run', '--ocpp', '2.0.1', '--sut', 'csms', '--csms-url', 'ws://h:99999', '--dut', 'exec:true'], /--csms-url/],
      ['run as station with a missing --cert', ['run', '--ocpp', '2.0.1', '--sut', 'csms', '--csms-url', 'wss://127.0.0.1:1/ocpp', '--cert', '/missing/cert.pem', '--key', '/missing/key.pem', '--dut', 'exec:true'], /--cert \/missing\/cert\.pem/],
      ['run --reporter pdf (before the port is bound)', ['run', '--ocpp', '2.0.1', '--sut', 'cs', '--listen', '127.0.0.1:0', '--reporter', 'pdf', '--dut', 'exec:true'], /unknown reporter "pdf"/],
      ['sim station --csms-url garbage', ['sim', 'station', '--ocpp', '2.0.1', '--csms-url', 'garbage'], /--csms-url is not a valid URL/],
    ];
    for (const [title, args, pattern] of cases) {
      it(title, async () => {
        const reportDir = dirs.make();
        const started = Date.now();
        const cli = startCli([...args, ...(args[0] === 'run' ? ['--report-dir', reportDir] : [])]);
        const code = await cli.exit;
        expect(code, cli.out() + cli.err()).to.equal(2);
        expect(cli.err()).to.match(pattern).and.match(/fix: /);
        expect(cli.out()).not.to.match(/listening|will dial|dialling/);
        expect(Date.now() - started).to.be.lessThan(10_000);
      });
    }

    it('run with a --report-dir that is a file', async () => {
      const file = join(dirs.make(), 'report-file');
      writeFileSync(file, 'x');
      const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--report-dir', file]);
      expect(await cli.exit).to.equal(2);
      expect(cli.err()).to.match(/--report-dir .* is not a folder/).and.not.match(/at .*\.js:\d+/);
      expect(cli.out()).not.to.match(/listening/);
    });
  });
});
