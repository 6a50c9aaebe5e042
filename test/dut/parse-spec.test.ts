import { expect } from 'chai';
import { ExecAdapter } from '../../src/dut/exec.js';
import { HttpAdapter } from '../../src/dut/http.js';
import { createAdapter } from '../../src/dut/parse-spec.js';
import { PromptAdapter } from '../../src/dut/prompt.js';
import { ScriptedAdapter } from '../../src/dut/scripted.js';
import { HarnessError } from '../../src/errors.js';
import { actionRequest, neverAborts } from './support.js';

function specError(spec: string, deps = {}): HarnessError {
  try {
    createAdapter(spec, deps);
  } catch (err) {
    expect(err).to.be.instanceOf(HarnessError);
    return err as HarnessError;
  }
  throw new Error(`createAdapter(${JSON.stringify(spec)}) did not throw`);
}

describe('dut/parse-spec', () => {
  it('sim returns the simulator adapter passed in, and says so clearly when there is none', () => {
    const sim = new ScriptedAdapter(() => ({ done: true }), { kind: 'sim' });
    expect(createAdapter('sim', { sim })).to.equal(sim);
    const err = specError('sim');
    expect(err.code).to.equal('E_DUT_ADAPTER');
    expect(err.exitCode).to.equal(2);
    expect(err.message).to.contain('simulator');
  });

  it('http and https URLs, bare or after http:', () => {
    const plain = createAdapter('http://127.0.0.1:8080/hook');
    expect(plain).to.be.instanceOf(HttpAdapter);
    expect((plain as HttpAdapter).urlFor(actionRequest()).href).to.equal('http://127.0.0.1:8080/hook');
    expect((createAdapter(' https://dut.example/act ') as HttpAdapter).urlFor(actionRequest()).href).to.equal('https://dut.example/act');
    expect((createAdapter('http:https://dut.example/act') as HttpAdapter).urlFor(actionRequest()).href).to.equal('https://dut.example/act');
    expect(specError('http:ftp://dut.example/act').code).to.equal('E_DUT_ADAPTER');
    expect(specError('http:not a url').code).to.equal('E_DUT_ADAPTER');
    expect(specError('http:').message).to.contain('needs a URL');
  });

  it('http-octt:<base> builds the octt route', () => {
    const adapter = createAdapter('http-octt:http://csms.local:9000/base');
    expect(adapter.kind).to.equal('http-octt');
    expect((adapter as HttpAdapter).urlFor(actionRequest('triggerReset', {})).href).to.equal('http://csms.local:9000/base/api/octt/2.0.1/CP001/triggerReset');
  });

  it('exec:<command> runs the command, with the configured deadline', async () => {
    const adapter = createAdapter('exec:echo "$OCPP_CONFORM_ACTION done"', { actionTimeoutMs: 5_000 });
    expect(adapter).to.be.instanceOf(ExecAdapter);
    expect(await adapter.perform(actionRequest('unplug', {}), neverAborts())).to.deep.equal({ done: true, detail: 'unplug done' });
    expect(specError('exec:   ').message).to.contain('needs a command');
  });

  it('ui: only with the live page, whose prompt board it asks', async () => {
    const asked: string[] = [];
    const board = { ask: async (r: { instruction: string }) => (asked.push(r.instruction), { answer: 'done' as const, by: 'Ana (live UI)', atWall: 't' }) };
    const ui = createAdapter('ui', { ui: board });
    const request = { action: 'plugIn' as const, params: {}, instruction: 'Plug in', testCaseId: 'TC', stationId: 'CP001', version: '2.0.1' };
    expect(await ui.perform(request, new AbortController().signal)).to.deep.equal({ done: true, by: 'Ana (live UI)', atWall: 't' });
    expect(asked).to.deep.equal(['Plug in']);
    expect(() => createAdapter('ui')).to.throw(/live web page/);
  });

  it('prompt', () => {
    expect(createAdapter('prompt')).to.be.instanceOf(PromptAdapter);
  });

  it('anything else: E_DUT_ADAPTER with a hint listing the forms, and no secret echoed', () => {
    const err = specError('ftp://user:hunter2@host/x');
    expect(err.code).to.equal('E_DUT_ADAPTER');
    expect(err.message).to.equal('unknown DUT adapter "ftp"');
    expect(err.hint).to.equal('use one of: sim | http://host:port/path | https://host:port/path | http:<url> | http-octt:<base url> | exec:<command> | map:<file> | prompt | ui');
    expect(specError('').message).to.equal('no DUT adapter given');
    expect(specError('http://user:hunter2@').message).not.to.contain('hunter2');
  });
});
