/**
 * Issue #11 connection diagnostics, harness as CSMS: a station that is refused (wrong identity,
 * wrong path) makes the case inconclusive naming the status, the path and the identity, instead
 * of "the DUT is not connected (waited 15 s)"; an unknown identity gets HTTP 404 before the
 * upgrade (OCPP-J Part 4 §3.2), not 101 and a close.
 */
import { expect } from 'chai';
import { defaultConfiguredValues, type ConfiguredValues } from '../../src/engine/configured-values.js';
import { defineTestCase } from '../../src/engine/define.js';
import { startRun } from '../../src/engine/start-run.js';
import { SimAdapter } from '../../src/dut/sim.js';
import { createStationSimulator, type StationSimulator } from '../../src/sim/station/station-simulator.js';
import type { ControlResult, SimControl } from '../../src/sim/types.js';

const config: ConfiguredValues = { ...defaultConfiguredValues, messageTimeoutMs: 2_000, connectTimeoutMs: 2_500, caseTimeoutMs: 10_000 };
const idle: SimControl = { side: 'cs', version: '1.6', actions: [], perform: (): Promise<ControlResult> => Promise.resolve({ done: false, reason: 'none' }), snapshot: () => ({}) };

const peerCase = defineTestCase({
  id: 'TC_X_01_CS',
  version: '1.6',
  sut: 'cs',
  block: 'X',
  title: 'waits for the station',
  certification: [{ profile: 'Core', need: 'M' }],
  detects: ['test-none'],
  async run(ctx) {
    await ctx.peer();
  },
});

async function verdictWhenStationDials(urlFor: (readyUrl: string) => string, stationId: string): Promise<{ verdict: string; message: string }> {
  let station: StationSimulator | undefined;
  const handle = startRun({
    version: '1.6',
    endpoint: { sut: 'cs', host: '127.0.0.1', port: 0, path: '/ocpp' },
    cases: [peerCase],
    adapter: new SimAdapter(idle),
    config,
    pics: { items: {}, claimAll: true },
    tool: { name: 'test', version: '0' },
  });
  handle.on('ready', ({ url }) => {
    station = createStationSimulator({ version: '1.6', csmsUrl: urlFor(url), stationId, timers: { reconnectBackoffMs: 200 } });
    void station.start();
  });
  try {
    const run = await handle.result;
    const t = run.tests[0];
    return { verdict: t?.verdict ?? 'none', message: t?.message ?? '' };
  } finally {
    await station?.stop();
  }
}

describe('engine: connection diagnostics when the harness plays the CSMS', function () {
  this.timeout(20_000);

  it('a station with the wrong identity is refused with HTTP 404 and the verdict names the identity', async () => {
    const r = await verdictWhenStationDials((url) => url.replace(/\/CP001$/, ''), 'WRONG-ID');
    expect(r.verdict).to.equal('inconclusive');
    expect(r.message).to.include('"WRONG-ID"').and.include('HTTP 404').and.include('/ocpp/WRONG-ID').and.include('expects station CP001');
  });

  it('a station on the wrong path: the status and the path it asked for', async () => {
    const r = await verdictWhenStationDials((url) => url.replace('/ocpp/CP001', '/wrong'), 'CP001');
    expect(r.verdict).to.equal('inconclusive');
    expect(r.message).to.include('HTTP 404').and.include('/wrong/CP001');
  });
});
