import { expect } from 'chai';
import * as path from 'node:path';
import { loadTestCases } from '../../src/catalogue/loader.js';
import {
  checkAgainstOfficial,
  coverage,
  formatOfficialProblems,
  hasOfficialIdShape,
  parseCertification,
  parseCsv,
  parseOfficialCatalogue,
  readOfficialCatalogue,
  type OfficialEntry,
} from '../../src/catalogue/official.js';
import { part5Profiles } from '../../src/catalogue/profiles.js';
import { HarnessError } from '../../src/errors.js';
import { fixture, makeCase, sharedAbsentMessage, sharedCatalogueDir, sharedCataloguePresent } from './support.js';

const miniCsv = [
  'id,version,side,tool_plays,block,block_name,title,certification,feature_refs,use_cases',
  'TC_B_01_CS,2.0.1,CS,CSMS,B,Provisioning,Cold Boot Charging Station - Accepted,Core:M,,B01',
  'TC_B_03_CS,2.0.1,CS,CSMS,B,Provisioning,Cold Boot Charging Station - Rejected,Core:M,,B03',
  'TC_B_19_CS,2.0.1,CS,CSMS,B,Provisioning,Get Custom Report - for unknown component criteria,not-in-part5,,B08',
  'TC_A_13_CS,2.0.1,CS,CSMS,A,Security,Update certificate - Combined Certificate,removed-by-errata-2025-02,ISO-3,"A00, A02"',
  'TC_C_15_CS,2.0.1,CS,CSMS,C,Authorization,"Cache - StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0",Core:C,"C-03, C-30",C12',
  'TC_K_01_CS,2.0.1,CS,CSMS,K,Smart Charging,Set Charging Profile - TxDefaultProfile - Specific EVSE,SmartCh:M ISO15118:M,,K01',
  'TC_B_01_CSMS,2.0.1,CSMS,ChargingStation,B,Provisioning,Cold Boot Charging Station - Accepted,Core:M,,B01',
  '',
].join('\r\n');
const mini = parseOfficialCatalogue(miniCsv, '2.0.1', 'mini.csv');

describe('catalogue/official: CSV', () => {
  it('parses quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n"x, y","say ""hi""",plain\n"",,"multi\nline"\r\nlast,"",end';
    expect(parseCsv(text)).to.deep.equal([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'plain'],
      ['', '', 'multi\nline'],
      ['last', '', 'end'],
    ]);
  });

  it('keeps a trailing empty field and tolerates a missing final newline and a BOM', () => {
    expect(parseCsv('\uFEFFa,b,\n1,2,')).to.deep.equal([['a', 'b', ''], ['1', '2', '']]);
    expect(parseCsv('a\n')).to.deep.equal([['a']]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a,"b\n')).to.throw(HarnessError, /quoted field/);
  });

  it('rejects a record whose field count differs from the header', () => {
    expect(() => parseOfficialCatalogue('id,version,side,group,title\nTC_001_CS,1.6,CS,Core\n', '1.6')).to.throw(HarnessError, /record 2 has 4 fields, the header has 5/);
  });
});

describe('catalogue/official: certification cells', () => {
  it('expands the abbreviations to the Part 5 profile names', () => {
    expect(parseCertification('Core:M')).to.deep.equal({ certification: [{ profile: 'Core', need: 'M' }] });
    expect(parseCertification('Core:C ADM:M')).to.deep.equal({
      certification: [
        { profile: 'Core', need: 'C' },
        { profile: 'Advanced Device Management', need: 'M' },
      ],
    });
    expect(parseCertification('SmartCh:M ISO15118:C').certification.map((c) => c.profile)).to.deep.equal(['Smart Charging', 'ISO 15118 Support']);
  });

  it('reads the status cells', () => {
    expect(parseCertification('not-in-part5')).to.deep.equal({ certification: [], status: 'not-in-part5' });
    expect(parseCertification('removed-by-errata-2025-02')).to.deep.equal({ certification: [], status: 'removed-by-errata-2025-02' });
  });

  it('rejects unknown abbreviations and needs', () => {
    expect(() => parseCertification('Core:M Foo:M')).to.throw(HarnessError, /unknown certification profile abbreviation "Foo"/);
    expect(() => parseCertification('Core:X')).to.throw(HarnessError, /not <profile>:M/);
  });

  it('parses entries of the 2.0.1 layout', () => {
    const c15 = mini.find((e) => e.id === 'TC_C_15_CS')!;
    expect(c15).to.deep.equal({
      id: 'TC_C_15_CS',
      version: '2.0.1',
      side: 'cs',
      block: 'C',
      blockName: 'Authorization',
      title: 'Cache - StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0',
      certification: [{ profile: 'Core', need: 'C' }],
      featureRefs: ['C-03', 'C-30'],
      useCases: ['C12'],
    });
    expect(mini.find((e) => e.id === 'TC_A_13_CS')!.status).to.equal('removed-by-errata-2025-02');
  });
});

describe('catalogue/official: the real tables in ../shared/catalogue', () => {
  let v201: OfficialEntry[] = [];
  let v16: OfficialEntry[] = [];
  before(async function () {
    if (!sharedCataloguePresent) {
      this.skip();
      return;
    }
    v201 = await readOfficialCatalogue(path.join(sharedCatalogueDir, 'ocpp-2.0.1.csv'), '2.0.1');
    v16 = await readOfficialCatalogue(path.join(sharedCatalogueDir, 'ocpp-1.6-octt-2024-04.csv'), '1.6');
  });

  it(sharedCataloguePresent ? 'reads every row, with every certification abbreviation known' : sharedAbsentMessage, () => {
    expect(v201).to.have.length(676);
    expect(v201.filter((e) => e.side === 'cs')).to.have.length(424);
    expect(v16).to.have.length(177);
    expect(v16.filter((e) => e.side === 'cs')).to.have.length(102);
    const used = new Set(v201.flatMap((e) => e.certification.map((c) => c.profile)));
    expect([...used].sort()).to.deep.equal([...part5Profiles].sort());
    expect(v201.filter((e) => e.status === 'removed-by-errata-2025-02').map((e) => e.id)).to.include('TC_A_13_CS');
    expect(v201.every((e) => hasOfficialIdShape(e.id, '2.0.1'))).to.be.true;
    expect(v16.every((e) => hasOfficialIdShape(e.id, '1.6'))).to.be.true;
  });

  it(sharedCataloguePresent ? 'parses real rows with quoted commas and two profiles' : sharedAbsentMessage, () => {
    const c15 = v201.find((e) => e.id === 'TC_C_15_CS')!;
    expect(c15.title).to.equal('Authorization through authorization cache - StopTxOnInvalidId = false, MaxEnergyOnInvalidId > 0');
    expect(c15.featureRefs).to.deep.equal(['C-03', 'C-30', 'C-31', 'C-32', 'C-49']);
    const k01 = v201.find((e) => e.id === 'TC_K_01_CS')!;
    expect(k01.certification).to.deep.equal([
      { profile: 'Smart Charging', need: 'M' },
      { profile: 'ISO 15118 Support', need: 'M' },
    ]);
    const b02 = v201.find((e) => e.id === 'TC_B_02_CS')!;
    expect(b02.useCases).to.deep.equal(['B02', 'F06']);
    const cs16 = v16.find((e) => e.id === 'TC_004_1_CS')!;
    expect(cs16).to.deep.include({ side: 'cs', block: 'Start Charging Session', section: '2.2', featureProfile: 'Core', title: 'Regular Charging Session \u2013 Identification First', certification: [] });
    expect(cs16.blockName).to.equal(undefined);
    expect(v16.find((e) => e.id === 'TC_042_1_CS')?.featureProfile).to.equal('LocalAuthListManagement');
  });

  it(sharedCataloguePresent ? 'finds the deliberately wrong title of the title-differs fixture' : sharedAbsentMessage, async () => {
    const cases = await loadTestCases(fixture('title-differs'));
    const problems = checkAgainstOfficial(cases, [...v201, ...v16]);
    expect(formatOfficialProblems(problems)).to.contain('"Cold Boot Station - Rejected"').and.contain('"Cold Boot Charging Station - Rejected"');
    // The good fixtures carry the official metadata.
    expect(checkAgainstOfficial(await loadTestCases(fixture('good')), [...v201, ...v16])).to.deep.equal([]);
  });
});

describe('catalogue/official: checkAgainstOfficial', () => {
  it('reports a title that differs, naming both and the source file', async () => {
    const cases = await loadTestCases(fixture('title-differs'));
    const problems = checkAgainstOfficial(cases, mini);
    const title = problems.find((p) => p.problem.startsWith('title differs'));
    expect(title, formatOfficialProblems(problems)).to.not.equal(undefined);
    expect(title!.source).to.equal('ocpp2.0.1/cs/B-provisioning/TC_B_03_CS.js');
    expect(title!.problem).to.contain('ours:     "Cold Boot Station - Rejected"').and.contain('official: "Cold Boot Charging Station - Rejected"');
    expect(problems.map((p) => p.problem)).to.include('certification is Core:C, the catalogue says Core:M');
  });

  it('ignores whitespace differences in titles and the order of profiles', () => {
    const cases = [
      makeCase({ id: 'TC_B_01_CS', block: 'B', title: ' Cold Boot  Charging Station -\tAccepted ' }),
      makeCase({ id: 'TC_K_01_CS', block: 'K', title: 'Set Charging Profile - TxDefaultProfile - Specific EVSE', certification: [{ profile: 'ISO 15118 Support', need: 'M' }, { profile: 'Smart Charging', need: 'M' }] }),
      makeCase({ id: 'TC_B_19_CS', block: 'B', title: 'Get Custom Report - for unknown component criteria', certification: [] }),
    ];
    expect(checkAgainstOfficial(cases, mini)).to.deep.equal([]);
  });

  it('reports unknown ids, wrong blocks, removed cases and certification of uncertified cases', () => {
    const cases = [
      makeCase({ id: 'TC_B_99_CS', block: 'B' }),
      makeCase({ id: 'TC_B_01_CSMS', block: 'E', title: 'Cold Boot Charging Station - Accepted' }),
      makeCase({ id: 'TC_A_13_CS', block: 'A', title: 'Update certificate - Combined Certificate', certification: [] }),
      makeCase({ id: 'TC_B_19_CS', block: 'B', title: 'Get Custom Report - for unknown component criteria' }),
    ];
    const problems = checkAgainstOfficial(cases, mini).map((p) => `${p.id}: ${p.problem}`);
    expect(problems).to.deep.equal([
      'TC_B_99_CS: TC_B_99_CS is not in the official OCPP 2.0.1 catalogue',
      'TC_B_01_CSMS: block is "E", the catalogue says "B" (Provisioning)',
      'TC_A_13_CS: TC_A_13_CS was removed by the 2025-02 errata',
      'TC_B_19_CS: certification is Core:M, the catalogue says (none: not in Part 5)',
    ]);
  });

  it('skips ids that are not official and versions without a table', () => {
    const cases = [makeCase({ id: 'TC_HARNESS_EXTRA_CS', block: 'B' }), makeCase({ id: 'TC_B_77_CS', version: '2.1', block: 'B' })];
    expect(checkAgainstOfficial(cases, mini)).to.deep.equal([]);
  });

  it('compares 1.6 groups but not certification (the 1.6 table has none)', () => {
    const v16 = parseOfficialCatalogue('id,version,side,tool_plays,group,title\nTC_001_CSMS,1.6,CSMS,ChargePoint,Core,Cold Boot Charge Point\n', '1.6');
    const good = makeCase({ id: 'TC_001_CSMS', version: '1.6', block: 'Core', title: 'Cold Boot Charge Point' });
    const wrong = makeCase({ id: 'TC_001_CSMS', version: '1.6', block: '01 Cold Boot', title: 'Cold Boot Charge Point' });
    expect(checkAgainstOfficial([good], v16)).to.deep.equal([]);
    expect(checkAgainstOfficial([wrong], v16).map((p) => p.problem)).to.deep.equal(['block is "01 Cold Boot", the catalogue says "Core"']);
  });
});

describe('catalogue/official: coverage', () => {
  it('counts official and implemented cases per version, side and block, leaving out removed ones', () => {
    const cases = [makeCase({ id: 'TC_B_01_CS' }), makeCase({ id: 'TC_K_01_CS' }), makeCase({ id: 'TC_A_13_CS' }), makeCase({ id: 'TC_Z_01_CS' })];
    const cov = coverage(cases, mini);
    const cs = cov.find((c) => c.version === '2.0.1' && c.sut === 'cs')!;
    expect(cs.official).to.equal(5);
    expect(cs.implemented).to.equal(2);
    expect(cs.notInCatalogue).to.deep.equal(['TC_A_13_CS', 'TC_Z_01_CS']);
    expect(cs.blocks).to.deep.equal([
      { block: 'B', blockName: 'Provisioning', official: 3, implemented: 1 },
      { block: 'C', blockName: 'Authorization', official: 1, implemented: 0 },
      { block: 'K', blockName: 'Smart Charging', official: 1, implemented: 1 },
    ]);
    const csms = cov.find((c) => c.sut === 'csms')!;
    expect([csms.official, csms.implemented]).to.deep.equal([1, 0]);
  });
});
