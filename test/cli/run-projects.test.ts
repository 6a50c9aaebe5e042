/**
 * `run` with a project file: every project runs in order with its own report folder, `--project`
 * picks one, typed flags win over the file and flag defaults do not; without --ocpp/--sut and
 * without a file the error says what to do.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { combinedExitCode } from '../../src/cli/run-projects.js';
import { createCsmsSimulator, type CsmsSimulator } from '../../src/sim/csms/index.js';

describe('cli: run with a project file', function () {
  this.timeout(60_000);
  let dir = '';
  let csms: CsmsSimulator;
  let out: string[] = [];
  let err: string[] = [];
  const io = (): CliIo => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), isTty: false, env: { PATH: process.env.PATH ?? '' }, cwd: dir });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-projects-'));
    out = [];
    err = [];
    csms = createCsmsSimulator({ version: '1.6', port: 0 });
    const { url } = await csms.start();
    writeFileSync(
      join(dir, 'ocpp-conform.config.yaml'),
      [
        'defaults:',
        '  ocpp: "1.6"',
        '  sut: csms',
        `  csmsUrl: ${url}`,
        '  reporter: [json]',
        'projects:',
        '  - name: boot',
        '    only: [TC_001_CSMS]',
        '  - name: config-keys',
        '    only: [TC_023_1_CSMS]',
        '    tolerance: 2500',
        '',
      ].join('\n'),
    );
  });
  afterEach(async () => {
    await csms.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = (project: string) => JSON.parse(readFileSync(join(dir, 'reports', project, 'report.json'), 'utf8')) as { tests: Array<{ id: string; verdict: string }>; config: { toleranceMs: number } };

  it('runs every project in order, each into reports/<name>', async () => {
    const code = await main(['node', 'ocpp-conform', 'run'], io());
    expect(code, [...out, ...err].join('\n')).to.equal(0);
    expect(out.filter((l) => l.includes('== project'))).to.deep.equal(['== project boot: OCPP 1.6, SUT = csms', '\n== project config-keys: OCPP 1.6, SUT = csms']);
    expect(report('boot').tests.map((t) => `${t.id} ${t.verdict}`)).to.deep.equal(['TC_001_CSMS pass']);
    expect(report('config-keys').tests.map((t) => `${t.id} ${t.verdict}`)).to.deep.equal(['TC_023_1_CSMS pass']);
    expect(report('config-keys').config.toleranceMs).to.equal(2500);
  });

  it('--project picks one, and a typed flag wins over the file', async () => {
    const code = await main(['node', 'ocpp-conform', 'run', '--project', 'config-keys', '--tolerance', '1500'], io());
    expect(code, [...out, ...err].join('\n')).to.equal(0);
    expect(existsSync(join(dir, 'reports', 'boot'))).to.equal(false);
    expect(report('config-keys').config.toleranceMs).to.equal(1500);
  });

  it('says what is missing without --ocpp/--sut and without a project file', async () => {
    rmSync(join(dir, 'ocpp-conform.config.yaml'));
    const code = await main(['node', 'ocpp-conform', 'run', '--sut', 'cs'], io());
    expect(code).to.equal(2);
    expect(err.join('\n')).to.match(/run needs --ocpp[\s\S]*config init/);
  });

  it('combines exit codes: an interruption over a harness failure over a failed case', () => {
    expect([combinedExitCode([0, 0]), combinedExitCode([0, 1]), combinedExitCode([1, 3, 0]), combinedExitCode([3, 130]), combinedExitCode([])]).to.deep.equal([0, 1, 3, 130, 0]);
  });
});
