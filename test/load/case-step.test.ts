/**
 * Issue #14, a catalogue case by id as a load step: 5 virtual stations each run TC_B_01_CSMS
 * against `sim csms` on loopback through the run entry, the verdict being the step's pass/fail;
 * the same flow fails on a CSMS defect the case exists to catch; a `case` step between message
 * steps hangs up first (one connection per identity) and the next step dials again; bad ids are
 * refused when the scenario is read, unknown ones fail the step with the reason.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { OcppArtilleryEngine, parseScenario, runLoad } from '../../src/load/index.js';
import { CsmsSimulator } from '../../src/sim/csms/index.js';

const sims: CsmsSimulator[] = [];
async function csms(version: '1.6' | '2.0.1', defects: string[] = []): Promise<{ url: string; sim: CsmsSimulator }> {
  const sim = new CsmsSimulator({ version, host: '127.0.0.1', port: 0, acceptAnyStation: true, defects });
  sims.push(sim);
  return { url: (await sim.start()).url, sim };
}

describe('load mode: a catalogue case as a step (issue #14)', function () {
  this.timeout(60_000);
  afterEach(async () => {
    for (const s of sims.splice(0)) await s.close();
  });

  it('5 stations × TC_B_01_CSMS against sim csms: every case passes, counted as the step TC_B_01_CSMS', async () => {
    const { url } = await csms('2.0.1');
    const report = await runLoad({ target: url, stations: 5, rampPerS: 50, version: '2.0.1', flow: [{ case: 'TC_B_01_CSMS' }], callTimeoutMs: 5_000 });
    expect(report.errors, JSON.stringify(report.errors.samples)).to.deep.include({ count: 0 });
    expect(report.completed).to.equal(5);
    expect(report.steps.TC_B_01_CSMS).to.deep.include({ pass: 5, fail: 0 });
    expect(report.steps.TC_B_01_CSMS!.latencyMs.count).to.equal(5);
  });

  it('the same flow against a CSMS that answers every boot Pending fails every station\'s case, naming the verdict', async () => {
    const { url } = await csms('2.0.1', ['boot-always-pending']);
    const report = await runLoad({ target: url, stations: 3, rampPerS: 50, version: '2.0.1', flow: [{ case: 'TC_B_01_CSMS' }], callTimeoutMs: 3_000, caseTimeoutMs: 20_000 });
    expect(report.steps.TC_B_01_CSMS).to.deep.include({ pass: 0, fail: 3 });
    expect(report.errors.samples[0]?.message).to.match(/^TC_B_01_CSMS: TC_B_01_CSMS (fail|inconclusive)/);
  });

  it('OCPP 1.6: a case between message steps runs on its own connection under the same identity', async () => {
    const { url, sim } = await csms('1.6');
    const ee = new EventEmitter();
    const counters = new Map<string, number>();
    ee.on('counter', (name: string, n: number) => counters.set(name, (counters.get(name) ?? 0) + n));
    const engine = new OcppArtilleryEngine({ config: { target: url, ocpp: { version: '1.6', idPrefix: 'MIX', callTimeoutMs: 5_000 } } }, ee);
    const run = engine.createScenario({ flow: [{ boot: {} }, { case: 'TC_003_CSMS' }, { heartbeat: {} }] }, ee);
    const error = await new Promise<Error | null>((resolve) => run({ vars: {} }, resolve));
    expect(error).to.equal(null);
    expect(counters.get('ocpp.step.boot.pass')).to.equal(1);
    expect(counters.get('ocpp.step.heartbeat.pass')).to.equal(1);
    expect(counters.get('ocpp.step.TC_003_CSMS.pass')).to.equal(1);
    expect(counters.get('ocpp.case.TC_003_CSMS.pass')).to.equal(1);
    // Three connections of one station, one after the other: the boot's, the case's, the heartbeat's.
    const opens = sim.wireLog!.entries().filter((e) => e.kind === 'open');
    expect(opens.length).to.equal(3);
  });

  it('refuses a step that names no _CSMS case, and fails a step whose case the catalogue lacks', async () => {
    expect(() => parseScenario([{ case: 'TC_B_01_CS' }])).to.throw(/step 1: case must name a _CSMS case/);
    expect(parseScenario([{ case: 'TC_B_01_CSMS' }]).flow).to.deep.equal([{ case: 'TC_B_01_CSMS' }]);
    const { url } = await csms('2.0.1');
    const report = await runLoad({ target: url, stations: 1, rampPerS: 10, version: '2.0.1', flow: [{ case: 'TC_Z_99_CSMS' }] });
    expect(report.steps.TC_Z_99_CSMS).to.deep.include({ pass: 0, fail: 1 });
    expect(report.errors.samples[0]?.message).to.match(/TC_Z_99_CSMS is not a 2.0.1 _CSMS case of the catalogue/);
  });
});
