/**
 * Issue #20 part 4 (DESIGN.md "Secrets never appear in reports or logs"): a security run (the demo
 * with the 1.6 Security Whitepaper cases, both sides, with the pki service making the CA key and
 * the charge point's CSR key) writes stdout, stderr, the JSON / JUnit / HTML reports, the JSONL
 * traces and the diagnostic log; none of them may carry a private key PEM (of any kind: PKCS#1,
 * PKCS#8, SEC1, encrypted) nor an HTTP Basic credential. The run's own material is there (the
 * CSR and certificates it exchanged), so the search did look at the security traffic.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runDemo } from '../../src/cli/commands/demo.js';
import type { CliIo } from '../../src/cli/io.js';
import { openLog } from '../../src/log.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

const privateKeyPem = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// An Authorization header value or a URL with user:password@ (RFC 7617, RFC 3986 userinfo).
const basicCredential = /Basic [A-Za-z0-9+/]{12,}={0,2}|\/\/[^/\s"':@]+:[^/\s"'@]+@/;

describe('security run: no private key or password in any output', function () {
  this.timeout(180_000);
  after(() => temp.removeAll());

  it('the 1.6 security cases (both sides) leave no private key PEM nor Basic credential in stdout, stderr, reports, traces or the log', async () => {
    const dir = temp.make('ocpp-secrets-');
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTty: false, env: {}, cwd: tmpdir() };
    const log = openLog({ level: 'trace', file: path.join(dir, 'run.log') });
    let runs;
    try {
      runs = await runDemo({ versions: ['1.6'], suts: ['cs', 'csms'], only: ['TC_07*'], defects: [], reportDir: path.join(dir, 'reports'), reporters: ['console', 'json', 'junit', 'html', 'traces'], logger: log.logger }, io);
    } finally {
      log.close();
    }
    const verdicts = runs.flatMap((r) => r.run?.tests.map((t) => `${t.id}:${t.verdict}`) ?? []);
    expect(verdicts).to.include('TC_077_CS:pass');
    const outputs: Array<[string, string]> = [['stdout', out.join('')], ['stderr', err.join('')], ...filesUnder(dir).map((f): [string, string] => [path.relative(dir, f), readFileSync(f, 'utf8')])];
    expect(outputs.map(([name]) => name).some((n) => n.endsWith('.jsonl'))).to.equal(true);
    expect(outputs.map(([name]) => name).some((n) => n.endsWith('report.html'))).to.equal(true);
    // The search saw the security traffic: the CSR and the certificates the cases exchanged are in the traces.
    const all = outputs.map(([, text]) => text).join('\n');
    expect(all).to.match(/CERTIFICATE REQUEST/);
    expect(all).to.match(/BEGIN CERTIFICATE/);
    const leaks = outputs.filter(([, text]) => privateKeyPem.test(text) || basicCredential.test(text)).map(([name, text]) => `${name}: ${(privateKeyPem.exec(text) ?? basicCredential.exec(text))?.[0] ?? ''}`);
    expect(leaks).to.deep.equal([]);
  });
});
