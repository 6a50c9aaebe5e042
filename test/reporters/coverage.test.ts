/** Requirement coverage: each FR takes the worst verdict of the cases covering it, grouped by use case. */
import { expect } from 'chai';
import type { CaseResult } from '../../src/engine/run-model.js';
import { coverageLine, requirementCoverage, useCaseOf } from '../../src/reporters/coverage.js';
import { fixtureRun } from './fixture.js';

function tc(id: string, verdict: CaseResult['verdict'], requirements: string[], useCases?: string[]): CaseResult {
  const t = { ...(fixtureRun().tests[0] as CaseResult), id, verdict, requirements };
  return useCases ? { ...t, useCases } : t;
}

describe('reporters: requirement coverage', () => {
  it('gives each requirement the worst verdict of its cases, by use case, in numeric order', () => {
    const summary = requirementCoverage({
      tests: [
        tc('A', 'pass', ['B01.FR.01', 'B01.FR.10']),
        tc('B', 'fail', ['B01.FR.10']),
        tc('C', 'inconclusive', ['B01.FR.2']),
        tc('D', 'notApplicable', ['E02.FR.01']),
        tc('E', 'pass', [], ['C01']),
      ],
    });
    expect(summary.useCases.map((u) => [u.useCase, u.state])).to.deep.equal([
      ['B01', 'failed'],
      ['C01', 'passed'],
      ['E02', 'notRun'],
    ]);
    const b01 = summary.useCases[0]!;
    expect(b01.requirements.map((r) => [r.id, r.state, r.cases.map((c) => c.id).join('+')])).to.deep.equal([
      ['B01.FR.01', 'passed', 'A'],
      ['B01.FR.2', 'inconclusive', 'C'],
      ['B01.FR.10', 'failed', 'A+B'],
    ]);
    expect(summary.counts).to.deep.equal({ failed: 1, inconclusive: 1, passed: 1, notRun: 1 });
    expect(coverageLine(summary)).to.equal('4 requirements: 1 passed, 1 failed, 1 inconclusive, 1 not run');
  });

  it('reads the use case from the requirement id', () => {
    expect([useCaseOf('B01.FR.05'), useCaseOf('E04.FR.1'), useCaseOf('odd')]).to.deep.equal(['B01', 'E04', 'odd']);
  });

  it('counts nothing for a run whose cases name no requirements', () => {
    expect(coverageLine(requirementCoverage({ tests: [tc('A', 'pass', [])] }))).to.equal('0 requirements: 0 passed, 0 failed, 0 inconclusive, 0 not run');
  });
});
