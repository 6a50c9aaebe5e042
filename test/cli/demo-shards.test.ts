import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDemo } from '../../src/cli/commands/demo.js';
import { casesPerShard, maxShards, mergeShardRuns, planShards } from '../../src/cli/demo-shards.js';
import type { CliIo } from '../../src/cli/io.js';
import { TempDirs } from '../helpers/temp.js';
import type { CaseResult, RunResult } from '../../src/engine/run-model.js';

const ids = (n: number, suffix = '_CS'): string[] => Array.from({ length: n }, (_, i) => `TC_X_${String(i + 1).padStart(2, '0')}${suffix}`);

function caseResult(id: string, verdict: CaseResult['verdict']): CaseResult {
  return { id, title: id, block: 'X', version: '2.0.1', sut: 'cs', certification: [], applicability: { applies: true, reason: '' }, verdict, startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, steps: [], findings: [], warnings: [], trace: [] };
}

function run(tests: CaseResult[], startedAt: string, endedAt: string): RunResult {
  return {
    tool: { name: 'ocpp-conform', version: '0' },
    startedAt,
    endedAt,
    version: '2.0.1',
    sut: 'cs',
    selection: { only: tests.map((t) => t.id), blocks: [], profiles: [] },
    partial: false,
    interrupted: false,
    tests,
    summary: { total: 0, byVerdict: { pass: 0, fail: 0, inconclusive: 0, notApplicable: 0, error: 0, skipped: 0, notRun: 0 } },
  } as unknown as RunResult;
}

describe('cli/demo-shards (issue #14: demo under 30 s)', () => {
  it('keeps a small selection in one pair and splits a large one into at most the limit, every id exactly once', () => {
    expect(planShards(ids(4), 8)).to.deep.equal([ids(4)]);
    expect(planShards([], 8)).to.deep.equal([]);
    expect(planShards(ids(40), 1)).to.deep.equal([ids(40)]);
    const shards = planShards(ids(40), 8);
    expect(shards).to.have.length(8);
    expect(shards.flat().sort()).to.deep.equal(ids(40));
    expect(planShards(ids(400))).to.have.length(maxShards);
    // Each shard keeps catalogue order.
    for (const s of shards) expect(s).to.deep.equal([...s].sort());
  });

  it('puts the known long cases in different shards', () => {
    const selection = ['TC_B_57_CS', 'TC_E_39_CS', 'TC_E_41_CS', 'TC_E_50_CS', ...ids(16)];
    const shards = planShards(selection, 4);
    const long = ['TC_E_41_CS', 'TC_B_57_CS', 'TC_E_50_CS', 'TC_E_39_CS'];
    expect(long.map((id) => shards.findIndex((s) => s.includes(id))).sort()).to.deep.equal([0, 1, 2, 3]);
  });

  it('merges shard runs in catalogue order with the summary recounted and the user selection', () => {
    const order = ids(4);
    const a = run([caseResult(order[2]!, 'pass'), caseResult(order[0]!, 'fail')], '2026-01-01T00:00:02.000Z', '2026-01-01T00:00:09.000Z');
    const b = run([caseResult(order[3]!, 'pass'), caseResult(order[1]!, 'notApplicable')], '2026-01-01T00:00:01.000Z', '2026-01-01T00:00:12.000Z');
    const merged = mergeShardRuns([a, b], order, ['TC_X_*']);
    expect(merged.tests.map((t) => t.id)).to.deep.equal(order);
    expect(merged.summary.total).to.equal(4);
    expect(merged.summary.byVerdict).to.include({ pass: 2, fail: 1, notApplicable: 1 });
    expect(merged.startedAt).to.equal('2026-01-01T00:00:01.000Z');
    expect(merged.endedAt).to.equal('2026-01-01T00:00:12.000Z');
    expect(merged.selection.only).to.deep.equal(['TC_X_*']);
    expect(merged.interrupted).to.equal(false);
    expect(mergeShardRuns([a, { ...b, interrupted: true }], order, []).interrupted).to.equal(true);
  });
});

describe('demo with shards: one merged report folder', function () {
  this.timeout(120_000);
  const temp = new TempDirs();
  after(() => temp.removeAll());

  it('runs 2.0.1 SUT=cs TC_B_0* in 2 pairs and writes one report with every case, same as one run', async () => {
    const dir = temp.make('ocpp-shards-');
    const lines: string[] = [];
    const io: CliIo = { out: (t) => lines.push(t), err: (t) => lines.push(t), isTty: false, env: {}, cwd: dir };
    const [sharded] = await runDemo({ versions: ['2.0.1'], suts: ['cs'], only: ['TC_B_0*'], defects: [], reportDir: join(dir, 'a'), reporters: ['console', 'json', 'traces'], maxShards: 2 }, io);
    await runDemo({ versions: ['2.0.1'], suts: ['cs'], only: ['TC_B_0*'], defects: [], reportDir: join(dir, 'b'), reporters: ['json'] }, quietIo(dir));
    expect(sharded?.exitCode, lines.join('\n')).to.equal(0);
    const report = JSON.parse(readFileSync(join(dir, 'a', 'ocpp2.0.1-cs', 'report.json'), 'utf8')) as RunResult;
    const one = JSON.parse(readFileSync(join(dir, 'b', 'ocpp2.0.1-cs', 'report.json'), 'utf8')) as RunResult;
    expect(report.tests.length).to.be.at.least(casesPerShard + 1);
    expect(report.tests.map((t) => t.id)).to.deep.equal(one.tests.map((t) => t.id));
    expect(report.tests.map((t) => t.verdict)).to.deep.equal(one.tests.map((t) => t.verdict));
    expect(report.summary.total).to.equal(report.tests.length);
    for (const t of report.tests) expect(t.trace.length, t.id).to.be.greaterThan(0);
    expect(readdirSync(join(dir, 'a', 'ocpp2.0.1-cs', 'shards')).sort()).to.deep.equal(['1', '2']);
    expect(readdirSync(join(dir, 'a', 'ocpp2.0.1-cs', 'traces'))).to.have.length(report.tests.length);
    expect(lines.join('\n')).to.match(/2 harness\/simulator pairs in parallel/);
  });
});

function quietIo(cwd: string): CliIo {
  return { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd };
}
