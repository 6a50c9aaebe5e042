/** Test-case metadata checks that need no I/O: each rule reports exactly its own problem. */
import { expect } from 'chai';
import { defineTestCase, metadataProblems, type TestCaseDefinition } from '../../src/engine/define.js';

const good: TestCaseDefinition = { id: 'TC_B_01_CS', version: '2.0.1', sut: 'cs', block: 'B', title: 'Cold boot', certification: [{ profile: 'Core', need: 'M' }], detects: ['boot.none'], run: async () => undefined };
const problems = (change: Record<string, unknown>): string[] => metadataProblems({ ...good, ...change });

describe('engine/define', () => {
  it('a complete definition has no problems and is frozen', () => {
    expect(metadataProblems(good)).to.deep.equal([]);
    const tc = defineTestCase(good);
    expect(Object.isFrozen(tc)).to.equal(true);
    expect(tc.id).to.equal('TC_B_01_CS');
    expect(metadataProblems({ ...good, id: 'TC_001_CSMS', sut: 'csms', version: '1.6' })).to.deep.equal([]);
    expect(metadataProblems({ ...good, version: '2.1', certification: [{ profile: 'Core', need: 'C' }] })).to.deep.equal([]);
  });

  it('the id must look official and be anchored', () => {
    for (const id of ['TC_b_01_CS', 'XTC_B_01_CS', 'TC_B_01_CSX', 'TC_B_01', 7]) {
      expect(problems({ id }), String(id)).to.deep.equal([`id must look like TC_B_01_CS or TC_001_CSMS, got ${JSON.stringify(id)}`]);
    }
  });

  it('sut must be cs or csms and agree with the id suffix', () => {
    expect(problems({ sut: 'station' })).to.deep.equal([`sut must be 'cs' or 'csms', got "station"`]);
    expect(problems({ sut: 'csms' })).to.deep.equal([`id TC_B_01_CS ends in _CS but sut is 'csms'`]);
    expect(problems({ id: 'TC_B_01_CSMS' })).to.deep.equal([`id TC_B_01_CSMS ends in _CSMS but sut is 'cs'`]);
  });

  it('version, title, block, certification, detects and run are each required', () => {
    expect(problems({ version: '2.0' })).to.deep.equal(['version must be 1.6, 2.0.1 or 2.1, got "2.0"']);
    expect(problems({ title: '  ' })).to.deep.equal(['title is missing']);
    expect(problems({ title: undefined })).to.deep.equal(['title is missing']);
    expect(problems({ block: '' })).to.deep.equal(['block is missing']);
    expect(problems({ block: 3 })).to.deep.equal(['block is missing']);
    expect(problems({ certification: undefined })).to.deep.equal(['certification is missing (list of { profile, need: "M" | "C" })']);
    expect(problems({ certification: [{ profile: 'Core', need: 'X' }] })).to.deep.equal(['certification need must be "M" or "C", got "X"']);
    expect(problems({ detects: [] })).to.deep.equal(['detects is missing: name at least one simulator defect this case catches']);
    expect(problems({ detects: 'x' })).to.deep.equal(['detects is missing: name at least one simulator defect this case catches']);
    expect(problems({ run: 'later' })).to.deep.equal(['run(ctx) is missing']);
  });

  it('defineTestCase throws a TypeError listing every problem', () => {
    expect(() => defineTestCase({ ...good, title: '', detects: [] })).to.throw(TypeError, 'test case TC_B_01_CS: title is missing; detects is missing: name at least one simulator defect this case catches');
  });
});
