/**
 * Issue #11 "Done when": a run with `--dut http:` against the station simulator's control API
 * (`sim station --control-port`) passes; the same through `--dut map:` with the shipped
 * sim-control map; and an action a map lists as unsupported makes the case notApplicable at once.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { demoTimings } from '../../src/cli/commands/demo.js';
import { prepareRun } from '../../src/cli/commands/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { executeRun } from '../../src/cli/run-lifecycle.js';
import type { RunResult } from '../../src/engine/run-model.js';
import { startControlServer } from '../../src/sim/control-server.js';
import { createStationSimulator, type StationSimulator } from '../../src/sim/station/station-simulator.js';
import type { ControlResult, SimControl } from '../../src/sim/types.js';
import { repoRoot } from '../catalogue/support.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

/** The station simulator behind its control API; the station is created once the harness listens. */
class LateStation implements SimControl {
  readonly side = 'cs' as const;
  readonly version = '2.0.1' as const;
  target: StationSimulator | undefined;
  get actions(): readonly string[] {
    return this.target?.actions ?? ['plugIn', 'unplug', 'presentIdToken', 'powerCycle', 'driveIn', 'driveOut'];
  }
  perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    return this.target ? this.target.perform(action, params) : Promise.resolve({ done: false, reason: 'not started' });
  }
  snapshot(): unknown {
    return this.target?.snapshot() ?? {};
  }
}

async function runWithDut(dut: (controlUrl: string, dir: string) => string, only: string[]): Promise<RunResult | undefined> {
  const control = new LateStation();
  const { url, server } = await startControlServer(control, { port: 0 });
  const dir = temp.make('ocpp-map-');
  const io: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: dir };
  let result: RunResult | undefined;
  try {
    const prepared = await prepareRun({ ocpp: '2.0.1', sut: 'cs', dut: dut(url, dir), only, listen: '127.0.0.1:0', path: '/ocpp', reportDir: path.join(dir, 'r'), reporter: ['json'] }, io, { configOverrides: demoTimings, progress: false });
    await executeRun(prepared, io, {
      onListening: (csmsUrl) => {
        control.target = createStationSimulator({ version: '2.0.1', csmsUrl, timers: { reconnectBackoffMs: 500, rebootMs: 300 }, settings: { 'OCPPCommCtrlr.MessageTimeout.Default': '2' } });
        void control.target.start();
      },
      onResult: (run) => (result = run),
    });
  } finally {
    await control.target?.stop();
    await server.close();
  }
  return result;
}

describe('DUT control through the simulators\' control API: --dut http: and --dut map:', function () {
  this.timeout(120_000);
  after(() => temp.removeAll());

  it('--dut http://<control API>/ drives the station simulator: the cases pass', async () => {
    const run = await runWithDut((url) => `${url}/`, ['TC_B_01_CS', 'TC_E_04_CS']);
    expect(run?.dutAdapter).to.equal('http');
    expect(run?.tests.map((t) => `${t.id} ${t.verdict} ${t.message ?? ''}`.trim())).to.deep.equal(['TC_B_01_CS pass', 'TC_E_04_CS pass']);
  });

  it('--dut map: with the shipped sim-control map passes too; an unsupported action makes the case notApplicable naming it', async () => {
    const shipped = readFileSync(path.join(repoRoot, 'examples', 'dut-maps', 'sim-control.yaml'), 'utf8');
    const run = await runWithDut((url, dir) => {
      const file = path.join(dir, 'map.yaml');
      writeFileSync(file, `${shipped.replace('http://127.0.0.1:9100', url)}unsupported: [plugIn]\n`);
      return `map:${file}`;
    }, ['TC_B_01_CS', 'TC_E_04_CS']);
    expect(run?.dutAdapter).to.equal('map');
    expect(run?.tests.map((t) => t.verdict)).to.deep.equal(['pass', 'notApplicable']);
    expect(run?.tests[1]?.message).to.include('the DUT map lists plugIn as unsupported');
  });
});
