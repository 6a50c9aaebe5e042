/**
 * Issue #14, retention per case: with a sink (wire.jsonl) every frame is on disk as it crosses,
 * so a finished case's wire-log entries leave memory once its trace is built; the traces in the
 * run model and the sink still hold every frame. Without a sink the log keeps everything.
 */
import { expect } from 'chai';
import { defineTestCase, type TestCase } from '../../src/engine/define.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import { defineStates } from '../../src/engine/states.js';
import { startRun } from '../../src/engine/start-run.js';
import { SimAdapter } from '../../src/dut/sim.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';

const boot = defineStates({
  version: '2.0.1',
  sut: 'csms',
  states: {
    async Booted(ctx) {
      await ctx.callExpect('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } }, { match: { status: 'Accepted' } });
    },
  },
});

function heartbeats(id: string): TestCase {
  return defineTestCase({
    id,
    version: '2.0.1',
    sut: 'csms',
    block: 'B',
    title: `heartbeats ${id}`,
    certification: [{ profile: 'Core', need: 'M' }],
    detects: ['test-none'],
    states: ['Booted'],
    async run(ctx) {
      for (let i = 0; i < 5; i++) await ctx.step(`Heartbeat ${i}`, () => ctx.callExpect('Heartbeat', {}));
    },
  });
}

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 3_000, connectTimeoutMs: 5_000, caseTimeoutMs: 20_000 };

async function run(withSink: boolean): Promise<{ retained: number; lastSeq: number; traced: number; sunk: string[] }> {
  const csms = createCsmsSimulator({ version: '2.0.1', port: 0 });
  const { url } = await csms.start();
  const sunk: string[] = [];
  try {
    const handle = startRun({
      version: '2.0.1',
      endpoint: { sut: 'csms', csmsUrl: url },
      cases: [heartbeats('TC_X_01_CSMS'), heartbeats('TC_X_02_CSMS'), heartbeats('TC_X_03_CSMS')],
      stateModules: [boot],
      adapter: new SimAdapter(csms),
      config,
      pics: { items: {}, claimAll: true },
      tool: { name: 'test', version: '0' },
      ...(withSink ? { wireLogSink: { write: (line: string) => void sunk.push(line) } } : {}),
    });
    const result = await handle.result;
    expect(result.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'pass', 'pass']);
    return { retained: handle.wireLog.retained, lastSeq: handle.wireLog.lastSeq, traced: result.tests.reduce((n, t) => n + t.trace.length, 0), sunk };
  } finally {
    await csms.close();
  }
}

describe('engine/start-run: wire-log retention per case (issue #14)', function () {
  this.timeout(30_000);

  it('with a sink, finished cases leave memory; traces and the sink keep every frame', async () => {
    const r = await run(true);
    // 3 cases × 5 heartbeats × 2 frames went into traces, but memory holds only what came after the last case.
    expect(r.traced).to.be.at.least(30);
    expect(r.retained).to.be.lessThan(r.lastSeq - 30);
    expect(r.sunk).to.have.length(r.lastSeq);
    const texts = r.sunk.map((l) => (JSON.parse(l) as { text?: string }).text ?? '');
    expect(texts.filter((t) => t.includes('"Heartbeat"')).length).to.be.at.least(15);
  });

  it('without a sink the log keeps every entry', async () => {
    const r = await run(false);
    expect(r.retained).to.equal(r.lastSeq);
    expect(r.traced).to.be.at.least(30);
  });
});
