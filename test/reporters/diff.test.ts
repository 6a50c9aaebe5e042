/**
 * Run comparison: each kind of change is classified from the two verdicts alone, the views say the
 * same thing, DUT text stays escaped, and the CLI exits 1 exactly when something regressed.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, RunResult } from '../../src/engine/run-model.js';
import { summarise } from '../../src/engine/run-model.js';
import type { Verdict } from '../../src/engine/verdict.js';
import { diffRuns, renderDiffText } from '../../src/reporters/diff.js';
import { renderDiffHtml } from '../../src/reporters/diff-html.js';
import { renderJson } from '../../src/reporters/json.js';
import { fixtureRun, xssPayload } from './fixture.js';

/** The fixture run with the verdicts (and optionally messages) replaced by id; ids not named are dropped. */
function runWith(verdicts: Record<string, Verdict>, messages: Record<string, string> = {}): RunResult {
  const run = fixtureRun();
  const template = run.tests[0] as CaseResult;
  const tests = Object.entries(verdicts).map(([id, verdict]) => {
    const t: CaseResult = { ...template, id, title: `title of ${id}`, verdict };
    delete t.message;
    const message = messages[id];
    if (message !== undefined) t.message = message;
    return t;
  });
  return { ...run, tests, summary: summarise(tests) };
}

describe('reporters: diff of two runs', () => {
  it('classifies every case by its two verdicts', () => {
    const before = runWith({ A: 'pass', B: 'fail', C: 'pass', D: 'inconclusive', E: 'pass', F: 'fail', G: 'pass' });
    const after = runWith({ A: 'fail', B: 'pass', C: 'pass', D: 'fail', E: 'notApplicable', H: 'pass', G: 'inconclusive' });
    const diff = diffRuns(before, after);
    const kinds = Object.fromEntries(diff.changes.map((c) => [c.id, c.kind]));
    expect(kinds).to.deep.equal({ A: 'regression', G: 'regression', B: 'fix', H: 'new', F: 'removed', D: 'changed', E: 'changed', C: 'unchanged' });
    expect(diff.counts).to.deep.equal({ regression: 2, fix: 1, new: 1, removed: 1, changed: 2, unchanged: 1 });
    // Regressions come first, so the most important lines are at the top of the console output.
    expect(diff.changes.map((c) => c.id)).to.deep.equal(['A', 'G', 'B', 'H', 'F', 'D', 'E', 'C']);
    expect(diff.changes.find((c) => c.id === 'H')).to.not.have.property('before');
    expect(diff.changes.find((c) => c.id === 'F')).to.not.have.property('after');
  });

  it('orders ids numerically, so TC_B_9 comes before TC_B_10', () => {
    const diff = diffRuns(runWith({ TC_B_10_CS: 'pass', TC_B_9_CS: 'pass' }), runWith({ TC_B_10_CS: 'pass', TC_B_9_CS: 'pass' }));
    expect(diff.changes.map((c) => c.id)).to.deep.equal(['TC_B_9_CS', 'TC_B_10_CS']);
  });

  it('says when the runs are not comparable or did not finish', () => {
    const before = runWith({ A: 'pass' });
    const after = { ...runWith({ A: 'pass' }), version: '1.6', sut: 'csms' as const, partial: true };
    expect(diffRuns(before, after).caveats).to.deep.equal([
      'the runs test different OCPP versions (2.0.1 and 1.6)',
      'the runs test different sides (SUT=cs and SUT=csms)',
      'the later run did not finish (partial report)',
    ]);
    expect(diffRuns(before, before).caveats).to.deep.equal([]);
  });

  it('prints the changed cases with the later run’s reason, and a tally', () => {
    const text = renderDiffText(
      diffRuns(runWith({ A: 'pass', B: 'fail' }), runWith({ A: 'fail', B: 'pass' }, { A: 'expected Accepted, got Rejected', B: 'fine' })),
    );
    expect(text).to.include('regressions (passed before, not now) (1):\n  A  pass → fail  title of A\n      expected Accepted, got Rejected');
    expect(text).to.include('fixes (failed before, pass now) (1):\n  B  fail → pass  title of B\n');
    expect(text).to.not.include('fine');
    expect(text.trimEnd().split('\n').at(-1)).to.equal('1 regression, 1 fix, 0 new, 0 removed, 0 changed, 0 unchanged');
  });

  it('renders HTML with DUT text escaped and no script allowed', () => {
    const html = renderDiffHtml(diffRuns(runWith({ A: 'pass' }), runWith({ A: 'fail' }, { A: xssPayload })));
    expect(html).to.not.include('<script>document');
    expect(html).to.include('&lt;script&gt;');
    expect(html).to.match(/Content-Security-Policy" content="default-src 'none'/);
    expect(html).to.not.match(/script-src/);
    expect(html).to.include('<section class="regression" id="regression">');
  });
});

describe('cli: ocpp-conform diff', () => {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const bin = join(repoRoot, 'bin', 'ocpp-conform.js');
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-diff-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

  it('exits 1 on a regression and 0 without one, and writes the HTML page', () => {
    writeFileSync(join(dir, 'a.json'), renderJson(runWith({ A: 'pass', B: 'fail' })));
    writeFileSync(join(dir, 'b.json'), renderJson(runWith({ A: 'fail', B: 'pass' })));
    const worse = cli(['diff', 'a.json', 'b.json', '--html', 'out/diff.html']);
    expect(worse.status, worse.stderr).to.equal(1);
    expect(worse.stdout).to.include('1 regression, 1 fix');
    expect(readFileSync(join(dir, 'out', 'diff.html'), 'utf8')).to.include('Regressions: passed before, not now (1)');
    const better = cli(['diff', 'b.json', 'a.json', '--json']);
    expect(better.status, better.stderr).to.equal(1);
    const same = cli(['diff', 'a.json', 'a.json', '--json']);
    expect(same.status, same.stderr).to.equal(0);
    expect(JSON.parse(same.stdout).counts).to.deep.equal({ regression: 0, fix: 0, new: 0, removed: 0, changed: 0, unchanged: 2 });
  });

  it('refuses a file that is not a report, naming it, before writing anything', () => {
    writeFileSync(join(dir, 'a.json'), renderJson(runWith({ A: 'pass' })));
    writeFileSync(join(dir, 'b.json'), '{"tests": 3}');
    const r = cli(['diff', 'a.json', 'b.json', '--html', 'diff.html']);
    expect(r.status).to.equal(2);
    expect(r.stderr).to.match(/report file .*b\.json/);
    expect(() => readFileSync(join(dir, 'diff.html'))).to.throw();
  });
});
