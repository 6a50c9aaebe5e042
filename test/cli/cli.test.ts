/**
 * The real CLI, spawned as a user runs it: --help, --version, usage errors and the demo.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');

function cli(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', () => {
  after(() => temp.removeAll());
  it('prints help and the package version', () => {
    const help = cli(['--help']);
    expect(help.code).to.equal(0);
    expect(help.out).to.match(/Usage: ocpp-conform/).and.match(/demo/).and.match(/certs/);
    const version = cli(['--version']);
    expect(version.code).to.equal(0);
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(version.out.trim()).to.equal(pkg.version);
  });

  it('exits 2 with a message on a usage error', () => {
    const r = cli(['--no-such-flag']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/unknown option '--no-such-flag'/);
    expect(cli(['demo', '--ocpp', '9.9']).code).to.equal(2);
  });

  it('demo runs cases against the built-in simulators for both sides and writes reports', () => {
    const dir = temp.make('ocpp-demo-');
    const fixtures = join(repoRoot, 'dist', 'test', 'integration', 'fixtures', 'testcases');
    const r = cli(['demo', '--ocpp', '2.0.1', '--testcases', fixtures, '--report-dir', dir]);
    expect(r.code, r.err).to.equal(0);
    expect(r.out).to.match(/OCPP 2\.0\.1 cs: 1\/1 passed; OCPP 2\.0\.1 csms: 1\/1 passed/);
    for (const side of ['cs', 'csms']) {
      const report = JSON.parse(readFileSync(join(dir, `ocpp2.0.1-${side}`, 'report.json'), 'utf8')) as { tests: Array<{ verdict: string; trace: unknown[] }> };
      expect(report.tests.map((t) => t.verdict)).to.deep.equal(['pass']);
      expect(report.tests[0]!.trace.length).to.be.greaterThan(2);
    }
  });

  it('demo with a defect fails the case that exists to catch it (exit 1)', () => {
    const dir = temp.make('ocpp-demo-');
    const fixtures = join(repoRoot, 'dist', 'test', 'integration', 'fixtures', 'testcases');
    const r = cli(['demo', '--ocpp', '2.0.1', '--sut', 'cs', '--defect', 'no-status-after-boot', '--testcases', fixtures, '--report-dir', dir]);
    expect(r.code).to.equal(1);
    expect(r.out).to.match(/fail\s+TC_B_01_CS/).and.match(/defects: no-status-after-boot/);
  });

  it('demo refuses an unknown defect with exit 2', () => {
    const r = cli(['demo', '--defect', 'no-such-defect']);
    expect(r.code).to.equal(2);
    expect(r.err).to.match(/unknown defect "no-such-defect"/);
  });
});
