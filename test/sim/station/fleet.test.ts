/**
 * Issue #14: many stations in one process. A fleet of 200 reference stations against the CSMS
 * simulator over loopback, heartbeating every second; and the bench:scale script spawned as a
 * user runs it (small N), whose last line must carry real figures.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsmsSimulator } from '../../../src/sim/csms/index.js';
import { fleetStationId, LatencyReservoir, percentile, StationFleet } from '../../../src/sim/station/fleet.js';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('sim/station fleet (issue #14)', function () {
  this.timeout(120_000);

  it('numbers ids with the prefix, zero-padded to the count', () => {
    expect(fleetStationId('CP', 0, 200)).to.equal('CP0001');
    expect(fleetStationId('X-', 9_999, 10_000)).to.equal('X-10000');
    expect(fleetStationId('CP', 41, 123_456)).to.equal('CP000042');
  });

  it('percentiles by nearest rank; the reservoir stays bounded and keeps count and max exact', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).to.equal(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).to.equal(10);
    expect(percentile([], 99)).to.equal(0);
    const r = new LatencyReservoir(100);
    for (let i = 1; i <= 100_000; i++) r.add(i % 1000);
    const s = r.summary();
    expect(s.count).to.equal(100_000);
    expect(s.max).to.equal(999);
    // Uniform values 0..999: the sampled median is near 500.
    expect(s.p50).to.be.within(300, 700);
  });

  it('200 stations connect to sim csms at a ramp, boot, heartbeat every second, and stop cleanly', async () => {
    const csms = new CsmsSimulator({ version: '2.0.1', host: '127.0.0.1', port: 0, acceptAnyStation: true, heartbeatIntervalS: 1 });
    const { url } = await csms.start();
    const fleet = new StationFleet({ count: 200, idPrefix: 'FL', rampPerS: 400, station: { version: '2.0.1', csmsUrl: url } });
    try {
      await fleet.start();
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      const stats = fleet.stats();
      expect(stats.started).to.equal(200);
      expect(stats.connected, JSON.stringify(stats.errorSamples)).to.equal(200);
      expect(stats.errors, JSON.stringify(stats.errorSamples)).to.equal(0);
      expect(stats.connect.count).to.equal(200);
      // Every station heartbeats about once a second: well over one round trip each in 3.5 s.
      expect(stats.heartbeat.count).to.be.greaterThan(300);
      expect(stats.heartbeat.p99).to.be.greaterThan(0);
      // The CSMS saw them all, by their fleet ids.
      const seen = (csms.snapshot() as { stations?: Record<string, unknown> | Array<{ id?: string }> }).stations;
      const names = Array.isArray(seen) ? seen.map((s) => s.id) : Object.keys(seen ?? {});
      expect(names).to.include('FL0001').and.include('FL0200');
      // The shared log stays capped whatever the fleet sends.
      expect(fleet.wireLog.retained).to.be.at.most(1_250);
      expect(fleet.wireLog.lastSeq).to.be.greaterThan(1_250);
      // The control API addresses one station by id.
      expect(await fleet.perform('plugIn', { evseId: 1 })).to.include({ done: false });
      expect((await fleet.perform('plugIn', { stationId: 'FL0007', evseId: 1 })).done).to.equal(true);
    } finally {
      await fleet.stop();
      await csms.close();
    }
    expect(fleet.stats().connected).to.equal(0);
  });

  it('npm run bench:scale (small N) spawns both sides and ends with the scale line', () => {
    const script = path.resolve(here, '..', '..', '..', 'scripts', 'bench-scale.js');
    const r = spawnSync(process.execPath, [script, '--stations', '200', '--minutes', '0.25', '--interval', '2', '--ramp', '400'], { encoding: 'utf8', timeout: 100_000 });
    expect(r.status, r.stderr + r.stdout).to.equal(0);
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    const m = /^scale: stations=200 server-kb-per-station=(-?[\d.]+) client-kb-per-station=(-?[\d.]+) hb-p99-ms=([\d.]+) errors=(\d+)$/.exec(last);
    expect(m, r.stdout).to.not.equal(null);
    expect(Number(m?.[3])).to.be.greaterThan(0);
    expect(Number(m?.[4]), r.stdout).to.equal(0);
    expect(r.stdout).to.match(/ramp: 200\/200 connected/);
  });
});
