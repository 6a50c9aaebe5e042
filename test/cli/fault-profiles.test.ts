/** `--fault NAME`: a profile of the project file's `faults` section wins over a built-in one; a spec is its own profile; an unknown name lists the known ones. */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFault } from '../../src/cli/fault-profiles.js';
import { TempDirs } from '../helpers/temp.js';

describe('cli: fault profiles', () => {
  const temp = new TempDirs();
  after(() => temp.removeAll());

  it('resolves the project file section, the built-ins and plain specs', async () => {
    const dir = temp.make('ocpp-faults-cfg-');
    writeFileSync(join(dir, 'ocpp-conform.config.yaml'), 'version: 1\nfaults:\n  lost-status: "drop=in:StatusNotification,seed=3"\n  flaky-mobile: "latency=100"\nprojects: []\n');
    const own = await resolveFault('lost-status', dir);
    expect(own).to.deep.include({ profile: 'lost-status', spec: 'drop=in:StatusNotification,seed=3', seed: 3 });
    expect(own.plan.in?.drop).to.deep.equal({ action: 'StatusNotification' });
    expect((await resolveFault('flaky-mobile', dir)).plan.in?.delayMs).to.equal(100);
    const builtin = await resolveFault('flaky-mobile', temp.make('ocpp-faults-none-'));
    expect(builtin.plan.out).to.deep.equal({ delayMs: { minMs: 100, maxMs: 500 }, drop: { probability: 0.01 } });
    expect((await resolveFault('drop=out:#2', dir)).profile).to.equal('drop=out:#2');
    let error: unknown;
    await resolveFault('no-such-profile', dir).catch((e: unknown) => (error = e));
    expect(String((error as Error).message)).to.include('no fault profile');
    expect(String((error as { hint?: string }).hint)).to.include('lost-status');
  });
});
