/**
 * Expectations and verdicts over an in-memory link: a scripted peer endpoint plays the DUT, the
 * engine's context judges what it sends. Real (short) times on the monotonic clock.
 */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { CaseContext } from '../../src/engine/context.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import { defineTestCase, type TestCase } from '../../src/engine/define.js';
import type { DutAdapter } from '../../src/engine/dut-adapter.js';
import { Journal } from '../../src/engine/journal.js';
import type { DutLink } from '../../src/engine/link.js';
import { Responders } from '../../src/engine/responders.js';
import { runCases } from '../../src/engine/runner.js';
import { StateRegistry } from '../../src/engine/states.js';
import { isVerdictSignal } from '../../src/engine/verdict.js';
import { OcppEndpoint } from '../../src/session/endpoint.js';
import { messageCheckFor } from '../../src/session/open.js';
import { memoryPair } from '../helpers/memory-connection.js';

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 400, connectTimeoutMs: 200, toleranceMs: 60, caseTimeoutMs: 5000 };

function setup(adapter: DutAdapter = { kind: 'none', perform: async () => ({ done: true }) }) {
  const [harnessSide, dutSide] = memoryPair();
  const journal = new Journal(systemClock);
  const responders = new Responders();
  responders.setDefault('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 10 }));
  responders.setDefault('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
  responders.setDefault('StatusNotification', () => ({}));
  const harness = new OcppEndpoint({ connection: harnessSide, version: '2.0.1', role: 'csms', check: messageCheckFor('2.0.1') });
  responders.install(harness);
  journal.attach(harness);
  const dut = new OcppEndpoint({ connection: dutSide, version: '2.0.1', role: 'cs' });
  const link: DutLink = {
    journal,
    role: 'csms',
    responders,
    current: () => harness,
    ensureConnected: async () => harness,
    disconnect: async () => undefined,
    describeDut: () => ({}),
    close: async () => undefined,
  };
  const abort = new AbortController();
  const ctx = new CaseContext({ id: 'TC_X_01_CS', version: '2.0.1', sut: 'cs', link, adapter, config, pics: { items: {}, claimAll: true }, clock: systemClock, signal: abort.signal, states: new StateRegistry() });
  return { ctx, dut, link, journal, abort };
}

const boot = { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } };
const status = (evseId: number) => ({ timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId, connectorId: 1 });
const later = (ms: number, fn: () => unknown) => setTimeout(() => void fn(), ms);

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isVerdictSignal(err)) return `${err.verdict}: ${err.message}`;
    throw err;
  }
  throw new Error('expected the expectation to fail');
}

describe('engine/context expectations', () => {
  it('expectCall finds a CALL sent before or after it was asked for, and records the frame', async () => {
    const { ctx, dut } = setup();
    await dut.call('BootNotification', boot);
    const seen = await ctx.expectCall('BootNotification', { match: { reason: 'PowerUp' } });
    expect(seen.payload).to.deep.include({ reason: 'PowerUp' });
    later(50, () => dut.call('Heartbeat', {}));
    await ctx.expectCall('Heartbeat', { withinMs: 300 });
    const checks = ctx.steps.flatMap((s) => s.checks);
    expect(checks.map((c) => c.ok)).to.deep.equal([true, true]);
    expect(checks[0]!.frames).to.have.length(1);
  });

  it('expectCall fails at its deadline and says what the DUT sent instead', async () => {
    const { ctx, dut } = setup();
    await dut.call('Heartbeat', {});
    const message = await failure(ctx.expectCall('BootNotification', { withinMs: 100 }));
    expect(message).to.match(/^fail: Receive BootNotification: expected BootNotification .* within 100 ms; actual other CALLs only: Heartbeat/);
  });

  it('a payload that does not match is reported as such (strict order: it came first)', async () => {
    const { ctx, dut } = setup();
    await dut.call('BootNotification', boot);
    const message = await failure(ctx.expectCall('BootNotification', { withinMs: 50, match: { reason: 'RemoteReset' } }));
    expect(message).to.match(/no other BootNotification before it \(strict order\); actual frame \d+ BootNotification \{"reason":"PowerUp".* came first$/);
  });

  it('expectNoCall passes on silence and fails when the call comes', async () => {
    const { ctx, dut } = setup();
    await ctx.expectNoCall('Heartbeat', { forMs: 80 });
    later(30, () => dut.call('Heartbeat', {}));
    expect(await failure(ctx.expectNoCall('Heartbeat', { forMs: 200 }))).to.match(/No Heartbeat for 200 ms/);
  });

  it('expectAll accepts any order; expectSequence insists on order and says so', async () => {
    const a = setup();
    await a.dut.call('StatusNotification', status(2));
    await a.dut.call('StatusNotification', status(1));
    const all = await a.ctx.expectAll([{ action: 'StatusNotification', match: { evseId: 1 } }, { action: 'StatusNotification', match: { evseId: 2 } }]);
    expect(all.map((c) => c.payload['evseId'])).to.deep.equal([1, 2]);

    const b = setup();
    await b.dut.call('StatusNotification', status(2));
    await b.dut.call('StatusNotification', status(1));
    const message = await failure(b.ctx.expectSequence([{ action: 'StatusNotification', match: { evseId: 1 } }, { action: 'StatusNotification', match: { evseId: 2 } }], { withinMs: 100 }));
    expect(message).to.match(/StatusNotification .*"evseId":2.* came first; the expected one followed as frame \d+$/);
  });

  it('expectPeriodic measures each interval against period ± tolerance', async () => {
    const { ctx, dut } = setup();
    const timer = setInterval(() => void dut.call('Heartbeat', {}), 150);
    try {
      const calls = await ctx.expectPeriodic('Heartbeat', { periodMs: 150, count: 2, toleranceMs: 60 });
      expect(calls).to.have.length(2);
      const timings = ctx.steps.flatMap((s) => s.checks).flatMap((c) => (c.timing ? [c.timing] : []));
      expect(timings).to.have.length(2);
      for (const t of timings) {
        expect(t.ok).to.equal(true);
        expect(t.measuredMs).to.be.within(90, 210);
      }
    } finally {
      clearInterval(timer);
    }
  });

  it('expectPeriodic fails a DUT that runs at the wrong period, with the measured figure', async () => {
    const { ctx, dut } = setup();
    const timer = setInterval(() => void dut.call('Heartbeat', {}), 60);
    try {
      expect(await failure(ctx.expectPeriodic('Heartbeat', { periodMs: 250, count: 2, toleranceMs: 50 }))).to.match(/Heartbeat every 250 ms .* actual after \d+ ms/);
    } finally {
      clearInterval(timer);
    }
  });

  it('expectGap fails a retry that comes before the minimum interval', async () => {
    const { ctx, dut } = setup();
    await dut.call('BootNotification', boot);
    const first = await ctx.expectCall('BootNotification');
    later(20, () => dut.call('BootNotification', boot));
    expect(await failure(ctx.expectGap('BootNotification', { after: first, minMs: 300, withinMs: 600 }))).to.match(/not before 300 ms/);
    const check = ctx.steps.flatMap((s) => s.checks).find((c) => c.timing);
    expect(check?.timing?.measuredMs).to.be.below(200);
  });

  it('dut() makes a step inconclusive when the adapter cannot act', async () => {
    const { ctx } = setup({ kind: 'prompt', perform: async () => ({ done: false, reason: 'no terminal' }) });
    expect(await failure(ctx.dut('plugIn', { evseId: 1 }))).to.match(/^inconclusive: could not get the DUT to act: Plug in the EV cable .*evseId=1.* no terminal/);
  });

  it('callExpect fails on a CALLERROR and on a non-matching result', async () => {
    const { ctx, dut } = setup();
    dut.handle('Reset', () => ({ status: 'Rejected' }));
    expect(await failure(ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } }))).to.match(/Reset answered: expected a Reset response with payload containing \{"status":"Accepted"\}; actual CALLRESULT \{"status":"Rejected"\}/);
    expect(await failure(ctx.callExpect('GetVariables', { getVariableData: [{ component: { name: 'X' }, variable: { name: 'Y' } }] }))).to.match(/CALLERROR (NotSupported|NotImplemented)/);
  });
});

describe('engine/runner verdicts', () => {
  const tc = (id: string, run: TestCase['run'], extra: Partial<TestCase> = {}): TestCase =>
    defineTestCase({ id, version: '2.0.1', sut: 'cs', block: 'X', title: id, certification: [{ profile: 'Core', need: 'M' }], detects: ['d'], run, ...extra });

  async function run(cases: TestCase[], setupFor = setup(), pics = { items: {}, claimAll: true } as { items: Record<string, boolean>; claimAll?: boolean; certificationProfiles?: string[] }) {
    return runCases({ cases, link: setupFor.link, adapter: { kind: 'none', perform: async () => ({ done: true }) }, config, pics, clock: systemClock, signal: setupFor.abort.signal, states: new StateRegistry(), reporter: {}, info: { tool: { name: 't', version: '0' }, startedAt: '', version: '2.0.1', sut: 'cs', dut: {}, securityProfile: 0, dutAdapter: 'none', pics: {}, config: {}, selection: {} } });
  }

  it('fails a case whose DUT frame violates the schema even if every step passed', async () => {
    const s = setup();
    const result = await run([tc('TC_X_01_CS', async (ctx) => {
      await s.dut.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm' } });
      await ctx.expectCall('BootNotification');
    })], s);
    expect(result.tests[0]!.verdict).to.equal('fail');
    expect(result.tests[0]!.message).to.match(/invalid message.*schema.*vendorName/);
    expect(result.tests[0]!.findings[0]).to.include({ layer: 'schema' });
  });

  it('gives notApplicable with the PICS reason, and carries on after failures', async () => {
    const result = await run(
      [
        tc('TC_X_01_CS', async (ctx) => ctx.fail('nope')),
        tc('TC_X_02_CS', async () => undefined, { certification: [{ profile: 'Smart Charging', need: 'M' }] }),
        tc('TC_X_03_CS', async () => undefined, { certification: [{ profile: 'Core', need: 'C' }], applies: { item: 'C-01' } }),
        tc('TC_X_04_CS', async () => undefined),
      ],
      setup(),
      { items: { 'C-01': false }, certificationProfiles: ['Core'] },
    );
    expect(result.tests.map((t) => [t.id, t.verdict])).to.deep.equal([['TC_X_01_CS', 'fail'], ['TC_X_02_CS', 'notApplicable'], ['TC_X_03_CS', 'notApplicable'], ['TC_X_04_CS', 'pass']]);
    expect(result.tests[1]!.message).to.match(/profile not claimed.*Smart Charging/);
    expect(result.tests[2]!.message).to.match(/C-01 = false/);
  });

  it('marks the next case inconclusive when the DUT could not be restored to the general preconditions', async () => {
    const s = setup();
    let restores = 0;
    const result = await runCases({
      cases: [tc('TC_X_01_CS', async () => undefined), tc('TC_X_02_CS', async () => undefined), tc('TC_X_03_CS', async () => undefined)],
      link: s.link,
      adapter: { kind: 'none', perform: async () => ({ done: true }) },
      config,
      pics: { items: {}, claimAll: true },
      clock: systemClock,
      signal: s.abort.signal,
      states: new StateRegistry(),
      reporter: {},
      restore: async () => {
        restores += 1;
        // 1: after X_01; 2: the retry before X_02 (issue #11: a failed restore is tried again).
        if (restores <= 2) throw new Error('transaction still running on EVSE 1');
      },
      info: { tool: { name: 't', version: '0' }, startedAt: '', version: '2.0.1', sut: 'cs', dut: {}, securityProfile: 0, dutAdapter: 'none', pics: {}, config: {}, selection: {} },
    });
    expect(result.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'inconclusive', 'pass']);
    expect(result.tests[1]!.message).to.match(/general preconditions.*transaction still running/);
  });

  it('marks a harness exception as error and a per-case timeout as inconclusive', async () => {
    const result = await run([
      tc('TC_X_01_CS', async () => { throw new Error('boom'); }),
      tc('TC_X_02_CS', async (ctx) => { await ctx.sleep(2000); }, { timeoutMs: 100 }),
    ]);
    expect(result.tests.map((t) => t.verdict)).to.deep.equal(['error', 'inconclusive']);
    expect(result.tests[1]!.message).to.match(/did not finish within its timeout/);
  });
});
