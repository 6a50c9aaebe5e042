/**
 * Secrets never reach a report: src/protocol/redact.ts on frames (as the wire log records them)
 * and the scrub of createReporters on everything else, end to end through every format.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createReporters } from '../../src/cli/reporters.js';
import { summarise, type CaseResult, type RunResult } from '../../src/engine/run-model.js';
import { createSecretRedactor, redactFrameText } from '../../src/protocol/redact.js';
import { WireLog } from '../../src/transport/wire-log.js';
import { fixtureRun } from './fixture.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

const password = 'Sup3r-Secret-Pa55word';
const setVariables = JSON.stringify([2, 'sv1', 'SetVariables', { setVariableData: [{ attributeValue: password, component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }, { attributeValue: '30', component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }] }]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('protocol/redact: secrets in frames', () => {
  after(() => temp.removeAll());
  it('masks the 2.0.1 BasicAuthPassword in SetVariables and GetVariables results, keeping valid JSON and the other values', () => {
    const out = redactFrameText(setVariables);
    expect(out.secrets).to.deep.equal([password]);
    const parsed = JSON.parse(out.text);
    expect(parsed[3].setVariableData.map((d: { attributeValue: string }) => d.attributeValue)).to.deep.equal(['[redacted]', '30']);
    const get = JSON.stringify([3, 'gv1', { getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: password, component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' } }] }]);
    expect(redactFrameText(get).text).to.equal('[3,"gv1",{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"[redacted]","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}]');
    const report = JSON.stringify([2, 'nr', 'NotifyReport', { reportData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'BasicAuthPassword' }, variableAttribute: [{ type: 'Actual', value: password }] }] }]);
    expect(redactFrameText(report).text).not.to.include(password);
  });

  it('masks the 1.6 AuthorizationKey, SetNetworkProfile secrets and PEM private keys', () => {
    const change = '[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"0123456789abcdef0123456789abcdef01234567"}]';
    expect(redactFrameText(change).text).to.equal('[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"[redacted]"}]');
    const getConf = '[3,"g1",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"AuthorizationKey","readonly":false,"value":"0123456789abcdef0123456789abcdef01234567"}]}]';
    expect(redactFrameText(getConf).text).to.include('"value":"300"').and.include('"value":"[redacted]"');
    const network = JSON.stringify([2, 'n1', 'SetNetworkProfile', { configurationSlot: 1, connectionData: { basicAuthPassword: 'netpass1', apn: { apn: 'x', apnPassword: 'apnpass1', apnAuthentication: 'AUTO' }, vpn: { server: 'vpn', user: 'u', password: 'vpnpass1', key: 'vpnkey11', type: 'IPSec' } } }]);
    const maskedNetwork = redactFrameText(network);
    expect(maskedNetwork.secrets.sort()).to.deep.equal(['apnpass1', 'netpass1', 'vpnkey11', 'vpnpass1']);
    const pem = JSON.stringify([2, 'p1', 'DataTransfer', { vendorId: 'x', data: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIAbc\n-----END EC PRIVATE KEY-----\n' }]);
    expect(JSON.parse(redactFrameText(pem).text)[3].data).to.equal('-----BEGIN EC PRIVATE KEY-----\n[redacted]\n-----END EC PRIVATE KEY-----\n');
    expect(redactFrameText('[2,"x","Foo",{"password":"abc\\"def"').text).to.equal('[2,"x","Foo",{"password":"[redacted]"');
  });

  it('returns frames without secrets byte for byte (spacing kept)', () => {
    const frame = '[2, "m1", "ChangeConfiguration", {"key": "HeartbeatInterval", "value": "30"}]';
    expect(redactFrameText(frame)).to.deep.equal({ text: frame, secrets: [] });
  });

  it('a redactor learns masked secrets and scrubs them from other frames and texts, inside JSON strings only', () => {
    const r = createSecretRedactor(['true']);
    r.frame(setVariables);
    expect(r.frame(`[4,"x","GenericError","bad value ${password}",{}]`)).to.equal('[4,"x","GenericError","bad value [redacted]",{}]');
    expect(r.frame('[3,"y",{"ok":true,"note":"true"}]')).to.equal('[3,"y",{"ok":true,"note":"[redacted]"}]');
    expect(r.scrub(`actual: ${password}`)).to.equal('actual: [redacted]');
  });
});

describe('reporters: a password sent in SetVariables reaches no report', () => {
  after(() => temp.removeAll());
  it('report.json, junit.xml, report.html and traces never contain it', async () => {
    const dir = temp.make('ocpp-secret-');
    const secrets = createSecretRedactor();
    const wireLog = new WireLog();
    wireLog.addRedactor(secrets.frame);
    wireLog.record({ kind: 'frame', connectionId: 'c1', direction: 'out', text: setVariables, encoding: 'utf8' });
    wireLog.record({ kind: 'frame', connectionId: 'c1', direction: 'in', text: '[3,"sv1",{"setVariableResult":[{"attributeStatus":"Accepted","component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}}]}]', encoding: 'utf8' });
    const trace = wireLog.entries().flatMap((e) => (e.kind === 'frame' ? [{ seq: e.seq, connectionId: e.connectionId, direction: e.direction, wallTime: e.wallTime, relMs: 1, text: e.text }] : []));
    const base = fixtureRun();
    const test: CaseResult = {
      ...base.tests[1]!,
      message: `station kept the old password, not ${password}`,
      trace,
      steps: [{ title: 'Set the password', verdict: 'fail', startedMonoMs: 0, durationMs: 5, checks: [{ description: 'new password in use', expected: password, actual: 'old one', ok: false, severity: 'error', frames: [1] }] }],
    };
    const run: RunResult = { ...base, tests: [test], summary: summarise([test]) };
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t), isTty: false, env: {}, cwd: dir };
    const output = createReporters([], { reportDir: dir, io, scrub: secrets.scrub });
    for (const r of output.reporters) await r.onCaseEnd?.(test, run);
    for (const r of output.reporters) await r.onRunEnd?.(run);
    const written = await output.finish(run);

    const files = filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).to.deep.equal(['junit.xml', 'report.html', 'report.json', 'traces/TC_B_02_CS.jsonl']);
    expect(written.length).to.equal(4);
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.to.include(password);
    expect(lines.join('\n')).not.to.include(password);
    // The frame is still there, masked, and still valid JSON.
    const traced = readFileSync(join(dir, 'traces', 'TC_B_02_CS.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string });
    expect(JSON.parse(traced[0]!.text)[3].setVariableData[0].attributeValue).to.equal('[redacted]');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).to.include('station kept the old password, not [redacted]');
  });
});
