/**
 * engine/run-log.ts: every run event becomes one JSON line, and no secret reaches the log — a
 * password inside a step message or a finding is scrubbed, a URL loses its userinfo.
 */
import { expect } from 'chai';
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log.js';
import { createSecretRedactor } from '../../src/protocol/redact.js';
import { logRun } from '../../src/engine/run-log.js';
import type { RunHandle } from '../../src/engine/start-run.js';

const password = 'hunter2-very-secret';

function fakeHandle(): RunHandle & EventEmitter {
  const secrets = createSecretRedactor([password]);
  const emitter = new EventEmitter() as RunHandle & EventEmitter;
  Object.assign(emitter, { scrub: secrets.scrub, abort: () => undefined, reporterFailures: [] });
  return emitter;
}

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('engine/run-log', () => {
  it('logs ready, connections, case start/end, steps and findings as JSON lines without secrets', () => {
    const handle = fakeHandle();
    const out = capture();
    const stop = logRun(handle, createLogger({ level: 'debug', destination: out.stream }));
    handle.emit('ready', { sut: 'csms', url: `ws://CP001:${password}@csms.example/ocpp` });
    handle.emit('connection', { kind: 'open', seq: 1, connectionId: 'c1', monoMs: 0, wallTime: '', side: 'client', subprotocol: 'ocpp2.0.1', offeredSubprotocols: [], basicAuth: true, url: `ws://CP001:${password}@csms.example/ocpp/CP001` });
    handle.emit('caseStart', { id: 'TC_B_01_CSMS', title: 'Cold boot', index: 0, total: 1 });
    handle.emit('step', { caseId: 'TC_B_01_CSMS', step: { title: 'Step 1', verdict: 'fail', startedMonoMs: 0, durationMs: 12.4, checks: [], message: `expected ${password}` } });
    handle.emit('finding', { caseId: 'TC_B_01_CSMS', finding: { layer: 'schema', severity: 'error', code: 'schema.required', message: `field with ${password}` } });
    handle.emit('caseEnd', { id: 'TC_B_01_CSMS', verdict: 'fail', durationMs: 30, message: `because ${password}` });
    stop();
    handle.emit('caseStart', { id: 'TC_B_02_CSMS', title: 'after stop', index: 1, total: 1 });

    const lines = out.lines();
    expect(lines.map((l) => l['event'])).to.deep.equal(['ready', 'connection.open', 'caseStart', 'step', 'finding', 'caseEnd']);
    expect(lines[5]).to.include({ caseId: 'TC_B_01_CSMS', verdict: 'fail' });
    expect(String(lines[0]?.['url'])).to.equal('ws://csms.example/ocpp');
    const text = JSON.stringify(lines);
    expect(text).to.not.include(password);
    expect(text).to.include('[redacted]');
  });
});
