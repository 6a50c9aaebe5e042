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
import { dial, DialError, failureOf, type DialFailure } from '../../src/transport/client.js';
import { createCsmsSimulator } from '../../src/sim/csms/index.js';

const failure = (f: DialFailure): DialError => new DialError('cannot connect to ws://h/ocpp/CP001: …', f);
const sysError = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('engine: a first connection that cannot succeed', function () {
  this.timeout(40_000);

  it('classifies dial failures by their structured cause: refused after the grace, 4xx, TLS and subprotocol at once, 5xx and timeouts never', () => {
    expect(isConfigurationFailure(failure({ kind: 'unreachable', code: 'ECONNREFUSED' }), 0)).to.equal(false);
    expect(isConfigurationFailure(failure({ kind: 'unreachable', code: 'ECONNREFUSED' }), firstConnectGraceMs)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'unreachable', code: 'ENOTFOUND' }), firstConnectGraceMs)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'http', status: 404, path: '/ocpp/CP001' }), 0)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'http', status: 401 }), 0)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'http', status: 429 }), 0)).to.equal(false);
    expect(isConfigurationFailure(failure({ kind: 'http', status: 503 }), 0)).to.equal(false);
    expect(isConfigurationFailure(failure({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 0)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'subprotocol' }), 0)).to.equal(true);
    expect(isConfigurationFailure(failure({ kind: 'timeout' }), 60_000)).to.equal(false);
    // The text alone no longer decides: a message that reads like a 404 is not one.
    expect(isConfigurationFailure(new HarnessError('E_TRANSPORT', 'handshake refused with HTTP 404'), 0)).to.equal(false);
  });

  it('reads the cause from node / ws errors, not from their wording', () => {
    expect(failureOf(sysError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).to.deep.equal({ kind: 'unreachable', code: 'ECONNREFUSED' });
    expect(failureOf(sysError('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'))).to.deep.equal({ kind: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(failureOf(sysError('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')).kind).to.equal('tls');
    expect(failureOf(new Error('Server sent no subprotocol'))).to.deep.equal({ kind: 'subprotocol' });
  });

  it('a refused port is a DialError naming ECONNREFUSED', async () => {
    try {
      await dial('ws://127.0.0.1:1/ocpp', { identity: 'CP001', subprotocols: ['ocpp1.6'] });
      expect.fail('dial should fail');
    } catch (err) {
      expect(err).to.be.instanceOf(DialError);
      expect((err as DialError).failure).to.deep.equal({ kind: 'unreachable', code: 'ECONNREFUSED' });
      expect((err as DialError).message).to.include('ECONNREFUSED');
    }
  });

  it('run --sut csms --csms-url ws://127.0.0.1:1/ocpp exits 3 within 10 s naming ECONNREFUSED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpp-firstconn-'));
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (t) => void err.push(t), isTty: false, env: {}, cwd: dir };
    try {
      const started = Date.now();
      const code = await main(['node', 'ocpp-conform', 'run', '--ocpp', '1.6', '--sut', 'csms', '--csms-url', 'ws://127.0.0.1:1/ocpp', '--only', 'TC_001_CSMS', '--reporter', 'json', '--report-dir', 'r'], io);
      expect(code, err.join('\n')).to.equal(3);
      expect(Date.now() - started).to.be.below(10_000);
      expect(err.join('\n')).to.include('ECONNREFUSED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
      expect(err.join('\n')).to.match(/cannot run against the DUT: .*HTTP 404.* on path \/ocpp\/CP001/);
      const report = JSON.parse(readFileSync(join(dir, 'r', 'report.json'), 'utf8')) as { tests: Array<{ verdict: string; message?: string }> };
      expect(report.tests.map((t) => t.verdict)).to.deep.equal(['inconclusive', 'notRun']);
      expect(report.tests[0]!.message).to.match(/HTTP 404/);
    } finally {
      await csms.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
