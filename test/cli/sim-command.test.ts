import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { formatDefects, parseListen, registerSimCommand } from '../../src/cli/commands/sim.js';
import { csmsDefects } from '../../src/sim/csms/defects.js';
import { allDefects } from '../../src/sim/defects.js';
import { boot201, connectStation, cleanup, resultOf } from '../sim/csms/support.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, env: {}, cwd: repoRoot };
}

async function runSim(args: string[], io = captureIo(), stop?: Promise<string>): Promise<typeof io> {
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerSimCommand(program, io, stop === undefined ? {} : { waitForStop: () => stop });
  await program.parseAsync(['sim', ...args], { from: 'user' });
  return io;
}

describe('ocpp-conform sim', () => {
  afterEach(cleanup);

  it('sim defects --json lists every defect with its description', async () => {
    const io = await runSim(['defects', '--json']);
    const list = JSON.parse(io.stdout.join('')) as Array<{ name: string; side: string; description: string }>;
    expect(list.map((d) => d.name)).to.deep.equal(allDefects().map((d) => d.name));
    expect(list.find((d) => d.name === 'accepts-wrong-password')).to.include({ side: 'csms' });
  });

  it('sim defects filters by side and version and prints an aligned table', async () => {
    const io = await runSim(['defects', '--side', 'csms', '--ocpp', '1.6']);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines[0]).to.match(/^DEFECT\s+SIM\s+OCPP\s+WHAT IT DOES WRONG$/);
    const expected = csmsDefects.filter((d) => d.versions.includes('1.6'));
    expect(lines.at(-1)).to.equal(`${expected.length} defect(s)`);
    const column = lines[0]?.indexOf('SIM');
    for (const line of lines.slice(1, -1)) expect(line.slice((column ?? 0) - 2, column).trim(), line).to.equal('');
    expect(lines.some((l) => l.startsWith('wrong-error-code-spelling'))).to.equal(false);
    expect(formatDefects([])).to.equal('no defects match');
  });

  it('sim csms refuses an unknown defect with a usage error', async () => {
    const err = await runSim(['csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--defect', 'ignores-triggers']).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.have.property('code', 'E_USAGE');
    expect(String((err as Error).message)).to.contain('did you mean "ignores-trigger"');
  });

  it('sim csms runs in process until stopped, with a control API', async () => {
    let stop: (signal: string) => void = () => undefined;
    const stopped = new Promise<string>((resolve) => (stop = resolve));
    const io = captureIo();
    const running = runSim(['csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--boot', 'Pending,Accepted', '--interval', '30'], io, stopped);
    while (!io.stdout.some((l) => l.startsWith('control API'))) await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+)/.exec(io.stdout.join('\n'))?.[1] ?? '';
    const control = /control API: (\S+)/.exec(io.stdout.join('\n'))?.[1] ?? '';
    const station = await connectStation(url, '2.0.1', { identity: 'ANY-STATION-7' });
    expect(resultOf(await station.call('BootNotification', boot201))).to.include({ status: 'Pending', interval: 30 });
    const reset = await fetch(`${control}/actions/triggerReset`, { method: 'POST', body: '{"type":"Immediate"}', headers: { 'Content-Type': 'application/json' } });
    expect(await reset.json()).to.deep.equal({ done: true, detail: 'Reset sent to ANY-STATION-7; the station answered Accepted' });
    stop('SIGTERM');
    await running;
    expect(io.stdout.at(-1)).to.equal('stopped');
  });

  it('parses --listen forms', () => {
    expect(parseListen('127.0.0.1:9000')).to.deep.equal({ host: '127.0.0.1', port: 9000 });
    expect(parseListen('9001')).to.deep.equal({ host: '127.0.0.1', port: 9001 });
    expect(parseListen(':0')).to.deep.equal({ host: '127.0.0.1', port: 0 });
    expect(parseListen('[::1]:9002')).to.deep.equal({ host: '::1', port: 9002 });
    expect(() => parseListen('localhost:http')).to.throw(/host:port/);
  });

  it('sim csms as a real child process: prints its URL, serves a station, exits 0 on SIGTERM', async function () {
    this.timeout(30_000);
    // The real CLI when the sim command is wired into it; otherwise the same command through a
    // minimal entry point (src/cli/commands/index.ts registers commands; see the report).
    const registered = buildProgram(captureIo()).commands.some((c) => c.name() === 'sim');
    const args = ['sim', 'csms', '--ocpp', '2.0.1', '--listen', '127.0.0.1:0', '--station', 'CP001'];
    const entry = `import { Command } from 'commander';
import { registerSimCommand } from './dist/src/cli/commands/sim.js';
import { processIo } from './dist/src/cli/io.js';
import { exitFor } from './dist/src/cli/main.js';
const program = new Command().exitOverride();
registerSimCommand(program, processIo);
program.parseAsync(process.argv.slice(1), { from: 'user' }).then(() => { process.exitCode = 0; }, (e) => { process.exitCode = exitFor(e, processIo); });`;
    const child: ChildProcessWithoutNullStreams = registered
      ? spawn(process.execPath, [join(repoRoot, 'bin', 'ocpp-conform.js'), ...args], { cwd: repoRoot })
      : spawn(process.execPath, ['--input-type=module', '-e', entry, ...args], { cwd: repoRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!/press Ctrl\+C/.test(out)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no banner; stdout: ${out}; stderr: ${err}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const url = /listening on (ws:\/\/\S+)/.exec(out)?.[1] ?? '';
      expect(url).to.match(/^ws:\/\/127\.0\.0\.1:\d+\/ocpp$/);
      const station = await connectStation(url, '2.0.1');
      expect(resultOf(await station.call('BootNotification', boot201))).to.include({ status: 'Accepted', interval: 60 });
      const control = /control API: (\S+)/.exec(out)?.[1] ?? '';
      const state = (await (await fetch(`${control}/state`)).json()) as { stations: Array<{ id: string; bootStatus: string }> };
      expect(state.stations[0]).to.include({ id: 'CP001', bootStatus: 'Accepted' });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).to.equal(0);
    expect(out).to.contain('stopped');
    expect(err).to.equal('');
  });
});

describe('ocpp-conform sim station as a real child process', () => {
  it('dials the CSMS, boots, acts on its control API, and exits 0 on SIGTERM', async function () {
    this.timeout(30_000);
    const { createCsmsSimulator } = await import('../../src/sim/csms/index.js');
    const csms = createCsmsSimulator({ version: '2.0.1', port: 0, heartbeatIntervalS: 30 });
    const { url } = await csms.start();
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'ocpp-conform.js'), 'sim', 'station', '--ocpp', '2.0.1', '--csms-url', url, '--control-port', '0'], { cwd: repoRoot });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const until = async (what: () => boolean, label: string): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!what()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; stdout: ${out}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const stations = () => (csms.snapshot() as { stations?: Array<{ id: string; bootStatus?: string }> }).stations ?? [];
    try {
      await until(() => /control API: \S+/.test(out), 'the control API banner');
      await until(() => stations().some((s) => s.id === 'CP001' && s.bootStatus === 'Accepted'), 'the station to boot at the CSMS simulator');
      const control = /control API: (\S+)/.exec(out)?.[1] ?? '';
      const res = await fetch(`${control}/actions/plugIn`, { method: 'POST', body: JSON.stringify({ evseId: 1 }), headers: { 'Content-Type': 'application/json' } });
      expect(res.status).to.equal(200);
      const state = (await (await fetch(`${control}/state`)).json()) as Record<string, unknown>;
      expect(JSON.stringify(state)).to.match(/Occupied|plugged|cable/i);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).to.equal(0);
    await csms.close();
  });
});
