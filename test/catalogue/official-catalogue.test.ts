/**
 * Every real test case under testcases/ (compiled to dist/testcases) carries the official id,
 * title, block and certification of ../shared/catalogue. Zero cases is fine; a wrong title is not.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { defaultTestcasesRoot, loadCatalogue } from '../../src/catalogue/loader.js';
import { checkAgainstOfficial, formatOfficialProblems, readOfficialCatalogue } from '../../src/catalogue/official.js';
import type { TestCase } from '../../src/engine/define.js';
import { sharedAbsentMessage, sharedCatalogueDir, sharedCataloguePresent } from './support.js';

describe('the test cases in testcases/ agree with the official catalogue', () => {
  let cases: TestCase[] = [];

  it(`load from ${defaultTestcasesRoot} without metadata problems`, async () => {
    // Loading checks metadata, file names, version/side/block folders and duplicate ids, and throws
    // one error listing every file. A missing folder is zero cases, not a failure.
    const loaded = await loadCatalogue(defaultTestcasesRoot);
    cases = loaded.cases;
    expect(cases.every((tc) => tc.source?.endsWith(`/${tc.id}.js`)), loaded.notes.join('\n')).to.be.true;
  });

  it(sharedCataloguePresent ? `ids, titles, blocks and certification match ${sharedCatalogueDir}` : sharedAbsentMessage, async function () {
    if (!sharedCataloguePresent) {
      this.skip();
      return;
    }
    const entries = [
      ...(await readOfficialCatalogue(path.join(sharedCatalogueDir, 'ocpp-2.0.1.csv'), '2.0.1')),
      ...(await readOfficialCatalogue(path.join(sharedCatalogueDir, 'ocpp-1.6-octt-2024-04.csv'), '1.6')),
    ];
    const problems = checkAgainstOfficial(cases, entries);
    expect(problems, `${cases.length} cases checked:\n${formatOfficialProblems(problems)}`).to.deep.equal([]);
  });
});
