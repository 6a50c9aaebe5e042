/**
 * Scale bench (issue #14): `sim csms` and one `sim station --count N` process, both spawned as a
 * user runs them, N stations heartbeating for M minutes over loopback. Prints per side the RSS
 * per station (growth over the side's own baseline), CPU, connect and heartbeat latencies
 * (p50/p99, measured by the fleet) and errors, sampled over time so growth shows.
 *
 *   npm run bench:scale -- --stations 10000 --minutes 10 [--interval 10 --ramp 500]
 *
 * The last line is exactly:
 *   scale: stations=N server-kb-per-station=S client-kb-per-station=C hb-p99-ms=P errors=E
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const stations = Math.floor(arg('stations', 200));
const minutes = arg('minutes', 1);
const intervalS = Math.floor(arg('interval', 10));
const rampPerS = arg('ramp', 500);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '..', '..', 'bin', 'ocpp-conform.js');

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
}

/**
 * Spawn the CLI through sh so the file-descriptor soft limit can be raised to the hard limit
 * first: 10,000 sockets need more than the usual 1,024.
 */
function start(args: string[]): Child {
  const command = `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"`;
  const proc = spawn('/bin/sh', ['-c', command, process.execPath, bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  const take = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    for (const w of waiters.splice(0)) w();
  };
  proc.stdout?.on('data', take);
  proc.stderr?.on('data', take);
  return {
    proc,
    lines,
    waitFor: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`no line matching ${String(re)} within ${timeoutMs} ms; got:\n${lines.join('\n')}`)), timeoutMs);
        const check = (): void => {
          for (const l of lines) {
            const m = re.exec(l);
            if (m) {
              clearTimeout(deadline);
              resolve(m);
              return;
            }
          }
          if (proc.exitCode !== null) {
            clearTimeout(deadline);
            reject(new Error(`exited ${proc.exitCode}:\n${lines.join('\n')}`));
            return;
          }
          waiters.push(check);
        };
        check();
      }),
  };
}

/** RSS (KB) and CPU seconds of a process, from /proc (Linux). */
function usage(pid: number): { rssKb: number; cpuS: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of proc(5) (utime, stime) are at 11 and 12 after the command name; ticks of 1/100 s.
  const cpuS = (Number(fields[11]) + Number(fields[12])) / 100;
  return { rssKb, cpuS };
}

interface FleetSnapshot {
  fleet: { stations: number; started: number; connected: number; connect: Latency; heartbeat: Latency; errors: number; errorSamples: string[] };
  memory: { rssKb: number; baselineRssKb: number };
}
interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

async function fleetState(controlUrl: string): Promise<FleetSnapshot> {
  const res = await fetch(`${controlUrl}/state`);
  return (await res.json()) as FleetSnapshot;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

async function stop(child: Child): Promise<void> {
  if (child.proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.proc.once('exit', () => resolve()));
  child.proc.kill('SIGTERM');
  const forced = setTimeout(() => child.proc.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(forced);
}

async function main(): Promise<void> {
  const csms = start(['sim', 'csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--interval', String(intervalS), '--control-port', '0']);
  let fleet: Child | undefined;
  try {
    const url = (await csms.waitFor(/listening on (ws:\/\/\S+)/, 30_000))[1] as string;
    await sleep(500);
    const server0 = usage(csms.proc.pid as number);
    fleet = start(['sim', 'station', '--ocpp', '2.0.1', '--csms-url', url, '--count', String(stations), '--ramp-per-s', String(rampPerS), '--control-port', '0']);
    const control = (await fleet.waitFor(/control API: (http:\/\/\S+)/, 60_000))[1] as string;
    const fleetPid = fleet.proc.pid as number;
    // ---- ramp
    const rampStarted = Date.now();
    const rampLimitMs = (stations / rampPerS) * 1000 + 60_000;
    let snap = await fleetState(control);
    while (snap.fleet.connected + snap.fleet.errors < stations && Date.now() - rampStarted < rampLimitMs) {
      await sleep(1000);
      snap = await fleetState(control);
    }
    console.log(`ramp: ${snap.fleet.connected}/${stations} connected in ${((Date.now() - rampStarted) / 1000).toFixed(1)} s; connect p50=${snap.fleet.connect.p50} ms p99=${snap.fleet.connect.p99} ms`);
    // ---- steady state
    const steadyMs = minutes * 60_000;
    const sampleEveryMs = Math.min(60_000, Math.max(5_000, steadyMs / 5));
    const t0 = Date.now();
    const s0 = usage(csms.proc.pid as number);
    const c0 = usage(fleetPid);
    let server = s0;
    let client = c0;
    while (Date.now() - t0 < steadyMs) {
      await sleep(Math.min(sampleEveryMs, steadyMs - (Date.now() - t0)));
      server = usage(csms.proc.pid as number);
      client = usage(fleetPid);
      snap = await fleetState(control);
      const base = snap.memory.baselineRssKb;
      console.log(
        `t=${Math.round((Date.now() - t0) / 1000)}s connected=${snap.fleet.connected} server-rss=${Math.round(server.rssKb / 1024)}MB (${kb((server.rssKb - server0.rssKb) / stations)} KB/station) client-rss=${Math.round(client.rssKb / 1024)}MB (${kb((client.rssKb - base) / stations)} KB/station) heartbeats=${snap.fleet.heartbeat.count} hb-p50=${snap.fleet.heartbeat.p50}ms hb-p99=${snap.fleet.heartbeat.p99}ms errors=${snap.fleet.errors}`,
      );
    }
    const seconds = (Date.now() - t0) / 1000;
    const serverKb = (server.rssKb - server0.rssKb) / stations;
    const clientKb = (client.rssKb - snap.memory.baselineRssKb) / stations;
    console.log(`server (sim csms): rss ${Math.round(server.rssKb / 1024)} MB, baseline ${Math.round(server0.rssKb / 1024)} MB, cpu ${((100 * (server.cpuS - s0.cpuS)) / seconds).toFixed(1)}% of one core`);
    console.log(`client (sim station --count ${stations}): rss ${Math.round(client.rssKb / 1024)} MB, baseline ${Math.round(snap.memory.baselineRssKb / 1024)} MB, cpu ${((100 * (client.cpuS - c0.cpuS)) / seconds).toFixed(1)}% of one core`);
    console.log(`connect p50=${snap.fleet.connect.p50} ms p99=${snap.fleet.connect.p99} ms; heartbeat every ${intervalS} s: ${snap.fleet.heartbeat.count} round trips p50=${snap.fleet.heartbeat.p50} ms p99=${snap.fleet.heartbeat.p99} ms max=${snap.fleet.heartbeat.max} ms`);
    if (snap.fleet.errorSamples.length > 0) console.log(`errors, first: ${snap.fleet.errorSamples.join('; ')}`);
    console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} (2 cores shared with other work)`);
    const errors = snap.fleet.errors + (stations - snap.fleet.connected > 0 && snap.fleet.errors === 0 ? stations - snap.fleet.connected : 0);
    console.log(`scale: stations=${stations} server-kb-per-station=${kb(serverKb)} client-kb-per-station=${kb(clientKb)} hb-p99-ms=${snap.fleet.heartbeat.p99} errors=${errors}`);
  } finally {
    if (fleet) await stop(fleet);
    await stop(csms);
  }
}

await main();
