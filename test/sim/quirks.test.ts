import { expect } from 'chai';
import { HarnessError } from '../../src/errors.js';
import { allDefects } from '../../src/sim/defects.js';
import { allQuirks, checkQuirkNames, parseQuirks } from '../../src/sim/quirk-registry.js';
import { createStationSimulator } from '../../src/sim/station/station-simulator.js';

const usage = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(HarnessError);
    expect((err as HarnessError).code).to.equal('E_USAGE');
    return (err as HarnessError).message;
  }
  throw new Error('expected a usage error');
};

describe('simulator quirks registry', () => {
  it('lists the quirks the issue names, each one line, none sharing a name with a defect', () => {
    const quirks = allQuirks();
    const names = quirks.map((q) => q.name);
    for (const wanted of ['merged-transaction-events', 'stop-authorized-ends', 'early-heartbeat', 'slow-reboot']) expect(names, wanted).to.include(wanted);
    const defects = new Set(allDefects().map((d) => d.name));
    // The station core's has() answers both sets: a shared name would switch on both behaviours.
    expect(names.filter((n) => defects.has(n))).to.deep.equal([]);
    for (const q of quirks) {
      expect(q.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(q.description).to.not.include('\n');
    }
  });

  it('validates names per simulator and version; a defect name passed as quirk says so', () => {
    expect(parseQuirks(['early-heartbeat', 'early-heartbeat'], 'cs', '1.6')).to.deep.equal(['early-heartbeat']);
    expect(usage(() => parseQuirks(['merged-transaction-events'], 'cs', '1.6'))).to.include('not 1.6');
    expect(usage(() => parseQuirks(['no-status-after-boot'], 'cs', '2.0.1'))).to.include('is a defect');
    expect(usage(() => parseQuirks(['nope'], 'csms', '2.0.1'))).to.include('unknown CSMS quirk');
    expect(usage(() => checkQuirkNames(['nope']))).to.include('unknown quirk');
  });

  it('the station simulator refuses an unknown quirk and reports the ones switched on', async () => {
    expect(usage(() => createStationSimulator({ version: '2.0.1', csmsUrl: 'ws://127.0.0.1:1/ocpp', quirks: ['nope'] }))).to.include('nope');
    const sim = createStationSimulator({ version: '2.0.1', csmsUrl: 'ws://127.0.0.1:1/ocpp', quirks: ['slow-reboot'] });
    expect((sim.snapshot() as { quirks?: string[] }).quirks).to.deep.equal(['slow-reboot']);
    await sim.stop();
  });
});
