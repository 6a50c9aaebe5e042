/**
 * The honesty proof of the catalogue (DESIGN.md "Every test case is proven twice"): every case
 * passes against the compliant reference simulator, and fails against each simulator defect it
 * declares in `detects`. The runs are the real demo path (harness ↔ simulator over loopback),
 * in process; defect runs go several at a time because they mostly wait on the wire. By default
 * each case is proven against one of its defects (a daily seed picks which, printed with the test
 * name); `PROOF_MATRIX=full` or `npm run proof:full` runs every (case, defect) pair.
 */
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { loadTestCases } from '../../src/catalogue/loader.js';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { TestCase } from '../../src/engine/define.js';
import { allDefects } from '../../src/sim/defects.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { defectMatrix, matrixConcurrency } from '../helpers/defect-matrix.js';
import { evidenceGaps } from '../helpers/evidence-scan.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const cases: TestCase[] = await loadTestCases();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };
const groups = new Map<string, TestCase[]>();
for (const tc of cases) groups.set(`${tc.version}/${tc.sut}`, [...(groups.get(`${tc.version}/${tc.sut}`) ?? []), tc]);

/** Run `tasks` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Harness/simulator pairs of a compliant run: every case still runs after the ones before it in its shard. */
const compliantShards = 4;

async function verdictsOf(version: OcppVersion, sut: Role, options: { only?: string[]; defects?: string[]; shards?: number }): Promise<Map<string, { verdict: string; message?: string; gaps: string[] }>> {
  const runs = await runDemo(
    { versions: [version], suts: [sut], defects: options.defects ?? [], reportDir: temp.make('ocpp-proof-'), reporters: ['json'], maxShards: options.shards ?? 1, ...(options.only ? { only: options.only } : {}) },
    quiet,
  );
  const map = new Map<string, { verdict: string; message?: string; gaps: string[] }>();
  for (const r of runs) for (const t of r.run?.tests ?? []) map.set(t.id, { verdict: t.verdict, ...(t.message ? { message: t.message } : {}), gaps: evidenceGaps(t) });
  return map;
}

describe('catalogue proofs: each case passes against the compliant simulator and fails against its defects', function () {
  after(() => temp.removeAll());
  this.timeout(15 * 60_000);

  it('every case names defects that exist for its simulator, side and version', () => {
    const known = allDefects();
    const problems: string[] = [];
    for (const tc of cases) {
      for (const d of tc.detects) {
        if (!known.some((k) => k.name === d && k.side === tc.sut && k.versions.includes(tc.version))) problems.push(`${tc.id}: no ${tc.sut === 'cs' ? 'station' : 'CSMS'} simulator defect "${d}" for OCPP ${tc.version}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  for (const [key, group] of groups) {
    const [version, sut] = key.split('/') as [OcppVersion, Role];

    it(`OCPP ${version} SUT=${sut}: all ${group.length} cases pass in one demo run (${compliantShards} shards) against the compliant simulator`, async () => {
      const verdicts = await verdictsOf(version, sut, { shards: compliantShards });
      const notPassed = group.filter((tc) => verdicts.get(tc.id)?.verdict !== 'pass').map((tc) => `${tc.id}: ${verdicts.get(tc.id)?.verdict ?? 'not run'} — ${verdicts.get(tc.id)?.message ?? ''}`);
      expect(notPassed).to.deep.equal([]);
    });

    const matrix = defectMatrix(group);
    const scope = matrix.full ? `every defect it detects (${matrix.total} pairs)` : `one of its defects (${matrix.pairs.length} of ${matrix.total} pairs, PROOF_SEED=${matrix.seed}; PROOF_MATRIX=full for all)`;
    it(`OCPP ${version} SUT=${sut}: each case fails against ${scope}`, async () => {
      const outcomes = await pool(matrix.pairs, matrixConcurrency(), async ({ tc, defect }) => {
        const v = (await verdictsOf(version, sut, { only: [tc.id], defects: [defect] })).get(tc.id);
        // Issue #24: a failed check of a defect run cites the frames it looked at, never none.
        if (v?.verdict === 'fail' && v.gaps.length > 0) return `${tc.id} with ${defect}: ${v.gaps.join('; ')}`;
        return v?.verdict === 'fail' ? undefined : `${tc.id} with ${defect}: ${v?.verdict ?? 'not run'} — ${v?.message ?? ''}`;
      });
      expect(outcomes.filter((o) => o !== undefined)).to.deep.equal([]);
    });
  }
});
