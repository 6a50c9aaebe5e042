/**
 * Fault injection on official cases (issue #16 "Done when"): three cases run green under a
 * latency profile (300 ± 200 ms each way, seeded) and fail where the spec says they must when
 * the message the case depends on is dropped: the report names the profile, the faults and where
 * they hit, and the JUnit names carry the profile.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { CaseResult } from '../../src/engine/run-model.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };

async function runOne(version: OcppVersion, sut: Role, id: string, fault: string): Promise<{ test: CaseResult | undefined; junit: string; profile: string | undefined }> {
  const reportDir = temp.make('ocpp-faults-');
  const runs = await runDemo({ versions: [version], suts: [sut], only: [id], defects: [], reportDir, reporters: ['json', 'junit'], fault }, quiet);
  const run = runs[0]?.run;
  const junit = readFileSync(path.join(reportDir, `ocpp${version}-${sut}`, 'junit.xml'), 'utf8');
  return { test: run?.tests.find((t) => t.id === id), junit, profile: run?.faults?.profile };
}

/** Each case, and the message whose loss the spec says the case must not survive. */
const cases: Array<{ version: OcppVersion; sut: Role; id: string; drop: string; why: RegExp }> = [
  // Part 6 TC_B_01_CS: after Accepted the station reports its connectors (StatusNotification); none reach the CSMS.
  { version: '2.0.1', sut: 'cs', id: 'TC_B_01_CS', drop: 'drop=in:StatusNotification', why: /StatusNotification/ },
  // TC_B_01_CSMS: the CSMS's BootNotification answer never reaches the station.
  { version: '2.0.1', sut: 'csms', id: 'TC_B_01_CSMS', drop: 'drop=in:BootNotification', why: /BootNotification/ },
  // TC_C_02_CSMS: the CSMS's Authorize answer never reaches the station.
  { version: '2.0.1', sut: 'csms', id: 'TC_C_02_CSMS', drop: 'drop=in:Authorize', why: /Authorize/ },
];

describe('fault injection on official cases (run --fault)', function () {
  this.timeout(120_000);
  after(() => temp.removeAll());

  for (const c of cases) {
    it(`${c.id} passes under latency=300±200 and fails under ${c.drop}`, async () => {
      const slow = await runOne(c.version, c.sut, c.id, 'latency=300±200,seed=7');
      expect(slow.test?.verdict, slow.test?.message).to.equal('pass');
      expect(slow.profile).to.equal('latency=300±200,seed=7');
      expect(slow.test?.faults?.some((f) => f.fault === 'delay')).to.equal(true);
      expect(slow.junit).to.include(`${c.id} `).and.include('[faults: latency=300±200,seed=7]');

      const lossy = await runOne(c.version, c.sut, c.id, c.drop);
      expect(lossy.test?.verdict).to.equal('fail');
      expect(lossy.test?.message).to.match(c.why);
      const drops = lossy.test?.faults?.filter((f) => f.fault === 'drop') ?? [];
      expect(drops.length).to.be.greaterThan(0);
      expect(drops.every((f) => f.direction === 'in' && f.seq > 0)).to.equal(true);
    });
  }

  it('a named profile of the built-in list is carried by name', async () => {
    const r = await runOne('2.0.1', 'csms', 'TC_B_01_CSMS', 'slow-link');
    expect(r.profile).to.equal('slow-link');
    expect(r.junit).to.include('[faults: slow-link]');
  });
});
