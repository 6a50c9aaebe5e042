/**
 * `ocpp-conform report`, spawned as a user runs it: renders junit.xml and report.html from a
 * report.json without a DUT, and names the problem in a bad file (exit 2).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderJson } from '../../src/reporters/json.js';
import { fixtureRun } from '../reporters/fixture.js';
import { junitProblems, parseStrictXml } from '../reporters/strict-xml.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli: ocpp-conform report', () => {
  after(() => temp.removeAll());
  it('renders junit.xml and report.html from a report.json into --out', () => {
    const dir = temp.make('ocpp-report-');
    writeFileSync(join(dir, 'report.json'), renderJson(fixtureRun({ interrupted: true })));
    const r = cli(['report', 'report.json', '--out', 'again'], dir);
    expect(r.code, r.err).to.equal(0);
    expect(r.out.trim()).to.equal('6 cases (interrupted run) → again/junit.xml, again/report.html');
    expect(junitProblems(parseStrictXml(readFileSync(join(dir, 'again', 'junit.xml'), 'utf8')))).to.deep.equal([]);
    expect(readFileSync(join(dir, 'again', 'report.html'), 'utf8')).to.include('Core, charging station: 1 of 2 mandatory cases passed');
  });

  it('--junit alone writes only junit.xml, beside the report by default', () => {
    const dir = temp.make('ocpp-report-');
    writeFileSync(join(dir, 'report.json'), renderJson(fixtureRun()));
    expect(cli(['report', join(dir, 'report.json'), '--junit'], repoRoot).code).to.equal(0);
    expect([existsSync(join(dir, 'junit.xml')), existsSync(join(dir, 'report.html'))]).to.deep.equal([true, false]);
  });

  it('names the problem and exits 2 for a missing file, bad JSON or a report that does not match the schema', () => {
    const dir = temp.make('ocpp-report-');
    const missing = cli(['report', 'nope.json'], dir);
    expect(missing.code).to.equal(2);
    expect(missing.err).to.match(/report file .*nope\.json: cannot read it: no such file/);

    writeFileSync(join(dir, 'broken.json'), '{"tests": [}');
    const broken = cli(['report', 'broken.json'], dir);
    expect(broken.code).to.equal(2);
    expect(broken.err).to.match(/broken\.json: not valid JSON/);

    const doc = JSON.parse(renderJson(fixtureRun()));
    doc.tests[2].verdict = 'passed';
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify(doc));
    const wrong = cli(['report', 'wrong.json'], dir);
    expect(wrong.code).to.equal(2);
    expect(wrong.err).to.match(/wrong\.json: .*tests\[2\]\.verdict/);
    expect(existsSync(join(dir, 'report.html'))).to.equal(false);
  });
});
