/**
 * Peak memory of the harness while a case receives big frames (issue #12: 70 frames of 9 MB took
 * RSS past 1.4 GB and lost the report). Spawns the real CLI as the CSMS (`run --sut cs`), plays a
 * station over loopback that sends N DataTransfer frames of M MB, then reads the child's peak
 * resident set (VmHWM, Linux /proc) and checks the report was written with the frames cut.
 *
 *   npm run rss-big-frames [-- --frames 100 --mb 9]
 *
 * Last line: `rss-big-frames: <N> frames of <M> MB, peak RSS <R> MB, report <ok|MISSING>`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEndpoint } from '../src/session/open.js';
import { dial } from '../src/transport/client.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function peakRssKb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const frames = arg('frames', 100);
  const mb = arg('mb', 9);
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const cases = fileURLToPath(new URL('./fixtures/big-frames', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-rss-'));
  const child = spawn(process.execPath, [join(root, 'bin', 'ocpp-conform.js'), 'run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', cases, '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--case-timeout', '900', '--report-dir', dir], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', CI: 'true' },
  });
  let out = '';
  let peakKb = 0;
  const poll = setInterval(() => {
    peakKb = Math.max(peakKb, peakRssKb(child.pid ?? 0) ?? 0);
  }, 20);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /connect station CP001 to (ws:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`the harness exited early: ${out}`)));
  });
  const ep = openEndpoint(await dial(url, { subprotocols: ['ocpp2.0.1'] }), { role: 'cs', validate: false });
  await ep.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'rss', vendorName: 'ocpp-conform' } });
  const data = 'x'.repeat(mb * 1024 * 1024);
  const started = Date.now();
  for (let i = 0; i < frames; i++) await ep.call('DataTransfer', { vendorId: 'org.ocpp-conform.rss', messageId: String(i), data }, { timeoutMs: 120_000 });
  await ep.call('Heartbeat', {});
  // The last sample before the child exits: VmHWM only grows, so reading it late is exact.
  await new Promise((r) => setTimeout(r, 200));
  peakKb = Math.max(peakKb, peakRssKb(child.pid ?? 0) ?? 0);
  const code = await exited;
  clearInterval(poll);
  ep.close();
  const report = join(dir, 'report.json');
  const ok = existsSync(report) && existsSync(join(dir, 'report.html')) && existsSync(join(dir, 'junit.xml'));
  const wireMb = existsSync(join(dir, 'wire.jsonl')) ? statSync(join(dir, 'wire.jsonl')).size / 1024 / 1024 : 0;
  console.log(`sent ${frames} × ${mb} MB in ${((Date.now() - started) / 1000).toFixed(1)} s; harness exit ${String(code)}; report.json ${ok ? `${(statSync(report).size / 1024).toFixed(0)} KB` : 'missing'}; wire.jsonl ${wireMb.toFixed(0)} MB`);
  rmSync(dir, { recursive: true, force: true });
  console.log(`rss-big-frames: ${frames} frames of ${mb} MB, peak RSS ${(peakKb / 1024).toFixed(0)} MB, report ${ok ? 'ok' : 'MISSING'}`);
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
