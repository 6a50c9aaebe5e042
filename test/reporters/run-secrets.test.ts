/**
 * The real `ocpp-conform run` (SUT = cs) with a fixture case that sets SecurityCtrlr.BasicAuthPassword:
 * every report file (report.json, junit.xml, report.html, traces/, wire.jsonl) and the console
 * output are written, and none of them contains the password.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dial } from '../../src/transport/client.js';
import { openEndpoint } from '../../src/session/open.js';
import { fixturePassword } from './fixtures/testcases/ocpp2.0.1/cs/B-provisioning/TC_B_07_CS.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/testcases', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('reporters: ocpp-conform run keeps a SetVariables password out of every report', function () {
  after(() => temp.removeAll());
  this.timeout(60_000);

  it('writes report.json, junit.xml, report.html, traces/ and none contains the password', async () => {
    const dir = temp.make('ocpp-run-secret-');
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'ocpp-conform.js'), 'run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', fixtures, '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--report-dir', dir, '--case-timeout', '30'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${out} ${err}`)), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /connect station CP001 to (ws:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    const station = openEndpoint(await dial(url, { subprotocols: ['ocpp2.0.1'] }), { role: 'cs' });
    station.handle('SetVariables', () => ({ setVariableResult: [{ attributeStatus: 'Accepted', component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }));
    expect(await exit, out + err).to.equal(0);

    const files = filesUnder(dir).map((f) => f.slice(dir.length + 1)).sort();
    expect(files).to.deep.equal(['junit.xml', 'report.html', 'report.json', 'traces/TC_B_07_CS.jsonl', 'wire.jsonl']);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.to.include(fixturePassword);
    expect(out + err).not.to.include(fixturePassword);
    const trace = readFileSync(join(dir, 'traces', 'TC_B_07_CS.jsonl'), 'utf8');
    expect(trace).to.include('SetVariables').and.include('[redacted]');
    expect(out).to.match(/\[1\/1\] pass {11}TC_B_07_CS/);
    expect(out).to.match(/report: .*report\.json, .*junit\.xml, .*report\.html, .*traces\/ \(1 files\)/);
  });
});
