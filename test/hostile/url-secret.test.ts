/**
 * Issue #12 defect 6: `--csms-url ws://CP001:PW@host/ocpp` printed the password on the console
 * and wrote it into report.json (`dut.csmsUrl`), junit.xml and report.html. Now the userinfo is
 * taken out as the Basic auth credentials (the CSMS below only accepts them), and every output of
 * the run — stdout, stderr and every file in the report folder — is grepped for the password.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEndpoint } from '../../src/session/open.js';
import { basicAuthVerifier, OcppServer } from '../../src/transport/server.js';
import { compiledFixtureCases, readReport, startCli, tempDirs } from './cli-process.js';

const password = 'PW-u7Qx3Zk9';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('hostile: a password inside --csms-url', function () {
  this.timeout(60_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  it('is used for Basic auth and appears in no output of the run', async () => {
    const server = new OcppServer({ subprotocols: ['ocpp2.0.1'], auth: { securityProfile: 1, verify: basicAuthVerifier({ password }) } });
    const identities: string[] = [];
    server.onConnection((conn) => {
      identities.push(conn.info.identity ?? '');
      const csms = openEndpoint(conn, { role: 'csms' });
      csms.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 30 }));
      csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    });
    const { url } = await server.start();
    try {
      const dir = dirs.make();
      const withSecret = url.replace('ws://', `ws://CP001:${encodeURIComponent(password)}@`);
      const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'csms', '--csms-url', withSecret, '--security-profile', '1', '--testcases', compiledFixtureCases, '--dut', 'exec:true', '--report-dir', dir]);
      const code = await cli.exit;
      const r = readReport(dir);
      expect(r.tests.map((t) => t.verdict), cli.out() + cli.err()).to.deep.equal(['pass']);
      expect(code).to.equal(0);
      expect(identities).to.include('CP001');
      expect(r.dut['csmsUrl']).to.match(/^ws:\/\/127\.0\.0\.1:\d+\//);
      const files = filesUnder(dir);
      expect(files.map((f) => f.slice(dir.length))).to.include.members(['/report.json', '/junit.xml', '/report.html', '/wire.jsonl']);
      expect(files.some((f) => f.includes('/traces/'))).to.equal(true);
      for (const [name, text] of [['stdout', cli.out()], ['stderr', cli.err()], ...files.map((f) => [f, readFileSync(f, 'utf8')])] as const) {
        expect(text, name).not.to.include(password);
        expect(text, name).not.to.include(encodeURIComponent(password));
      }
    } finally {
      await server.close();
    }
  });
});
