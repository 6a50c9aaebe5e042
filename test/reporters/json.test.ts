import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { summarise } from '../../src/engine/run-model.js';
import { jsonReporter, renderJson, reportDocument } from '../../src/reporters/json.js';
import { fixtureRun } from './fixture.js';
import { reportValidator } from './report-schema.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

describe('reporters/json', () => {
  after(() => temp.removeAll());
  const validate = reportValidator();

  it('report.json of a finished, a partial and an interrupted run validates against schemas/report.schema.json', () => {
    for (const run of [fixtureRun(), fixtureRun({ partial: true }), fixtureRun({ interrupted: true })]) {
      expect(validate(JSON.parse(renderJson(run)))).to.deep.equal([]);
    }
    const doc = reportDocument(fixtureRun());
    expect(doc.reportFormat).to.equal(1);
    expect(doc.summary.byProfile[0]!.line).to.equal('Core, charging station: 1 of 2 mandatory cases passed; 0 of 1 applicable conditional cases passed');
    expect(doc.summary.byBlock.map((b) => b.title)).to.deep.equal(['B Provisioning', 'E Transactions', 'K Smart Charging']);
  });

  it('the schema rejects a report with a wrong verdict or a missing field (so the check above can fail)', () => {
    const doc = JSON.parse(renderJson(fixtureRun()));
    doc.tests[0].verdict = 'passed';
    delete doc.tests[1].trace;
    expect(validate(doc)).to.deep.equal(['/tests/0/verdict must be equal to one of the allowed values', "/tests/1 must have required property 'trace'"]);
  });

  it('is rewritten atomically after every case: partial until the run ends, no temporary file left', async () => {
    const dir = temp.make('ocpp-json-');
    const file = join(dir, 'report.json');
    const reporter = jsonReporter(file);
    const full = fixtureRun();
    const run = { ...full, partial: true, tests: full.tests.slice(0, 1), summary: summarise(full.tests.slice(0, 1)) };
    delete run.endedAt;
    await reporter.onCaseEnd!(run.tests[0]!, run);
    const partial = JSON.parse(readFileSync(file, 'utf8'));
    expect([partial.partial, partial.tests.length]).to.deep.equal([true, 1]);
    expect(validate(partial)).to.deep.equal([]);
    await reporter.onRunEnd!(full);
    const done = JSON.parse(readFileSync(file, 'utf8'));
    expect([done.partial, done.tests.length]).to.deep.equal([false, 6]);
    expect(readdirSync(dir)).to.deep.equal(['report.json']);
  });
});
