import { expect } from 'chai';
import { ScriptedAdapter } from '../../src/dut/scripted.js';
import { actionRequest, neverAborts } from './support.js';

describe('dut/scripted', () => {
  it('calls the function for every action and records the requests', async () => {
    const adapter = new ScriptedAdapter((request) => ({ done: true, detail: `did ${request.action}` }));
    expect(await adapter.perform(actionRequest('plugIn'), neverAborts())).to.deep.equal({ done: true, detail: 'did plugIn' });
    expect(await adapter.perform(actionRequest('unplug'), neverAborts())).to.deep.equal({ done: true, detail: 'did unplug' });
    expect(adapter.performed.map((r) => r.action)).to.deep.equal(['plugIn', 'unplug']);
    expect(adapter.kind).to.equal('scripted');
  });

  it('per-action handlers: an action without one is not done', async () => {
    const adapter = new ScriptedAdapter({ plugIn: async () => ({ done: true }) }, { kind: 'peer' });
    expect(await adapter.perform(actionRequest('plugIn'), neverAborts())).to.deep.equal({ done: true });
    expect(await adapter.perform(actionRequest('toString' as never), neverAborts())).to.deep.equal({ done: false, reason: 'the script has no step for toString' });
    expect(await adapter.perform(actionRequest('powerCycle'), neverAborts())).to.deep.equal({ done: false, reason: 'the script has no step for powerCycle' });
    expect(adapter.kind).to.equal('peer');
  });

  it('an aborted signal is not done without calling the script; a throwing script propagates', async () => {
    let calls = 0;
    const controller = new AbortController();
    controller.abort();
    const adapter = new ScriptedAdapter(() => {
      calls += 1;
      throw new Error('peer broke');
    });
    expect(await adapter.perform(actionRequest(), controller.signal)).to.deep.equal({ done: false, reason: 'aborted before the action started' });
    expect(calls).to.equal(0);
    let caught: unknown;
    await adapter.perform(actionRequest(), neverAborts()).catch((err: unknown) => (caught = err));
    expect(caught).to.be.instanceOf(Error).with.property('message', 'peer broke');
  });
});
