/**
 * `--log-level` / `--log-file` on the real CLI: a demo case writes JSON lines for case start and
 * end to the file, the console output stays as without a log, and the configured password
 * (OCPP_CONFORM_PASSWORD) appears nowhere in the log.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');
const password = 'log-test-Secret-4711';

describe('cli --log-level / --log-file', () => {
  let dir = '';
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ocpp-log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('demo writes case start/end JSON lines to the file and no password', () => {
    const logFile = join(dir, 'logs', 'run.jsonl');
    const args = ['demo', '--ocpp', '2.0.1', '--sut', 'cs', '--only', 'TC_B_01_CS', '--report-dir', join(dir, 'r'), '--log-level', 'debug', '--log-file', logFile];
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', OCPP_CONFORM_PASSWORD: password }, timeout: 90_000 });
    expect(r.status, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.match(/OCPP 2\.0\.1 cs: 1\/1 passed/);
    expect(r.stdout + r.stderr).to.not.match(/"level":/);
    expect(existsSync(logFile)).to.equal(true);
    const text = readFileSync(logFile, 'utf8');
    const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const events = lines.map((l) => l['event']);
    expect(events).to.include.members(['ready', 'connection.open', 'caseStart', 'step', 'caseEnd']);
    expect(lines.find((l) => l['event'] === 'caseEnd')).to.include({ caseId: 'TC_B_01_CS', verdict: 'pass' });
    expect(text).to.not.include(password);
  });

  it('refuses an unknown --log-level with exit 2', () => {
    const bad = spawnSync(process.execPath, [bin, 'demo', '--log-level', 'loud'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).to.equal(2);
    expect(bad.stderr).to.match(/--log-level/);
  });
});
