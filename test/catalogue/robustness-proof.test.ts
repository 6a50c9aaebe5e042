/**
 * The honesty proof of the robustness catalogue (issue #16), as for the official one: every RB_
 * case passes against the compliant simulators and fails against each simulator defect it
 * declares; at least one case per interoperability-bug entry it claims; metadata complete; never
 * part of the official catalogue.
 */
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { loadCatalogueOf } from '../../src/catalogue/catalogues.js';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { TestCase } from '../../src/engine/define.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { allDefects } from '../../src/sim/defects.js';
import { evidenceGaps } from '../helpers/evidence-scan.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const cases: TestCase[] = (await loadCatalogueOf('robustness')).cases;
const official: TestCase[] = (await loadCatalogueOf('official')).cases;
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };
const groups = new Map<string, TestCase[]>();
for (const tc of cases) groups.set(`${tc.version}/${tc.sut}`, [...(groups.get(`${tc.version}/${tc.sut}`) ?? []), tc]);

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

async function verdictsOf(version: OcppVersion, sut: Role, options: { only?: string[]; defects?: string[] }): Promise<Map<string, { verdict: string; message?: string; gaps: string[] }>> {
  const runs = await runDemo(
    { versions: [version], suts: [sut], defects: options.defects ?? [], reportDir: temp.make('ocpp-rb-proof-'), reporters: ['json'], catalogue: 'robustness', ...(options.only ? { only: options.only } : {}) },
    quiet,
  );
  const map = new Map<string, { verdict: string; message?: string; gaps: string[] }>();
  for (const r of runs) for (const t of r.run?.tests ?? []) map.set(t.id, { verdict: t.verdict, ...(t.message ? { message: t.message } : {}), gaps: evidenceGaps(t) });
  return map;
}

describe('robustness catalogue proofs: each RB_ case passes against the compliant simulator and fails against its defects', function () {
  after(() => temp.removeAll());
  this.timeout(15 * 60_000);

  it('has at least one case for each IB entry it covers, ids RB_IB<nn>_<n>_<side>, no certification profile', () => {
    expect(cases.length).to.be.greaterThan(29);
    for (const tc of cases) {
      expect(tc.id).to.match(/^RB_IB\d{2}_\d+_(CS|CSMS)$/);
      expect(tc.robustness?.ib).to.equal(`IB-${tc.id.slice(5, 7)}`);
      expect(tc.robustness?.clause, tc.id).to.be.a('string').and.not.equal('');
      expect(tc.certification, tc.id).to.deep.equal([]);
    }
    expect(official.some((tc) => tc.robustness !== undefined || tc.id.startsWith('RB_'))).to.equal(false);
  });

  it('every case names defects that exist for its simulator, side and version', () => {
    const known = allDefects();
    const problems = cases.flatMap((tc) =>
      tc.detects.filter((d) => !known.some((k) => k.name === d && k.side === tc.sut && k.versions.includes(tc.version))).map((d) => `${tc.id}: no ${tc.sut} defect ${d} for ${tc.version}`),
    );
    expect(problems).to.deep.equal([]);
  });

  for (const [key, group] of groups) {
    const [version, sut] = key.split('/') as [OcppVersion, Role];

    it(`OCPP ${version} SUT=${sut}: all ${group.length} robustness cases pass in one run against the compliant simulator`, async () => {
      const verdicts = await verdictsOf(version, sut, {});
      const notPassed = group.filter((tc) => verdicts.get(tc.id)?.verdict !== 'pass').map((tc) => `${tc.id}: ${verdicts.get(tc.id)?.verdict ?? 'not run'} — ${verdicts.get(tc.id)?.message ?? ''}`);
      expect(notPassed).to.deep.equal([]);
    });

    it(`OCPP ${version} SUT=${sut}: each robustness case fails against every defect it detects`, async () => {
      const pairs = group.flatMap((tc) => tc.detects.map((defect) => ({ tc, defect })));
      const outcomes = await pool(pairs, 4, async ({ tc, defect }) => {
        const v = (await verdictsOf(version, sut, { only: [tc.id], defects: [defect] })).get(tc.id);
        // Issue #24: a failed check of a defect run cites the frames it looked at, never none.
        if (v?.verdict === 'fail' && v.gaps.length > 0) return `${tc.id} with ${defect}: ${v.gaps.join('; ')}`;
        return v?.verdict === 'fail' ? undefined : `${tc.id} with ${defect}: ${v?.verdict ?? 'not run'} — ${v?.message ?? ''}`;
      });
      expect(outcomes.filter((o) => o !== undefined)).to.deep.equal([]);
    });
  }
});
