import { expect } from 'chai';
import { ControlServer } from '../../src/sim/control-server.js';
import type { ControlResult, SimControl } from '../../src/sim/types.js';

/** A SimControl that records what it was asked and answers from a script. */
class FakeSim implements SimControl {
  readonly side = 'csms' as const;
  readonly version = '2.0.1' as const;
  readonly actions = ['triggerReset', 'triggerClearCache'];
  readonly performed: Array<[string, Record<string, unknown>]> = [];
  async perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    this.performed.push([action, params]);
    return action === 'triggerReset' ? { done: true, detail: 'Reset sent' } : { done: false, reason: 'no station is connected' };
  }
  snapshot(): unknown {
    return { stations: [{ id: 'CP001' }] };
  }
}

describe('sim control server', () => {
  let sim: FakeSim;
  let server: ControlServer;
  let url: string;

  beforeEach(async () => {
    sim = new FakeSim();
    server = new ControlServer(sim, { port: 0 });
    ({ url } = await server.start());
  });
  afterEach(() => server.close());

  const post = (path: string, body: string): Promise<Response> => fetch(`${url}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

  it('listens on loopback', () => {
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('performs an action with its JSON params: 200 done, 409 not done', async () => {
    const ok = await post('/actions/triggerReset', '{"type":"Immediate"}');
    expect(ok.status).to.equal(200);
    expect(await ok.json()).to.deep.equal({ done: true, detail: 'Reset sent' });
    expect(sim.performed).to.deep.equal([['triggerReset', { type: 'Immediate' }]]);
    const refused = await post('/actions/triggerClearCache', '');
    expect(refused.status).to.equal(409);
    expect(await refused.json()).to.deep.equal({ done: false, reason: 'no station is connected' });
    expect(sim.performed[1]).to.deep.equal(['triggerClearCache', {}]);
  });

  it('404 for an unknown action, listing the known ones', async () => {
    const res = await post('/actions/launchRocket', '{}');
    expect(res.status).to.equal(404);
    expect(await res.json()).to.deep.equal({ error: 'unknown action "launchRocket"', actions: ['triggerReset', 'triggerClearCache'] });
    expect(sim.performed).to.deep.equal([]);
  });

  it('400 for a body that is not a JSON object', async () => {
    expect((await post('/actions/triggerReset', '{nope')).status).to.equal(400);
    expect((await post('/actions/triggerReset', '[1,2]')).status).to.equal(400);
    expect(sim.performed).to.deep.equal([]);
  });

  it('GET /state and GET /actions', async () => {
    const state = await fetch(`${url}/state`);
    expect(state.status).to.equal(200);
    expect(await state.json()).to.deep.equal({ stations: [{ id: 'CP001' }] });
    expect(await (await fetch(`${url}/actions`)).json()).to.deep.equal({ side: 'csms', version: '2.0.1', actions: ['triggerReset', 'triggerClearCache'] });
  });

  it('405 for the wrong method, 404 for an unknown route', async () => {
    expect((await fetch(`${url}/actions/triggerReset`)).status).to.equal(405);
    expect((await post('/state', '{}')).status).to.equal(405);
    expect((await fetch(`${url}/nothing`)).status).to.equal(404);
  });
});
