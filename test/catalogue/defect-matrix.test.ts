import { expect } from 'chai';
import { defectMatrix, matrixConcurrency } from '../helpers/defect-matrix.js';

const cases = [
  { id: 'TC_A', detects: ['d1', 'd2', 'd3'] },
  { id: 'TC_B', detects: ['d4'] },
  { id: 'TC_C', detects: [] },
];

describe('proof defect matrix: sampled by default, every pair with PROOF_MATRIX=full', () => {
  it('full runs every (case, defect) pair', () => {
    const m = defectMatrix(cases, { PROOF_MATRIX: 'full' });
    expect(m.full).to.equal(true);
    expect(m.pairs.map((p) => `${p.tc.id}/${p.defect}`)).to.deep.equal(['TC_A/d1', 'TC_A/d2', 'TC_A/d3', 'TC_B/d4']);
  });

  it('the sample proves every case with defects against exactly one of its own, the same for the same seed', () => {
    const a = defectMatrix(cases, { PROOF_SEED: '7' });
    const b = defectMatrix(cases, { PROOF_SEED: '7' });
    expect(a.full).to.equal(false);
    expect(a.total).to.equal(4);
    expect(a.pairs.map((p) => p.tc.id)).to.deep.equal(['TC_A', 'TC_B']);
    for (const p of a.pairs) expect(p.tc.detects).to.include(p.defect);
    expect(a.pairs).to.deep.equal(b.pairs);
  });

  it('over seeds the sample reaches every defect', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) for (const p of defectMatrix(cases, { PROOF_SEED: String(seed) }).pairs) seen.add(p.defect);
    expect([...seen].sort()).to.deep.equal(['d1', 'd2', 'd3', 'd4']);
  });

  it('concurrency comes from PROOF_CONCURRENCY when it is a positive integer', () => {
    expect(matrixConcurrency({ PROOF_CONCURRENCY: '3' })).to.equal(3);
    expect(matrixConcurrency({ PROOF_CONCURRENCY: 'x' })).to.equal(8);
    expect(matrixConcurrency({})).to.equal(8);
  });
});
