/**
 * Issue #14 load mode, bounded and on loopback: 20 virtual stations × a whole transaction
 * against `sim csms` through the Artillery engine (our driver), for both versions; a CSMS defect
 * shows up as failed steps with their cause; the CommonJS shim Artillery `require`s drives the
 * same engine; and `ocpp-conform load` writes its reports.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { parseScenario, runLoad } from '../../src/load/index.js';
import { CsmsSimulator } from '../../src/sim/csms/index.js';
import { TempDirs } from '../helpers/temp.js';

const sims: CsmsSimulator[] = [];
async function csms(version: '1.6' | '2.0.1', defects: string[] = []): Promise<string> {
  const sim = new CsmsSimulator({ version, host: '127.0.0.1', port: 0, acceptAnyStation: true, defects });
  sims.push(sim);
  return (await sim.start()).url;
}

describe('load mode (issue #14)', function () {
  this.timeout(60_000);
  const temp = new TempDirs();
  afterEach(async () => {
    for (const s of sims.splice(0)) await s.close();
  });
  after(() => temp.removeAll());

  for (const version of ['2.0.1', '1.6'] as const) {
    it(`OCPP ${version}: 20 stations × boot, authorize and a whole transaction against sim csms all pass, with latency per message`, async () => {
      const target = await csms(version);
      const report = await runLoad({ target, stations: 20, rampPerS: 200, version, flow: [{ boot: {} }, { authorize: {} }, { transaction: { meterValues: 3 } }] });
      expect(report.completed).to.equal(20);
      expect(report.errors, JSON.stringify(report.errors.samples)).to.deep.include({ count: 0 });
      for (const kind of ['boot', 'authorize', 'transaction']) expect(report.steps[kind], kind).to.deep.include({ pass: 20, fail: 0 });
      const txMessages = version === '1.6' ? ['StartTransaction', 'MeterValues', 'StopTransaction'] : ['TransactionEvent'];
      for (const action of ['BootNotification', 'Authorize', 'StatusNotification', ...txMessages]) {
        expect(report.messages[action]?.count, action).to.be.greaterThan(0);
        expect(report.messages[action]!.p99).to.be.at.least(report.messages[action]!.p50);
      }
      // 2.0.1: Started + 3 Updated + Ended per station.
      if (version === '2.0.1') expect(report.messages.TransactionEvent?.count).to.equal(100);
      expect(report.connectMs.count).to.equal(20);
    });
  }

  it('a CSMS that rejects a valid token fails the authorize step of every station, with the cause', async () => {
    const target = await csms('2.0.1', ['rejects-valid-token']);
    const report = await runLoad({ target, stations: 5, rampPerS: 100, flow: [{ boot: {} }, { authorize: {} }] });
    expect(report.steps.boot).to.deep.include({ pass: 5, fail: 0 });
    expect(report.steps.authorize).to.deep.include({ pass: 0, fail: 5 });
    expect(report.errors.samples[0]?.message).to.match(/^authorize: Authorize: status Invalid, not Accepted/);
  });

  it('the CommonJS module Artillery requires (bin/artillery-engine.cjs) drives the same engine', async () => {
    const target = await csms('2.0.1');
    const require = createRequire(import.meta.url);
    const Engine = require('../../../bin/artillery-engine.cjs') as new (script: unknown, ee: EventEmitter, helpers: unknown) => { createScenario(s: unknown, ee: EventEmitter): (ctx: object, done: (err: Error | null) => void) => void };
    const ee = new EventEmitter();
    const counters = new Map<string, number>();
    ee.on('counter', (name: string, n: number) => counters.set(name, (counters.get(name) ?? 0) + n));
    const engine = new Engine({ config: { target, ocpp: { version: '2.0.1' } } }, ee, {});
    const run = engine.createScenario({ flow: [{ boot: {} }, { heartbeat: {} }] }, ee);
    const errors = await Promise.all([1, 2, 3].map(() => new Promise<Error | null>((resolve) => run({ vars: {} }, resolve))));
    expect(errors).to.deep.equal([null, null, null]);
    expect(counters.get('ocpp.step.boot.pass')).to.equal(3);
    expect(counters.get('ocpp.step.heartbeat.pass')).to.equal(3);
    expect(counters.get('ocpp.messages_sent')).to.equal(6);
  });

  it('parses an Artillery script and refuses an unknown step', () => {
    const parsed = parseScenario({ config: { target: 'ws://x/ocpp', ocpp: { version: '1.6' } }, scenarios: [{ engine: 'ocpp', flow: [{ boot: {} }, { think: 1 }] }] });
    expect(parsed).to.deep.equal({ flow: [{ boot: {} }, { think: 1 }], target: 'ws://x/ocpp', version: '1.6' });
    expect(() => parseScenario([{ boot: {} }, { dance: {} }])).to.throw(/step 2: unknown load step/);
  });

  it('ocpp-conform load runs the example scenario and writes load-report.json and junit.xml', async () => {
    const target = await csms('2.0.1');
    const dir = temp.make('ocpp-load-');
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), isTty: false, env: {}, cwd: dir };
    const scenario = join(import.meta.dirname, '..', '..', '..', 'examples', 'load', 'transaction.yml');
    const code = await main(['node', 'ocpp-conform', 'load', '--csms-url', target, '--scenario', scenario, '--stations', '10', '--ramp-per-s', '100', '--report-dir', 'r'], io);
    expect(code, out.join('\n')).to.equal(0);
    const report = JSON.parse(readFileSync(join(dir, 'r', 'load-report.json'), 'utf8')) as { completed: number; steps: Record<string, { pass: number }> };
    expect(report.completed).to.equal(10);
    expect(Object.keys(report.steps)).to.deep.equal(['boot', 'heartbeat', 'authorize', 'transaction', 'call']);
    expect(readFileSync(join(dir, 'r', 'junit.xml'), 'utf8')).to.match(/<testsuite name="ocpp-conform load" tests="5" failures="0"/);
    expect(out.join('\n')).to.match(/TransactionEvent/);
  });
});
