/**
 * Load mode at scale (issue #14): `sim csms` and `ocpp-conform load --stations N` spawned as a
 * user runs them; N virtual stations × boot, heartbeat and a whole transaction through the
 * Artillery engine (our driver). Prints the load command's table and its last line exactly:
 *   load: stations=N completed=C failed=F messages=M tx-p99-ms=P errors=E
 *
 *   npm run bench:load [-- --stations 1000 --ramp 200]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const stations = Math.floor(arg('stations', 1000));
const ramp = arg('ramp', 200);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'ocpp-conform.js');
const dir = mkdtempSync(path.join(tmpdir(), 'ocpp-bench-load-'));

const csms = spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, bin, 'sim', 'csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--interval', '60'], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`sim csms did not start:\n${seen}`)), 30_000);
    csms.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = /listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
  });
  const code = await new Promise<number>((resolve) => {
    const load = spawn(process.execPath, [bin, 'load', '--csms-url', url, '--stations', String(stations), '--ramp-per-s', String(ramp), '--report-dir', dir], { stdio: 'inherit' });
    load.on('exit', (c) => resolve(c ?? 1));
  });
  const report = JSON.parse(readFileSync(path.join(dir, 'load-report.json'), 'utf8')) as { completed: number; failedUsers: number; messagesSent: number; steps: Record<string, { latencyMs: { p99: number } }>; errors: { count: number } };
  console.log(`load: stations=${stations} completed=${report.completed} failed=${report.failedUsers} messages=${report.messagesSent} tx-p99-ms=${report.steps.transaction?.latencyMs.p99 ?? 0} errors=${report.errors.count}`);
  process.exitCode = code;
} finally {
  csms.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
