import { expect } from 'chai';
import { blockSummaries, blockTitle, formatDuration, profileSummaries, verdictSentence } from '../../src/reporters/summary.js';
import { fixtureRun } from './fixture.js';

describe('reporters/summary', () => {
  it('counts per certification profile: mandatory passed of applicable, conditional passed of applicable', () => {
    const profiles = profileSummaries(fixtureRun());
    expect(profiles.map((p) => p.line)).to.deep.equal([
      'Core, charging station: 1 of 2 mandatory cases passed; 0 of 1 applicable conditional cases passed',
      'Smart Charging, charging station: 0 of 2 mandatory cases passed',
    ]);
    expect(profiles[0]).to.deep.include({ profile: 'Core', claimed: true, mandatoryComplete: false });
    expect(profiles[0]!.conditional).to.deep.include({ total: 2, applicable: 1 });
  });

  it('says 97 of 104 when that is what happened, and lists an unclaimed profile as not claimed', () => {
    const run = fixtureRun();
    const pass = run.tests[0]!;
    const fail = run.tests[1]!;
    const na = { ...run.tests[3]!, certification: [{ profile: 'Smart Charging', need: 'M' as const }] };
    run.tests = [...Array.from({ length: 97 }, () => pass), ...Array.from({ length: 7 }, () => fail), na, na];
    run.pics = { items: {}, certificationProfiles: ['Core', 'Local Authorization List Management'] };
    expect(profileSummaries(run).map((p) => p.line)).to.deep.equal([
      'Core, charging station: 97 of 104 mandatory cases passed',
      'Local Authorization List Management, charging station: no case of this profile in this run',
      'Smart Charging, charging station: not claimed (2 cases not applicable)',
    ]);
    run.tests = run.tests.slice(0, 104);
    run.pics = { items: {}, claimAll: true };
    run.sut = 'csms';
    expect(profileSummaries(run).map((p) => [p.line, p.claimed])).to.deep.equal([['Core, CSMS: 97 of 104 mandatory cases passed', undefined]]);
  });

  it('counts per block in order of appearance, with block names for 2.0.1 letters', () => {
    expect(blockSummaries(fixtureRun()).map((b) => [b.title, b.total, b.byVerdict.pass, b.durationMs])).to.deep.equal([
      ['B Provisioning', 2, 1, 13572.25],
      ['E Transactions', 2, 0, 30000],
      ['K Smart Charging', 2, 0, 5.5],
    ]);
    expect(blockTitle('1.6', '01 Cold Boot')).to.equal('01 Cold Boot');
  });

  it('words and durations', () => {
    expect(verdictSentence(fixtureRun().summary.byVerdict, 6)).to.equal('6 cases: 1 passed, 1 failed, 1 inconclusive, 1 errors, 1 not applicable, 1 skipped');
    expect([formatDuration(5.5), formatDuration(1532), formatDuration(125_000)]).to.deep.equal(['6 ms', '1.5 s', '2 min 05 s']);
  });
});
