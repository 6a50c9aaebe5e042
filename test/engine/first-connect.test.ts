/**
 * A CSMS that cannot be reached for a reason waiting will not fix ends the run at once with the
 * cause (exit 3), instead of every case waiting out the connect timeout; a CSMS still starting up
 * gets a short grace for a refused port.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { firstConnectGraceMs, isConfigurationFailure } from '../../src/engine/station-link.js';
import { HarnessError } from '../../src/errors.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';

const failure = (message: string) => new HarnessError('E_TRANSPORT', `cannot connect to ws://h/ocpp/CP001: ${message}`);

describe('engine: a first connection that cannot succeed', function () {
  this.timeout(40_000);

  it('classifies dial failures: refused after the grace, 4xx and certificates at once, 5xx and timeouts never', () => {
    expect(isConfigurationFailure(failure('connect ECONNREFUSED 127.0.0.1:1'), 0)).to.equal(false);
    expect(isConfigurationFailure(failure('connect ECONNREFUSED 127.0.0.1:1'), firstConnectGraceMs)).to.equal(true);
    expect(isConfigurationFailure(failure('getaddrinfo ENOTFOUND csms.invalid'), firstConnectGraceMs)).to.equal(true);
    expect(isConfigurationFailure(failure('handshake refused with HTTP 404 Not Found (unknown path or identity)'), 0)).to.equal(true);
    expect(isConfigurationFailure(failure('handshake refused with HTTP 401 Unauthorized (Basic auth missing or refused)'), 0)).to.equal(true);
    expect(isConfigurationFailure(failure('handshake refused with HTTP 429 Too Many Requests'), 0)).to.equal(false);
    expect(isConfigurationFailure(failure('handshake refused with HTTP 503 Service Unavailable'), 0)).to.equal(false);
    expect(isConfigurationFailure(failure('self-signed certificate'), 0)).to.equal(true);
    expect(isConfigurationFailure(failure('the server agreed on none of the offered subprotocols (OCPP-J Part 4 §3.2)'), 0)).to.equal(true);
    expect(isConfigurationFailure(failure('no handshake within 10000 ms'), 60_000)).to.equal(false);
  });

  it('a CSMS that refuses the identity (HTTP 404) ends the run at once: exit 3 naming the status, the rest notRun, the report written', async () => {
    const csms = createCsmsSimulator({ version: '1.6', port: 0, stationIds: ['SOMEONE-ELSE'], acceptAnyStation: false });
    const { url } = await csms.start();
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-firstconn-'));
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (t) => void err.push(t), isTty: false, env: {}, cwd: dir };
    try {
      const started = Date.now();
      const code = await main(['node', 'ocpp-conform', 'run', '--ocpp', '1.6', '--sut', 'csms', '--csms-url', url, '--only', 'TC_001_CSMS', 'TC_023_1_CSMS', '--reporter', 'json', '--report-dir', 'r'], io);
      expect(code, err.join('\n')).to.equal(3);
      expect(Date.now() - started, 'well before the 60 s connect timeout').to.be.below(15_000);
      expect(err.join('\n')).to.match(/cannot run against the DUT: .*HTTP 404/);
      const report = JSON.parse(readFileSync(join(dir, 'r', 'report.json'), 'utf8')) as { tests: Array<{ verdict: string; message?: string }> };
      expect(report.tests.map((t) => t.verdict)).to.deep.equal(['inconclusive', 'notRun']);
      expect(report.tests[0]!.message).to.match(/HTTP 404/);
    } finally {
      await csms.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
