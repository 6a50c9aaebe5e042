/**
 * Issue #24: every timing verdict of a demo-like run can be recomputed from traces/ alone. Each
 * timing check names the frames or connection events it measured between (`timing.between`); this
 * test finds them in traces/<id>.jsonl, recomputes the interval from their relMs and the verdict
 * from the check's window, and compares with what the report says.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import type { TimingCheck, TimingPoint } from '../../src/engine/context-types.js';
import type { OcppVersion, Role } from '../../src/protocol/versions.js';
import { traceFileName } from '../../src/reporters/junit.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();
const quiet: CliIo = { out: () => undefined, err: () => undefined, isTty: false, env: {}, cwd: tmpdir() };

/**
 * The journal stamps a frame when the session parses it, the wire log when it arrives: the same
 * monotonic clock a few hundred µs apart. A recomputed figure may differ by this much, and a
 * verdict within this distance of a bound is not compared.
 */
const clockSkewMs = 5;

interface TraceLine {
  seq: number;
  connectionId: string;
  relMs: number;
  text?: string;
  event?: string;
}

function find(lines: readonly TraceLine[], p: TimingPoint): TraceLine | undefined {
  return 'frame' in p ? lines.find((l) => l.seq === p.frame && l.text !== undefined) : lines.find((l) => l.event === p.event && l.connectionId === p.connectionId);
}

/** Problems with one timing check against its trace; counts what it could recompute. */
function recompute(id: string, what: string, t: TimingCheck, lines: readonly TraceLine[]): string | undefined {
  if (!t.between) return `${id} "${what}": no timing.between (what it measured)`;
  const from = find(lines, t.between.from);
  if (!from) return `${id} "${what}": ${JSON.stringify(t.between.from)} is not in traces/${traceFileName(id)}`;
  if (!t.between.to) return t.ok ? `${id} "${what}": nothing came, yet the timing is ok` : undefined;
  const to = find(lines, t.between.to);
  if (!to) return `${id} "${what}": ${JSON.stringify(t.between.to)} is not in traces/${traceFileName(id)}`;
  const measured = to.relMs - from.relMs;
  if (Math.abs(measured - t.measuredMs) > clockSkewMs) return `${id} "${what}": the trace gives ${measured} ms, the report ${t.measuredMs} ms`;
  const nearBound = [t.minMs, t.maxMs].some((b) => b !== undefined && Math.abs(measured - b) <= clockSkewMs);
  const ok = (t.minMs === undefined || measured >= t.minMs) && (t.maxMs === undefined || measured <= t.maxMs);
  if (!nearBound && ok !== t.ok) return `${id} "${what}": from the trace ${measured} ms in [${t.minMs ?? '-∞'}, ${t.maxMs ?? '∞'}] is ${ok ? 'ok' : 'not ok'}, the report says ${t.ok ? 'ok' : 'not ok'}`;
  return undefined;
}

async function timingProblems(version: OcppVersion, sut: Role, only: string[], defects: string[] = []): Promise<{ checked: number; events: number; problems: string[] }> {
  const runs = await runDemo({ versions: [version], suts: [sut], defects, only, reportDir: temp.make('ocpp-timing-'), reporters: ['json', 'traces'] }, quiet);
  let checked = 0;
  let events = 0;
  const problems: string[] = [];
  for (const r of runs) {
    for (const t of r.run?.tests ?? []) {
      const text = await readFile(path.join(r.reportDir, 'traces', traceFileName(t.id)), 'utf8').catch(() => '');
      const lines = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as TraceLine);
      events += lines.filter((l) => l.event !== undefined).length;
      for (const c of t.steps.flatMap((s) => s.checks)) {
        if (!c.timing) continue;
        checked += 1;
        const problem = recompute(t.id, c.description, c.timing, lines);
        if (problem) problems.push(problem);
      }
    }
  }
  return { checked, events, problems };
}

describe('timing verdicts recomputed from traces/ alone (issue #24)', function () {
  this.timeout(10 * 60_000);
  after(() => temp.removeAll());

  it('OCPP 2.0.1 SUT=cs: reconnect back-off (connection events), connection time-outs, retries, heartbeats', async () => {
    const r = await timingProblems('2.0.1', 'cs', ['TC_B_57_CS', 'TC_B_03_CS', 'TC_E_04_CS', 'TC_E_41_CS', 'TC_B_01_CS']);
    expect(r.problems).to.deep.equal([]);
    expect(r.checked, 'timing checks').to.be.greaterThan(3);
    expect(r.events, 'connection events in the traces').to.be.greaterThan(2);
  });

  it('OCPP 2.0.1 SUT=cs: the same holds when the back-off is wrong (defect no-reconnect-backoff)', async () => {
    const r = await timingProblems('2.0.1', 'cs', ['TC_B_57_CS'], ['no-reconnect-backoff']);
    expect(r.problems).to.deep.equal([]);
    expect(r.checked).to.be.greaterThan(0);
  });

  it('OCPP 1.6 SUT=cs: heartbeat interval, ConnectionTimeOut, reset and reboot', async () => {
    const r = await timingProblems('1.6', 'cs', ['TC_002_CS', 'TC_004_2_CS', 'TC_011_2_CS', 'TC_013_CS', 'TC_001_CS']);
    expect(r.problems).to.deep.equal([]);
    expect(r.checked, 'timing checks').to.be.greaterThan(1);
  });

  it('both versions SUT=csms: every timing verdict there recomputes too, and the traces carry the connection events', async () => {
    for (const version of ['1.6', '2.0.1'] as const) {
      const r = await timingProblems(version, 'csms', version === '1.6' ? ['TC_001_CSMS', 'TC_003_CSMS', 'TC_013_CSMS'] : ['TC_B_01_CSMS', 'TC_B_0*_CSMS']);
      expect(r.problems, version).to.deep.equal([]);
      expect(r.events, `${version} connection events`).to.be.greaterThan(0);
    }
  });
});
