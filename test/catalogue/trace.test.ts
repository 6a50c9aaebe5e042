/**
 * Traceability against the official documents (issue #10): each implemented case's declared
 * `validations` / `waivers` are held against the validated steps of Part 6 (2.0.1) and the OCTT 1.6
 * test-case document, read from `../shared/spec` (skipped, saying so, when it is absent). A step a
 * case names that the document does not validate fails, and so does an official validated step
 * neither traced nor waived: every implemented case traces 100% of its validated steps.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTestCases } from '../../src/catalogue/loader.js';
import { officialValidations } from '../../src/catalogue/official-text.js';
import { officialSteps, type OfficialStep } from '../../src/catalogue/trace.js';
import type { TestCase } from '../../src/engine/define.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const spec = resolve(root, '..', 'shared', 'spec');
const docs = [join(spec, 'ocpp-2.0.1', 'OCPP-2.0.1_edition3_part6-testcases.txt'), join(spec, 'ocpp-1.6', 'ocpp-1.6-octt-test-case-document-2024-04.txt')];
const cases: TestCase[] = await loadTestCases();

/** The `step: N` numbers a case's source names in its checks and expectations. */
function stepsNamedInSource(tc: TestCase): number[] {
  const file = join(root, 'testcases', (tc.source ?? '').replace(/\.js$/, '.ts'));
  if (!existsSync(file)) return [];
  const body = readFileSync(file, 'utf8').split('async run(ctx)')[1] ?? '';
  return [...body.matchAll(/\bstep: (\d+)\b/g)].map((m) => Number(m[1]));
}

describe('catalogue trace: every official validated step of an implemented case is traced or waived', function () {
  this.timeout(60_000);
  const present = docs.every((d) => existsSync(d));

  it('the committed official-validations data matches the documents (re-run scripts/gen-spec-data.ts when it does not)', function () {
    if (!present) this.skip();
    const problems: string[] = [];
    for (const doc of docs) {
      for (const [id, v] of officialValidations(readFileSync(doc, 'utf8'))) {
        const committed = officialSteps(id);
        const live = [...v.steps, ...(v.post ? ['post'] : [])];
        if (JSON.stringify(committed) !== JSON.stringify(live)) problems.push(`${id}: committed ${JSON.stringify(committed)}, document ${JSON.stringify(live)}`);
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it('no case names a step the document does not validate; every validated step is traced or waived', function () {
    if (!present) {
      console.log(`      (skipped: ${spec} is not here; the trace is held against the official text only where it is)`);
      this.skip();
    }
    const live = new Map<string, OfficialStep[]>();
    for (const doc of docs) for (const [id, v] of officialValidations(readFileSync(doc, 'utf8'))) live.set(id, [...v.steps, ...(v.post ? (['post'] as const) : [])]);
    const problems: string[] = [];
    for (const tc of cases) {
      const official = live.get(tc.id);
      if (!official) continue;
      const declared = new Set<OfficialStep>([...(tc.validations ?? []).map((v) => v.step), ...(tc.waivers ?? []).map((w) => w.step)]);
      for (const s of declared) if (!official.includes(s)) problems.push(`${tc.id}: names step ${String(s)}, which the document does not validate (it validates ${official.join(', ') || 'none'})`);
      for (const s of stepsNamedInSource(tc)) if (!official.includes(s)) problems.push(`${tc.id}: a check names step ${s}, which the document does not validate`);
      const untraced = official.filter((s) => !declared.has(s));
      for (const s of untraced) problems.push(`${tc.id}: official validated step ${String(s)} is neither traced nor waived`);
    }
    expect(problems).to.deep.equal([]);
  });

  it('list data: every implemented case in the documents carries its validations summary', () => {
    const missing = cases.filter((tc) => officialSteps(tc.id) !== undefined && tc.validationSummary === undefined).map((tc) => tc.id);
    expect(missing).to.deep.equal([]);
    const b22 = cases.find((tc) => tc.id === 'TC_B_22_CS');
    expect(b22?.validationSummary?.official).to.be.greaterThan(0);
  });
});
