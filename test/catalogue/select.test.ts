import { expect } from 'chai';
import { blockMatches, compareNatural, globToRegExp, selectCases } from '../../src/catalogue/select.js';
import { profileKey, sameProfile } from '../../src/catalogue/profiles.js';
import { makeCase } from './support.js';

const cases = [
  makeCase({ id: 'TC_E_01_CS' }),
  makeCase({ id: 'TC_B_10_CS' }),
  makeCase({ id: 'TC_B_2_CS' }),
  makeCase({ id: 'TC_B_01_CS' }),
  makeCase({ id: 'TC_K_01_CS', certification: [{ profile: 'Smart Charging', need: 'M' }, { profile: 'ISO 15118 Support', need: 'M' }] }),
  makeCase({ id: 'TC_N_01_CS', certification: [{ profile: 'Core', need: 'C' }, { profile: 'Advanced Device Management', need: 'M' }] }),
  makeCase({ id: 'TC_B_19_CS', certification: [] }),
  makeCase({ id: 'TC_B_01_CSMS' }),
  makeCase({ id: 'TC_001_CS', version: '1.6', block: '01 Cold Boot' }),
  makeCase({ id: 'TC_056_CS', version: '1.6', block: '23 Smart Charging', certification: [{ profile: 'SmartCharging', need: 'M' }] }),
];
const ids = (list: ReadonlyArray<{ id: string }>): string[] => list.map((c) => c.id);
const reasonOf = (result: ReturnType<typeof selectCases>, id: string): string | undefined => result.excluded.find((e) => e.testCase.id === id)?.reason;

describe('catalogue/select', () => {
  it('orders naturally, grouped by version, side and block', () => {
    const { selected, excluded } = selectCases(cases);
    expect(excluded).to.deep.equal([]);
    expect(ids(selected)).to.deep.equal([
      'TC_001_CS', 'TC_056_CS',
      'TC_B_01_CS', 'TC_B_2_CS', 'TC_B_10_CS', 'TC_B_19_CS', 'TC_E_01_CS', 'TC_K_01_CS', 'TC_N_01_CS',
      'TC_B_01_CSMS',
    ]);
  });

  it('compares digit runs by value', () => {
    expect(compareNatural('TC_B_2_CS', 'TC_B_10_CS')).to.be.below(0);
    expect(compareNatural('TC_004_2_CS', 'TC_004_10_CS')).to.be.below(0);
    expect(compareNatural('TC_B_10_CS', 'TC_B_9_CS')).to.be.above(0);
    expect(compareNatural('TC_B_01_CS', 'TC_B_01_CSMS')).to.be.below(0);
    expect(compareNatural('TC_B_01_CS', 'TC_B_1_CS')).to.not.equal(0);
    expect(['b10', 'a', 'b9', 'b010', 'a2'].sort(compareNatural)).to.deep.equal(['a', 'a2', 'b9', 'b010', 'b10']);
  });

  it('excludes other versions and sides with the reason in words', () => {
    const r = selectCases(cases, { version: '2.0.1', sut: 'cs' });
    expect(ids(r.selected)).to.not.include('TC_001_CS').and.not.include('TC_B_01_CSMS');
    expect(reasonOf(r, 'TC_001_CS')).to.equal('OCPP 1.6 case, run is 2.0.1');
    expect(reasonOf(r, 'TC_B_01_CSMS')).to.equal('SUT is a CSMS, run tests a charging station');
  });

  it('matches --only globs against the whole id, case-insensitively', () => {
    const r = selectCases(cases, { version: '2.0.1', sut: 'cs', only: ['tc_b_0*', 'TC_?_10_CS', 'TC_X_*'] });
    expect(ids(r.selected)).to.deep.equal(['TC_B_01_CS', 'TC_B_10_CS']);
    expect(reasonOf(r, 'TC_B_2_CS')).to.equal('id does not match --only tc_b_0* TC_?_10_CS TC_X_*');
    expect(r.unmatchedGlobs).to.deep.equal(['TC_X_*']);
    // Anchored: TC_B_01 is not a prefix match, `.` in a glob is literal.
    expect(globToRegExp('TC_B_01').test('TC_B_01_CS')).to.be.false;
    expect(globToRegExp('TC.B*').test('TC_B_01_CS')).to.be.false;
    expect(globToRegExp('*_CSMS').test('tc_b_01_csms')).to.be.true;
    // Issue #11: character classes, ranges and braces, as a shell user writes them.
    const sample = ['TC_001_CS', 'TC_002_CS', 'TC_003_CS', 'TC_B_01_CS', 'TC_C_01_CS'];
    expect(sample.filter((id) => globToRegExp('TC_00[12]_CS').test(id))).to.deep.equal(['TC_001_CS', 'TC_002_CS']);
    expect(sample.filter((id) => globToRegExp('tc_00[2-3]_cs').test(id))).to.deep.equal(['TC_002_CS', 'TC_003_CS']);
    expect(sample.filter((id) => globToRegExp('TC_{B,C}_01_CS').test(id))).to.deep.equal(['TC_B_01_CS', 'TC_C_01_CS']);
  });

  it('selects blocks by letter or 1.6 group (number or full name)', () => {
    const r = selectCases(cases, { version: '2.0.1', blocks: ['e', 'K'] });
    expect(ids(r.selected)).to.deep.equal(['TC_E_01_CS', 'TC_K_01_CS']);
    expect(reasonOf(r, 'TC_B_01_CS')).to.equal('block B not selected');
    expect(ids(selectCases(cases, { version: '1.6', blocks: ['01'] }).selected)).to.deep.equal(['TC_001_CS']);
    expect(ids(selectCases(cases, { version: '1.6', blocks: ['23 smart charging'] }).selected)).to.deep.equal(['TC_056_CS']);
    expect(blockMatches('01 Cold Boot', '0')).to.be.false;
  });

  it('selects certification profiles by name or abbreviation', () => {
    const r = selectCases(cases, { version: '2.0.1', sut: 'cs', profiles: ['Smart Charging', 'ADM'] });
    expect(ids(r.selected)).to.deep.equal(['TC_K_01_CS', 'TC_N_01_CS']);
    expect(reasonOf(r, 'TC_B_01_CS')).to.equal('profile Core not selected');
    expect(reasonOf(r, 'TC_B_19_CS')).to.equal('no certification profile (not in Part 5) and --profile given');
    // 1.6 feature profile SmartCharging is the same profile as "smart charging".
    expect(ids(selectCases(cases, { version: '1.6', profiles: ['smart charging'] }).selected)).to.deep.equal(['TC_056_CS']);
  });

  it('reports the first reason when several filters exclude a case', () => {
    const r = selectCases(cases, { version: '2.0.1', only: ['TC_K_*'], blocks: ['B'] });
    expect(reasonOf(r, 'TC_001_CS')).to.equal('OCPP 1.6 case, run is 2.0.1');
    expect(reasonOf(r, 'TC_B_01_CS')).to.equal('id does not match --only TC_K_*');
    expect(reasonOf(r, 'TC_K_01_CS')).to.equal('block K not selected');
    expect(r.unmatchedGlobs).to.deep.equal([]);
  });

  it('knows the profile spellings', () => {
    expect(sameProfile('SmartCh', 'Smart Charging')).to.be.true;
    expect(sameProfile('ISO 15118', 'ISO 15118 Support')).to.be.true;
    expect(sameProfile('LAL', 'Local Authorization List Management')).to.be.true;
    expect(sameProfile('Core', 'Advanced Security')).to.be.false;
    expect(profileKey('AdvSec')).to.equal('advancedsecurity');
  });
});
