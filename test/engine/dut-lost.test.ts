/**
 * Issue #11: a DUT that went away costs one connect timeout, not one per remaining case. The next
 * case asks the adapter for a power cycle when it can; then every further case is inconclusive at
 * once, naming the case in which the DUT was lost.
 */
import { expect } from 'chai';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import { defineTestCase, type TestCase } from '../../src/engine/define.js';
import type { DutActionName, DutActionRequest, DutActionResult, DutAdapter } from '../../src/engine/dut-adapter.js';
import { startRun } from '../../src/engine/start-run.js';

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 1_000, connectTimeoutMs: 2_000, caseTimeoutMs: 10_000 };

const peerCase = (id: string): TestCase =>
  defineTestCase({ id, version: '1.6', sut: 'cs', block: 'X', title: id, certification: [{ profile: 'Core', need: 'M' }], detects: ['test-none'], run: async (ctx) => void (await ctx.peer()) });

class RecordingAdapter implements DutAdapter {
  readonly kind = 'test';
  readonly asked: string[] = [];
  constructor(private readonly canPowerCycle: boolean) {}
  supports(action: DutActionName): boolean {
    return action !== 'powerCycle' || this.canPowerCycle;
  }
  perform(request: DutActionRequest): Promise<DutActionResult> {
    this.asked.push(`${request.testCaseId}:${request.action}`);
    return Promise.resolve({ done: true });
  }
}

async function runAgainstNobody(adapter: DutAdapter, ids: string[]): Promise<{ results: Array<{ id: string; verdict: string; message: string }>; ms: number }> {
  const started = Date.now();
  const handle = startRun({ version: '1.6', endpoint: { sut: 'cs', host: '127.0.0.1', port: 0, path: '/ocpp' }, cases: ids.map(peerCase), adapter, config, pics: { items: {}, claimAll: true }, tool: { name: 'test', version: '0' } });
  const run = await handle.result;
  return { results: run.tests.map((t) => ({ id: t.id, verdict: t.verdict, message: t.message ?? '' })), ms: Date.now() - started };
}

describe('engine: a DUT lost during the run', function () {
  this.timeout(30_000);

  it('without a power cycle: one connect timeout, then every case inconclusive at once naming where the DUT was lost', async () => {
    const { results, ms } = await runAgainstNobody(new RecordingAdapter(false), ['TC_X_01_CS', 'TC_X_02_CS', 'TC_X_03_CS', 'TC_X_04_CS']);
    expect(results.map((r) => r.verdict)).to.deep.equal(['inconclusive', 'inconclusive', 'inconclusive', 'inconclusive']);
    expect(results[0]?.message).to.include('not connected');
    for (const r of results.slice(1)) expect(r.message).to.include('the DUT was lost in TC_X_01_CS');
    // One 2 s connect timeout plus a 1 s grace per later case, not 4 × 2 s.
    expect(ms).to.be.below(2_000 + 3 * 1_000 + 1_500);
  });

  it('with an adapter that can: the next case first asks for a power cycle, once', async () => {
    const adapter = new RecordingAdapter(true);
    const { results } = await runAgainstNobody(adapter, ['TC_X_01_CS', 'TC_X_02_CS', 'TC_X_03_CS']);
    expect(adapter.asked).to.deep.equal(['TC_X_02_CS:powerCycle']);
    expect(results[1]?.message).to.include('not connected');
    expect(results[2]?.message).to.include('lost in TC_X_01_CS').and.include('a power cycle did not bring it back');
  });
});
