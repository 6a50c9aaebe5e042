/**
 * `sim station` over wss:// (security profile 2, our test CA) against `sim csms`, both with
 * `--verbose`: the boot crosses TLS with Basic auth, each side prints the frames it sees, and the
 * password appears in neither output.
 */
import { expect } from 'chai';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(fileURLToPath(new URL('../../../', import.meta.url)), 'bin', 'ocpp-conform.js');
const password = 'Lab-Password-7781-xyz';

function start(args: string[], cwd: string): { child: ChildProcess; output: () => string; until: (re: RegExp) => Promise<string> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', OCPP_CONFORM_SIM_PASSWORD: password } });
  let text = '';
  const waiters = new Set<() => void>();
  const add = (d: Buffer) => {
    text += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  const until = (re: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; output so far:\n${text}`)), 20_000);
      const check = () => {
        const m = re.exec(text);
        if (!m) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(m[0]);
      };
      waiters.add(check);
      check();
    });
  return { child, output: () => text, until };
}

describe('cli: sim station over TLS and --verbose', function () {
  this.timeout(60_000);
  let dir = '';
  const children: ChildProcess[] = [];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-simtls-'));
    const certs = spawnSync(process.execPath, [bin, 'certs', 'init', '--out', 'certs', '--host', 'localhost', '--station-id', 'CP001', '--no-variants', '--key-type', 'ec'], { cwd: dir, encoding: 'utf8' });
    expect(certs.status, certs.stderr).to.equal(0);
  });
  after(() => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('boots over wss:// with Basic auth, prints each frame on both sides, and never the password', async () => {
    const csms = start(['sim', 'csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--security-profile', '2', '--cert', 'certs/csms.pem', '--key', 'certs/csms.key.pem', '--verbose'], dir);
    children.push(csms.child);
    const url = (await csms.until(/wss:\/\/127\.0\.0\.1:\d+\/ocpp(?=\s)/)).replace('127.0.0.1', 'localhost');
    const station = start(['sim', 'station', '--ocpp', '2.0.1', '--csms-url', url, '--ca', 'certs/ca.pem', '--verbose'], dir);
    children.push(station.child);
    await station.until(/← CALLRESULT {2}\[3,"[^"]+",\{"currentTime":"[^"]+","interval":\d+,"status":"Accepted"\}\]/);
    await csms.until(/← BootNotification {2}\[2,/);
    await station.until(/c1 open CP001 wss:\/\/localhost:\d+\/ocpp\/CP001 \(subprotocol ocpp2\.0\.1\)/);
    expect(station.output() + csms.output()).to.not.include(password);
  });

  it('refuses --cert without --key, and a --ca that does not exist, before dialling', () => {
    const half = spawnSync(process.execPath, [bin, 'sim', 'station', '--ocpp', '2.0.1', '--csms-url', 'wss://localhost:1/ocpp', '--cert', 'certs/station.pem'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect([half.status, /--cert and --key go together/.test(half.stderr)]).to.deep.equal([2, true]);
    const missing = spawnSync(process.execPath, [bin, 'sim', 'station', '--ocpp', '2.0.1', '--csms-url', 'wss://localhost:1/ocpp', '--ca', 'nope.pem'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.match(/--ca/);
  });
});
