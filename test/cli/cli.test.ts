/**
 * The real CLI, spawned as a user runs it: --help, --version, usage errors and the demo.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');

function cli(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', () => {
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

  it('demo runs a real exchange for 1.6 and 2.0.1 over loopback and writes the wire log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-demo-'));
    const r = cli(['demo', '--report-dir', dir]);
    expect(r.code, r.err).to.equal(0);
    expect(r.out).to.match(/OCPP 1\.6: station DEMO-CS-01 connected/).and.match(/OCPP 2\.0\.1: station DEMO-CS-01 connected/);
    expect(r.out).to.match(/every exchange conformed/);
    const lines = readFileSync(join(dir, 'wire.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; text?: string });
    const frames = lines.filter((l) => l.kind === 'frame');
    expect(frames.length).to.equal(32);
    expect(frames.some((f) => f.text?.includes('"GetVariables"'))).to.equal(true);
  });
});
