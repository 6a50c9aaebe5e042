/**
 * Issue #12 defect 7, the low ones: hostile YAML gave exit 3 with a stack trace; `list … | head`
 * crashed on EPIPE; `report arr.json` printed `field ""` / `fix: set  to …`; a DUT that vanished
 * was not named in the verdict reason; the simulators' control API could be driven by a web page
 * (a cross-origin `text/plain` POST ran `plugIn`). (`--reporter pdf` is in test/cli/preflight.)
 */
import { expect } from 'chai';
import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/cli/config-file.js';
import { isHarnessError } from '../../src/errors.js';
import { ControlServer } from '../../src/sim/control-server.js';
import type { ControlResult, SimControl } from '../../src/sim/types.js';
import { dial } from '../../src/transport/client.js';
import { openEndpoint } from '../../src/session/open.js';
import { compiledFixtureCases, readReport, startCli, tempDirs } from './cli-process.js';

class RecordingSim implements SimControl {
  readonly side = 'cs' as const;
  readonly version = '2.0.1' as const;
  readonly actions = ['plugIn'];
  readonly performed: string[] = [];
  async perform(action: string): Promise<ControlResult> {
    this.performed.push(action);
    return { done: true, detail: 'ok' };
  }
  snapshot(): unknown {
    return {};
  }
}

function httpPost(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/actions/plugIn`, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('hostile: low-severity input defects', function () {
  this.timeout(60_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  for (const [name, yaml] of [
    ['an alias inside its own anchor', 'stationId: &a [*a]\n'],
    ['a billion-laughs alias flood', `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`],
  ] as const) {
    it(`YAML with ${name}: E_CONFIG, exit 2, no stack trace`, async () => {
      const file = join(dirs.make(), 'hostile.yaml');
      writeFileSync(file, yaml);
      let code = '';
      try {
        await loadConfig(file);
      } catch (err) {
        code = isHarnessError(err) ? `${err.code}/${err.exitCode}` : String(err);
      }
      expect(code).to.equal('E_CONFIG/2');
      const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--config', file, '--report-dir', dirs.make()]);
      expect(await cli.exit).to.equal(2);
      expect(cli.err()).to.match(/hostile\.yaml/).and.not.match(/\n\s+at /);
    });
  }

  it('list | head: the closed pipe ends the command quietly with exit 0', async () => {
    const cli = startCli(['list', '--ocpp', '2.0.1']);
    await cli.waitFor(/TC_/);
    cli.child.stdout.destroy();
    expect(await cli.exit).to.equal(0);
    expect(cli.err()).not.to.match(/EPIPE|Error/);
  });

  it('report on a JSON array names the file, not an empty field', async () => {
    const file = join(dirs.make(), 'arr.json');
    writeFileSync(file, '[]');
    const cli = startCli(['report', file]);
    expect(await cli.exit).to.equal(2);
    expect(cli.err()).to.match(/arr\.json: the file must hold a map of fields/).and.not.match(/field ""|set {2}to/);
  });

  it('a station that vanishes mid-case is named in the verdict reason', async () => {
    const dir = dirs.make();
    const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', compiledFixtureCases, '--case-timeout', '30', '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--report-dir', dir, '--reporter', 'json']);
    const url = (await cli.waitFor(/connect station CP001 to (ws:\/\/\S+)/))[1]!;
    const ep = openEndpoint(await dial(url, { subprotocols: ['ocpp2.0.1'] }), { role: 'cs' });
    await ep.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } });
    ep.close(1001, 'going away');
    expect(await cli.exit).to.equal(1);
    const t = readReport(dir).tests[0]!;
    expect(t.verdict).to.equal('fail');
    expect(t.message).to.match(/connection was lost at \+\d+\.\d{3} s into the case \(WebSocket close code 1001, going away\)/);
  });

  describe('control API', () => {
    let server: ControlServer;
    let sim: RecordingSim;
    let url = '';
    beforeEach(async () => {
      sim = new RecordingSim();
      server = new ControlServer(sim, { port: 0 });
      ({ url } = await server.start());
    });
    afterEach(() => server.close());

    it('refuses a cross-origin text/plain POST, a foreign Host and a non-JSON body; accepts a local JSON POST', async () => {
      const port = new URL(url).port;
      expect(await httpPost(url, { 'Content-Type': 'text/plain', Origin: 'https://evil.example' }, '{"evseId":1}')).to.equal(403);
      expect(await httpPost(url, { 'Content-Type': 'application/json', Host: `rebind.evil.example:${port}` }, '{"evseId":1}')).to.equal(403);
      expect(await httpPost(url, { 'Content-Type': 'text/plain' }, '{"evseId":1}')).to.equal(415);
      expect(sim.performed).to.deep.equal([]);
      expect(await httpPost(url, { 'Content-Type': 'application/json', Origin: `http://localhost:${port}` }, '{"evseId":1}')).to.equal(200);
      expect(await httpPost(url, { 'Content-Type': 'application/json; charset=utf-8' }, '{"evseId":1}')).to.equal(200);
      expect(sim.performed).to.deep.equal(['plugIn', 'plugIn']);
    });

    it('an explicitly configured host is allowed as Host', async () => {
      await server.close();
      server = new ControlServer(sim, { port: 0, host: '127.0.0.1', allowedHosts: ['lab-box.local'] });
      ({ url } = await server.start());
      expect(await httpPost(url, { 'Content-Type': 'application/json', Host: `lab-box.local:${new URL(url).port}` }, '{}')).to.equal(200);
    });
  });
});
