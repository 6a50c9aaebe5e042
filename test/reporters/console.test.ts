import { expect } from 'chai';
import { summarise } from '../../src/engine/run-model.js';
import { consoleReporter, useColour } from '../../src/reporters/console.js';
import { fixtureRun } from './fixture.js';

async function play(io: { isTty: boolean; env: Record<string, string | undefined> }): Promise<string[]> {
  const lines: string[] = [];
  const reporter = consoleReporter({ ...io, out: (t) => lines.push(t) });
  const full = fixtureRun();
  await reporter.onRunBegin!(full, 12);
  for (let n = 1; n <= 3; n++) {
    const tests = full.tests.slice(0, n);
    await reporter.onCaseEnd!(tests[n - 1]!, { ...full, partial: true, tests, summary: summarise(tests) });
  }
  await reporter.onRunEnd!(full);
  return lines;
}

describe('reporters/console', () => {
  it('prints a line per case with progress and the reason, then a summary per verdict and per profile', async () => {
    const lines = await play({ isTty: false, env: {} });
    expect(lines[0]).to.equal('[ 1/12] pass           TC_B_01_CS  Cold Boot Charging Station - Accepted  (1.5 s)');
    expect(lines[1]).to.equal('[ 2/12] fail           TC_B_02_CS  Cold Boot Charging Station - Pending  (12.0 s)\n      Heartbeat came 9120 ms after the previous one; allowed 300000 ± 4000 ms');
    expect(lines[2]).to.match(/^\[ 3\/12\] inconclusive {3}TC_E_01_CS/);
    const summary = lines[3]!;
    expect(summary).to.include('verdict           cases\npass                  1\nfail                  1\ninconclusive          1\nerror                 1\nnot applicable        1\nskipped               1\ntotal                 6');
    expect(summary).to.include('  Core, charging station: 1 of 2 mandatory cases passed; 0 of 1 applicable conditional cases passed');
    expect(summary).to.include('6 cases: 1 passed, 1 failed, 1 inconclusive, 1 errors, 1 not applicable, 1 skipped');
    expect(lines.join('\n')).not.to.include('\u001b[');
  });

  it('colours verdicts only on a terminal without NO_COLOR', async () => {
    expect((await play({ isTty: true, env: {} }))[1]).to.include('\u001b[31mfail');
    expect((await play({ isTty: true, env: { NO_COLOR: '1' } })).join('')).not.to.include('\u001b[');
    expect(useColour({ isTty: false, env: {} })).to.equal(false);
  });

  it('FORCE_COLOR colours off a terminal (CI logs), NO_COLOR wins over it, TERM=dumb has none', () => {
    expect(useColour({ isTty: false, env: { FORCE_COLOR: '1' } })).to.equal(true);
    expect(useColour({ isTty: false, env: { FORCE_COLOR: '0' } })).to.equal(false);
    expect(useColour({ isTty: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).to.equal(false);
    expect(useColour({ isTty: true, env: { TERM: 'dumb' } })).to.equal(false);
  });
});
