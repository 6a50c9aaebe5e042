/**
 * The real CLI `run`, spawned as a user runs it, for both roles over loopback against scripted
 * in-process peers: an http hook adapter, an exec adapter, a prompt answered through a real
 * pseudo-terminal, and the prompt adapter without a TTY (inconclusive, never a pass).
 */
import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { dial } from '../../src/transport/client.js';
import { OcppServer } from '../../src/transport/server.js';
import { openEndpoint } from '../../src/session/open.js';
import { builtinSchemaOf } from '../../src/protocol/schemas.js';
import type { OcppEndpoint } from '../../src/session/endpoint.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');
const fixtures = fileURLToPath(new URL('./fixtures/testcases', import.meta.url));

interface Running {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
}

function start(command: string, args: string[]): Running {
  const child = spawn(command, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); for (const l of listeners) l(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    exit,
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const m = pattern.exec(out);
          if (m) { listeners.delete(check); clearTimeout(timer); resolve(m); }
        };
        const timer = setTimeout(() => { listeners.delete(check); reject(new Error(`timed out waiting for ${pattern}; stdout: ${out}; stderr: ${err}`)); }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
  };
}

const runArgs = (extra: string[]): string[] => [bin, 'run', '--ocpp', '2.0.1', '--testcases', fixtures, '--case-timeout', '30', ...extra];

/** A scripted 2.0.1 station: boots and (unless defective) reports its connector. */
async function bootStation(url: string, options: { skipStatus?: boolean } = {}): Promise<OcppEndpoint> {
  const conn = await dial(url, { subprotocols: ['ocpp2.0.1'] });
  const ep = openEndpoint(conn, { role: 'cs' });
  await ep.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'scripted', vendorName: 'ocpp-conform-tests' } });
  if (!options.skipStatus) await ep.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
  return ep;
}

function report(dir: string): { tests: Array<{ id: string; verdict: string; message?: string; steps: unknown[] }>; partial: boolean } {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as never;
}

describe('integration: ocpp-conform run', function () {
  after(() => temp.removeAll());
  this.timeout(60_000);
  let hook: Server | undefined;

  afterEach(() => {
    hook?.close();
    hook = undefined;
  });

  async function hookServer(onAction: (action: string) => void): Promise<string> {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"done":true}');
        onAction((JSON.parse(body) as { action: string }).action);
      });
    });
    hook = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }

  for (const defective of [false, true]) {
    it(`SUT=cs with an http hook: ${defective ? 'a station that forgets StatusNotification fails (exit 1)' : 'a conforming station passes (exit 0)'}`, async () => {
      const dir = temp.make('ocpp-run-');
      let stationUrl = '';
      const actions: string[] = [];
      const url = await hookServer((action) => {
        actions.push(action);
        void bootStation(stationUrl, { skipStatus: defective });
      });
      const run = start(process.execPath, runArgs(['--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', url, '--report-dir', dir]));
      stationUrl = (await run.waitFor(/connect station CP001 to (ws:\/\/\S+)/))[1]!;
      const code = await run.exit;
      expect(actions).to.deep.equal(['powerCycle']);
      const r = report(dir);
      expect(r.partial).to.equal(false);
      expect(r.tests.map((t) => [t.id, t.verdict])).to.deep.equal([['TC_B_01_CS', defective ? 'fail' : 'pass']]);
      expect(code, run.err()).to.equal(defective ? 1 : 0);
      if (defective) expect(r.tests[0]!.message).to.match(/StatusNotification/);
      expect(existsSync(join(dir, 'wire.jsonl'))).to.equal(true);
    });
  }

  it('SUT=csms: the harness dials a scripted CSMS as a station; a CSMS rejecting the boot fails', async () => {
    for (const status of ['Accepted', 'Rejected']) {
      const server = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
      server.onConnection((conn) => {
        const csms = openEndpoint(conn, { role: 'csms' });
        csms.handle('BootNotification', () => ({ status, currentTime: new Date().toISOString(), interval: 30 }));
        csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
      });
      const { url } = await server.start();
      const dir = temp.make('ocpp-run-');
      const run = start(process.execPath, runArgs(['--sut', 'csms', '--csms-url', url, '--dut', 'exec:true', '--report-dir', dir]));
      const code = await run.exit;
      await server.close();
      expect(report(dir).tests.map((t) => t.verdict), run.out() + run.err()).to.deep.equal([status === 'Accepted' ? 'pass' : 'fail']);
      expect(code).to.equal(status === 'Accepted' ? 0 : 1);
    }
  });

  it('--schemas judges frames with the user\'s schema folder instead of the built-in schemas', async () => {
    // A schema folder in the OCA layout whose HeartbeatResponse demands a field no CSMS sends.
    const schemaDir = temp.make('ocpp-schemas-');
    for (const [action, kind] of [['BootNotification', 'request'], ['BootNotification', 'response'], ['Heartbeat', 'request'], ['Heartbeat', 'response']] as const) {
      const schema = structuredClone(builtinSchemaOf('2.0.1', action, kind)) as { required?: string[]; properties?: Record<string, unknown> };
      if (action === 'Heartbeat' && kind === 'response') {
        schema.required = [...(schema.required ?? []), 'labNote'];
        schema.properties = { ...schema.properties, labNote: { type: 'string' } };
      }
      writeFileSync(join(schemaDir, `${action}${kind === 'request' ? 'Request' : 'Response'}.json`), JSON.stringify(schema));
    }
    const server = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
    server.onConnection((conn) => {
      const csms = openEndpoint(conn, { role: 'csms' });
      csms.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 30 }));
      csms.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    });
    const { url } = await server.start();
    const dir = temp.make('ocpp-run-');
    const run = start(process.execPath, runArgs(['--sut', 'csms', '--csms-url', url, '--dut', 'exec:true', '--schemas', schemaDir, '--report-dir', dir]));
    const code = await run.exit;
    await server.close();
    const t = report(dir).tests[0]! as unknown as { verdict: string; findings: Array<{ layer: string; message: string }> };
    expect(t.verdict, run.out() + run.err()).to.equal('fail');
    expect(t.findings.some((f) => f.layer === 'schema' && /labNote/.test(f.message))).to.equal(true);
    expect(code).to.equal(1);
  });

  it('prompt adapter through a real pseudo-terminal: the operator confirms and the case passes', async function () {
    if (!existsSync('/usr/bin/script')) this.skip();
    const dir = temp.make('ocpp-run-');
    const cmd = [process.execPath, ...runArgs(['--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', 'prompt', '--report-dir', dir])].map((a) => `'${a}'`).join(' ');
    // util-linux script gives the CLI a real TTY on stdin and stdout.
    const run = start('/usr/bin/script', ['-qfec', cmd, '/dev/null']);
    const stationUrl = (await run.waitFor(/connect station CP001 to (ws:\/\/\S+)/))[1]!;
    await run.waitFor(/Power-cycle/);
    run.child.stdin.write('\r');
    await bootStation(stationUrl);
    const code = await run.exit;
    expect(report(dir).tests[0]!.verdict, run.out()).to.equal('pass');
    expect(code).to.equal(0);
    expect(JSON.stringify(report(dir).tests[0]!.steps)).to.match(/confirmed by/);
  });

  it('prompt adapter without a TTY: the case is inconclusive, never a silent pass (exit 1)', async () => {
    const dir = temp.make('ocpp-run-');
    const run = start(process.execPath, runArgs(['--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', 'prompt', '--report-dir', dir]));
    const code = await run.exit;
    const t = report(dir).tests[0]!;
    expect(t.verdict).to.equal('inconclusive');
    expect(t.message).to.match(/no terminal/);
    expect(code).to.equal(1);
  });

  it('Ctrl-C ends the run with exit 130 and a readable report that says it was interrupted', async () => {
    const dir = temp.make('ocpp-run-');
    const run = start(process.execPath, runArgs(['--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', 'exec:sleep 30', '--report-dir', dir]));
    await run.waitFor(/connect station CP001/);
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill('SIGINT');
    expect(await run.exit).to.equal(130);
    const r = report(dir) as ReturnType<typeof report> & { interrupted: boolean };
    expect(r.interrupted).to.equal(true);
    expect(r.tests.map((t) => [t.verdict, t.message])).to.deep.equal([['inconclusive', 'the run was interrupted']]);
    expect(existsSync(join(dir, 'junit.xml')), 'junit.xml after Ctrl-C').to.equal(true);
    expect(existsSync(join(dir, 'report.html')), 'report.html after Ctrl-C').to.equal(true);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).to.match(/<failure message="inconclusive: the run was interrupted" type="inconclusive">/);
  });

  it('names the problem and exits 2 on a bad config file', async () => {
    const run = start(process.execPath, runArgs(['--sut', 'cs', '--config', '/nonexistent/conf.yaml']));
    expect(await run.exit).to.equal(2);
    expect(run.err()).to.match(/conf\.yaml/);
  });
});
