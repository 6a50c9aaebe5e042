/**
 * `run --max-failures`, `--last-failed` and `--pass-with-no-cases` against the CSMS simulator:
 * what runs, what is reported notRun, and the exit code of each.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createCsmsSimulator, type CsmsSimulator } from '../../src/sim/csms/index.js';

describe('cli: run --max-failures, --last-failed, --pass-with-no-cases', function () {
  this.timeout(60_000);
  let dir = '';
  let csms: CsmsSimulator | undefined;
  let out: string[] = [];
  let err: string[] = [];
  const io = (): CliIo => ({ out: (t) => void out.push(t), err: (t) => void err.push(t), isTty: false, env: { PATH: process.env.PATH ?? '' }, cwd: dir });
  const verdicts = () => (JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as { tests: Array<{ id: string; verdict: string }> }).tests.map((t) => `${t.id} ${t.verdict}`);
  const run = async (defects: string[], args: string[]): Promise<number> => {
    csms = createCsmsSimulator({ version: '1.6', port: 0, defects });
    const { url } = await csms.start();
    try {
      return await main(['node', 'ocpp-conform', 'run', '--ocpp', '1.6', '--sut', 'csms', '--csms-url', url, '--reporter', 'json', '--report-dir', 'reports', ...args], io());
    } finally {
      await csms.close();
      csms = undefined;
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-runopts-'));
    out = [];
    err = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--max-failures 1 stops after the first case that did not pass; the rest are notRun, exit 1', async () => {
    const code = await run(['boot-always-pending'], ['--only', 'TC_001_CSMS', 'TC_023_1_CSMS', '--max-failures', '1']);
    expect(code, [...out, ...err].join('\n')).to.equal(1);
    expect(verdicts()).to.deep.equal(['TC_001_CSMS fail', 'TC_023_1_CSMS notRun']);
    expect(err.join('\n')).to.include('--max-failures 1: 1 case did not pass; the rest are not run');
  });

  it('--last-failed runs only what failed or was inconclusive in the report already there', async () => {
    // TC_040_1_CSMS needs an operator (prompt, no TTY): inconclusive; TC_001_CSMS passes.
    expect(await run([], ['--only', 'TC_001_CSMS', 'TC_040_1_CSMS', '--dut', 'prompt'])).to.equal(1);
    expect(verdicts()).to.deep.equal(['TC_001_CSMS pass', 'TC_040_1_CSMS inconclusive']);
    await run([], ['--only', 'TC_001_CSMS', 'TC_040_1_CSMS', '--dut', 'prompt', '--last-failed']);
    expect(verdicts()).to.deep.equal(['TC_040_1_CSMS inconclusive']);
  });

  it('--last-failed with nothing failed: exit 2, or 0 with --pass-with-no-cases', async () => {
    expect(await run([], ['--only', 'TC_001_CSMS'])).to.equal(0);
    expect(await run([], ['--only', 'TC_001_CSMS', '--last-failed'])).to.equal(2);
    expect(err.join('\n')).to.match(/no case failed in the last report/);
    expect(await run([], ['--only', 'TC_001_CSMS', '--last-failed', '--pass-with-no-cases'])).to.equal(0);
  });

  it('a run where no selected case applies fails (exit 1) unless --pass-with-no-cases', async () => {
    // The fixture TC_K_01_CS belongs to Smart Charging; a PICS that claims only Core rules it out.
    const fixtures = fileURLToPath(new URL('../catalogue/fixtures/testcases/good', import.meta.url));
    expect(await main(['node', 'ocpp-conform', 'pics', 'init', '--ocpp', '2.0.1', '--sut', 'cs', '--out', 'pics.yaml'], io())).to.equal(0);
    const args = ['node', 'ocpp-conform', 'run', '--ocpp', '2.0.1', '--sut', 'cs', '--listen', '127.0.0.1:0', '--testcases', fixtures, '--only', 'TC_K_01_CS', '--pics', join(dir, 'pics.yaml'), '--reporter', 'json', '--report-dir', 'reports'];
    expect(await main(args, io()), err.join('\n')).to.equal(1);
    expect(verdicts()).to.deep.equal(['TC_K_01_CS notApplicable']);
    expect(err.join('\n')).to.include('no selected case applies to this DUT (all 1 were not applicable by the PICS)');
    expect(await main([...args, '--pass-with-no-cases'], io())).to.equal(0);
  });
});
