import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReporters, parseReporterNames, reporterNames } from '../../src/cli/reporters.js';
import { HarnessError } from '../../src/errors.js';
import { summarise } from '../../src/engine/run-model.js';
import { fixtureRun } from './fixture.js';
import { reportValidator } from './report-schema.js';
import { junitProblems, parseStrictXml } from './strict-xml.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

describe('cli/reporters: createReporters', () => {
  after(() => temp.removeAll());
  it('defaults to every reporter; an unknown name is a usage error listing the names', () => {
    expect(parseReporterNames([])).to.deep.equal([...reporterNames]);
    expect(parseReporterNames(['json,junit', 'json'])).to.deep.equal(['json', 'junit']);
    try {
      parseReporterNames(['json', 'xml']);
      expect.fail('no error');
    } catch (err) {
      expect(err).to.be.instanceOf(HarnessError);
      expect((err as HarnessError).code).to.equal('E_USAGE');
      expect((err as HarnessError).message).to.equal('unknown reporter "xml"');
      expect((err as HarnessError).hint).to.equal('choose from: console, json, junit, html, traces (default: all)');
    }
  });

  it('after each case a crash leaves a valid partial report.json, a valid junit.xml and the trace; finish writes report.html', async () => {
    const dir = temp.make('ocpp-reporters-');
    const lines: string[] = [];
    const output = createReporters(['json', 'junit', 'html', 'traces', 'console'], { reportDir: dir, io: { out: (t) => lines.push(t), err: () => undefined, isTty: false, env: {}, cwd: dir } });
    const full = fixtureRun();
    const tests = full.tests.slice(0, 2);
    const partial = { ...full, partial: true, tests, summary: summarise(tests) };
    for (const r of output.reporters) await r.onRunBegin?.(partial, 6);
    for (const r of output.reporters) await r.onCaseEnd?.(tests[1]!, partial);

    // The process could die here: what is on disk must be readable.
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect([json.partial, json.tests.length]).to.deep.equal([true, 2]);
    expect(reportValidator()(json)).to.deep.equal([]);
    const junit = parseStrictXml(readFileSync(join(dir, 'junit.xml'), 'utf8'));
    expect(junitProblems(junit)).to.deep.equal([]);
    expect(junit.attrs['name']).to.equal('ocpp-conform OCPP 2.0.1 CS (partial)');
    expect(existsSync(join(dir, 'traces', 'TC_B_02_CS.jsonl'))).to.equal(true);
    expect(existsSync(join(dir, 'report.html'))).to.equal(false);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^\[2\/6\] fail/);

    const written = await output.finish(full);
    expect(written.map((f) => f.slice(dir.length + 1))).to.deep.equal(['report.json', 'junit.xml', 'report.html', ...full.tests.map((t) => `traces/${t.id}.jsonl`)]);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).partial).to.equal(false);
  });
});
