import { expect } from 'chai';
import * as path from 'node:path';
import { defaultTestcasesRoot, loadCatalogue, loadTestCases, versionOfFolder } from '../../src/catalogue/loader.js';
import { HarnessError } from '../../src/errors.js';
import { fixture } from './support.js';

async function loadError(root: string): Promise<HarnessError> {
  try {
    await loadTestCases(root);
  } catch (err) {
    expect(err).to.be.instanceOf(HarnessError);
    return err as HarnessError;
  }
  throw new Error(`expected ${root} to fail to load`);
}

describe('catalogue/loader', () => {
  it('loads the good fixture tree with each case marked with its source file', async () => {
    const cases = await loadTestCases(fixture('good'));
    expect(cases.map((c) => c.id).sort()).to.deep.equal(['TC_001_CSMS', 'TC_B_01_CSMS', 'TC_B_01_CS', 'TC_B_09_CS', 'TC_E_01_CS', 'TC_K_01_CS'].sort());
    const b01 = cases.find((c) => c.id === 'TC_B_01_CS')!;
    expect(b01.source).to.equal('ocpp2.0.1/cs/B-provisioning/TC_B_01_CS.js');
    expect(b01.states).to.deep.equal(['Booted']);
    expect(typeof b01.run).to.equal('function');
    expect(Object.isFrozen(b01)).to.be.true;
  });

  it('filters by version and side, reading only the matching folders', async () => {
    const cs201 = await loadTestCases(fixture('good'), { version: '2.0.1', sut: 'cs' });
    expect(cs201.map((c) => c.id).sort()).to.deep.equal(['TC_B_01_CS', 'TC_B_09_CS', 'TC_E_01_CS', 'TC_K_01_CS']);
    const csms16 = await loadTestCases(fixture('good'), { version: '1.6', sut: 'csms' });
    expect(csms16.map((c) => c.id)).to.deep.equal(['TC_001_CSMS']);
    // The bad trees have nothing under ocpp2.1, so a 2.1 filter must not touch (or complain about) them.
    const v21 = await loadCatalogue(fixture('bad', 'duplicate-id'), { version: '2.1' });
    expect(v21.cases).to.deep.equal([]);
    expect(v21.notes.join('\n')).to.match(/ocpp2\.1[/\\]cs does not exist/);
  });

  it('returns no cases and a note when the folder does not exist', async () => {
    const missing = fixture('no-such-folder');
    const loaded = await loadCatalogue(missing);
    expect(loaded.cases).to.deep.equal([]);
    expect(loaded.root).to.equal(missing);
    expect(loaded.notes).to.have.length(1);
    expect(loaded.notes[0]).to.contain(missing).and.contain('does not exist');
  });

  it('defaults to the compiled dist/testcases next to the harness', () => {
    expect(defaultTestcasesRoot.replace(/[/\\]$/, '')).to.match(/[/\\]dist[/\\]testcases$/);
  });

  it('maps version folders to versions', () => {
    expect(versionOfFolder('ocpp2.0.1')).to.equal('2.0.1');
    expect(versionOfFolder('ocpp1.6')).to.equal('1.6');
    expect(versionOfFolder('ocpp2.1')).to.equal('2.1');
    expect(versionOfFolder('2.0.1')).to.equal(undefined);
  });

  it('names both files of a duplicate id', async () => {
    const err = await loadError(fixture('bad', 'duplicate-id'));
    expect(err.code).to.equal('E_TESTCASE_METADATA');
    expect(err.exitCode).to.equal(2);
    expect(err.message).to.contain('ocpp2.0.1/cs/B-provisioning/TC_B_01_CS.js: duplicate id TC_B_01_CS: also declared in ocpp2.0.1/cs/B-again/TC_B_01_CS.js');
    expect(err.hint).to.match(/testcases\//);
  });

  it('rejects a file whose name is not its id', async () => {
    const err = await loadError(fixture('bad', 'file-name'));
    expect(err.message).to.contain('ocpp2.0.1/cs/B-provisioning/TC_B_02_CS.js: file name TC_B_02_CS does not equal the id TC_B_03_CS');
  });

  it('rejects a case without detects that bypassed defineTestCase', async () => {
    const err = await loadError(fixture('bad', 'missing-detects'));
    expect(err.message).to.contain('ocpp2.0.1/cs/B-provisioning/TC_B_04_CS.js: detects is missing');
  });

  it('reports a module whose defineTestCase throws as a load failure of that file', async () => {
    const err = await loadError(fixture('bad', 'define-throws'));
    expect(err.message).to.contain('ocpp2.0.1/cs/B-provisioning/TC_B_06_CS.js: failed to load: test case TC_B_06_CS: detects is missing');
  });

  it('collects every folder disagreement of a file in one error', async () => {
    const err = await loadError(fixture('bad', 'wrong-folder'));
    const rel = ['ocpp1.6', 'csms', 'core', 'TC_B_05_CS.js'].join('/');
    expect(err.message).to.match(/^2 test case metadata problems under /);
    expect(err.message).to.contain(`${rel}: version is "2.0.1" but the file is in ocpp1.6/ (version 1.6)`);
    expect(err.message).to.contain(`${rel}: sut is "cs" but the file is in ocpp1.6/csms/`);
  });

  it('reports a case outside the <version>/<side> layout', async () => {
    // Loading a version folder as the root puts every case one level too high.
    const err = await loadError(path.join(fixture('good'), 'ocpp1.6'));
    expect(err.message).to.contain('csms/core/TC_001_CSMS.js: version folder csms is not one of ocpp1.6, ocpp2.0.1, ocpp2.1');
    expect(err.message).to.contain('side folder core is not cs or csms');
  });
});
