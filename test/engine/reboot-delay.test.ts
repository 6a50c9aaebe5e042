/**
 * Issue #11: after a Reset the harness-as-station stays away `rebootDelayMs` (default 5 s, like a
 * real station) before it dials again; before, it reconnected within 20 ms and a CSMS raced.
 */
import { expect } from 'chai';
import * as path from 'node:path';
import { demoTimings } from '../../src/cli/commands/demo.js';
import { prepareRun } from '../../src/cli/commands/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { executeRun } from '../../src/cli/run-lifecycle.js';
import { defaultConfiguredValues } from '../../src/engine/configured-values.js';
import type { RunResult } from '../../src/engine/run-model.js';
import { SimAdapter } from '../../src/dut/sim.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

describe('harness-as-station reboot delay (rebootDelayMs)', function () {
  this.timeout(60_000);
  after(() => temp.removeAll());

  it('has a realistic default and is honoured: after the Reset the next connection opens no sooner than the delay', async () => {
    expect(defaultConfiguredValues.rebootDelayMs).to.be.at.least(2_000);
    const csms = createCsmsSimulator({ version: '1.6', port: 0, heartbeatIntervalS: demoTimings.heartbeatIntervalS });
    const { url } = await csms.start();
    const dir = temp.make('ocpp-reboot-');
    const io: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: dir };
    let run: RunResult | undefined;
    try {
      const prepared = await prepareRun({ ocpp: '1.6', sut: 'csms', csmsUrl: url, dut: 'sim', only: ['TC_013_CSMS'], listen: '127.0.0.1:0', path: '/ocpp', reportDir: path.join(dir, 'r'), reporter: ['json'] }, io, { simAdapter: new SimAdapter(csms), configOverrides: { ...demoTimings, rebootDelayMs: 1_500 }, progress: false });
      await executeRun(prepared, io, { onResult: (r) => (run = r) });
    } finally {
      await csms.close();
    }
    const t = run?.tests[0];
    expect(t?.verdict, t?.message).to.equal('pass');
    // The two connections of the case: the gap between them is the reboot.
    const connections = [...new Set((t?.trace ?? []).map((f) => f.connectionId))];
    expect(connections.length).to.be.at.least(2);
    const lastOfFirst = (t?.trace ?? []).filter((f) => f.connectionId === connections[0]).at(-1);
    const firstOfSecond = (t?.trace ?? []).find((f) => f.connectionId === connections[1]);
    expect((firstOfSecond?.relMs ?? 0) - (lastOfFirst?.relMs ?? 0)).to.be.at.least(1_400);
  });
});
