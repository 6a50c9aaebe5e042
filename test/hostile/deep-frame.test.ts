/**
 * Issue #12 defect 1: a 10 KB frame nested 5,000 deep that mentions "key" overflowed the call
 * stack in the secret masking and killed the harness with no report. Now the walk is iterative
 * (protocol/walk.ts), the frame is judged, and the report is written.
 */
import { expect } from 'chai';
import { dial } from '../../src/transport/client.js';
import { openEndpoint } from '../../src/session/open.js';
import { createSecretRedactor, redactFrameText } from '../../src/protocol/redact.js';
import { textDepthExceeds, walkJson } from '../../src/protocol/walk.js';
import { compiledFixtureCases, readReport, startCli, tempDirs } from './cli-process.js';

const deep = (depth: number, inner: string): string => `[2,"x","DataTransfer",{"vendorId":"x","data":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}]`;

describe('hostile: deeply nested frames', function () {
  this.timeout(60_000);
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  it('the masking survives 5,000 and 100,000 levels and still masks what the text shows', () => {
    for (const depth of [5_000, 100_000]) {
      expect(() => redactFrameText(deep(depth, '{"key":1}'))).not.to.throw();
      const masked = redactFrameText(deep(depth, '{"password":"hunter22"}'));
      expect(masked.text).not.to.include('hunter22');
      expect(masked.secrets).to.deep.equal(['hunter22']);
      const auth = redactFrameText(deep(depth, '{"key":"AuthorizationKey","value":"0011223344"}'));
      expect(auth.text).not.to.include('0011223344');
    }
  });

  it('a configured secret is scrubbed from a deep frame without overflowing the stack', () => {
    const redactor = createSecretRedactor(['s3cretPW']);
    const out = redactor.frame(deep(5_000, '"s3cretPW"'));
    expect(out).not.to.include('s3cretPW');
    expect(out.length).to.be.greaterThan(10_000);
  });

  it('walkJson visits in order, stops at maxDepth and says it stopped', () => {
    const seen: unknown[] = [];
    expect(walkJson({ a: [1, { b: 2 }], c: 3 }, ({ value }) => void (typeof value === 'number' && seen.push(value)))).to.deep.equal({ complete: true });
    expect(seen).to.deep.equal([1, 2, 3]);
    const nested = JSON.parse(`${'['.repeat(10)}1${']'.repeat(10)}`) as unknown;
    expect(walkJson(nested, () => undefined, { maxDepth: 5 }).complete).to.equal(false);
    expect(walkJson(nested, () => undefined, { maxDepth: 10 }).complete).to.equal(true);
    expect(textDepthExceeds('[[["[[[[["]]]', 3)).to.equal(false);
    expect(textDepthExceeds('[[[[', 3)).to.equal(true);
  });

  it('SUT=cs: a station sending the 5,000-deep frame gets a finding and a report, not a dead harness', async () => {
    const dir = dirs.make();
    const cli = startCli(['run', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', compiledFixtureCases, '--case-timeout', '30', '--listen', '127.0.0.1:0', '--dut', 'exec:true', '--report-dir', dir, '--reporter', 'json']);
    const url = (await cli.waitFor(/connect station CP001 to (ws:\/\/\S+)/))[1]!;
    const conn = await dial(url, { subprotocols: ['ocpp2.0.1'] });
    const ep = openEndpoint(conn, { role: 'cs' });
    try {
      await ep.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'm', vendorName: 'v' } });
      ep.sendRaw(deep(5_000, '{"key":1}'));
      await ep.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
      const code = await cli.exit;
      expect(code, cli.err()).to.be.oneOf([0, 1]);
      expect(cli.err()).not.to.match(/call stack/);
      const t = readReport(dir).tests[0]!;
      expect(t.findings.map((f) => f.code)).to.include('framing.tooDeep');
      expect(t.trace.some((f) => f.text.startsWith('[2,"x","DataTransfer"'))).to.equal(true);
    } finally {
      ep.close();
    }
  });
});
