/**
 * Issue #24: a case leaves the DUT as it found it, and a case whose verdict depends on a state
 * (the authorization cache) sets it as the official Before states do — so a catalogue subset gives
 * the same verdict per case whichever order it runs in. The station simulator pre-authorizes
 * cached idTags (LocalPreAuthorize, as the field charge point of the issue did), so a case that
 * needs an Authorize.req and relies on an earlier case not having cached its idTag would differ.
 */
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { runDemo, type DemoOptions } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };

interface Subset {
  version: OcppVersion;
  sut: Role;
  only: string[];
  stationSettings?: Record<string, string>;
}

const subsets: Subset[] = [
  // TC_004_2_CS and TC_010_CS need an Authorize.req: first in catalogue order (nothing cached yet),
  // last reversed (after cases that cached the idTag). Without their ClearCache Before, TC_004_2_CS
  // passed forward and failed reversed against this station, TC_010_CS failed in both (checked by hand).
  { version: '1.6', sut: 'cs', only: ['TC_004_2_CS', 'TC_005_1_CS', 'TC_010_CS', 'TC_011_2_CS', 'TC_012_CS', 'TC_026_CS'], stationSettings: { LocalPreAuthorize: 'true', AuthorizeRemoteTxRequests: 'true' } },
  { version: '2.0.1', sut: 'cs', only: ['TC_C_02_CS', 'TC_C_06_CS', 'TC_C_07_CS', 'TC_E_0*', 'TC_F_01_CS', 'TC_F_02_CS'], stationSettings: { 'AuthCtrlr.LocalPreAuthorize': 'true' } },
  { version: '1.6', sut: 'csms', only: ['TC_001_CSMS', 'TC_003_CSMS', 'TC_004_1_CSMS', 'TC_010_CSMS', 'TC_012_CSMS', 'TC_023_1_CSMS', 'TC_023_2_CSMS'] },
  { version: '2.0.1', sut: 'csms', only: ['TC_B_01_CSMS', 'TC_C_0*', 'TC_E_0*'] },
];

async function verdicts(s: Subset, reverse: boolean): Promise<{ order: string[]; verdicts: Record<string, string> }> {
  const options: DemoOptions = { versions: [s.version], suts: [s.sut], defects: [], only: s.only, reportDir: temp.make('ocpp-order-'), reporters: ['json'], reverse, ...(s.stationSettings ? { stationSettings: s.stationSettings } : {}) };
  const runs = await runDemo(options, quiet);
  const tests = runs.flatMap((r) => r.run?.tests ?? []);
  return { order: tests.map((t) => t.id), verdicts: Object.fromEntries(tests.map((t) => [t.id, `${t.verdict}${t.verdict === 'pass' ? '' : ` — ${t.message ?? ''}`}`])) };
}

describe('catalogue order: the same verdict per case forward and reversed (issue #24)', function () {
  this.timeout(10 * 60_000);
  after(() => temp.removeAll());

  for (const s of subsets) {
    it(`OCPP ${s.version} SUT=${s.sut}: ${s.only.join(' ')}`, async () => {
      const forward = await verdicts(s, false);
      const reversed = await verdicts(s, true);
      expect(forward.order.length, 'cases run').to.be.greaterThan(3);
      // The run really went the other way round; otherwise the comparison proves nothing.
      expect(reversed.order).to.deep.equal([...forward.order].reverse());
      expect(reversed.verdicts).to.deep.equal(forward.verdicts);
    });
  }
});
