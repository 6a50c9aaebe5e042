/**
 * The live hub and its HTTP server: bounded history, prompts answered once, withdrawn on abort;
 * the server refuses requests without the token, from a foreign origin or not as JSON.
 */
import { expect } from 'chai';
import { request } from 'node:http';
import { frameLabel, LiveHub, type LiveEvent } from '../../src/ui/live-hub.js';
import { startLiveServer, type LiveServerHandle } from '../../src/ui/live-server.js';

const prompt = { action: 'plugIn', params: { evseId: 1 }, instruction: 'Plug in the EV cable (evseId=1)', testCaseId: 'TC_X', stationId: 'CP001' };

describe('ui: live hub', () => {
  it('labels frames by action or reply kind, and says when a text is no OCPP-J frame', () => {
    expect(frameLabel('[2,"1","BootNotification",{}]')).to.equal('BootNotification');
    expect(frameLabel('[3,"1",{}]')).to.equal('CALLRESULT');
    expect(frameLabel('[4,"1","NotImplemented","",{}]')).to.equal('CALLERROR NotImplemented');
    expect(frameLabel('{"hello":1}')).to.equal('not an OCPP-J frame');
  });

  it('keeps every run event but only the latest frames in its history', () => {
    const hub = new LiveHub(3);
    hub.publish({ type: 'caseBegin', id: 'A', title: 'a', index: 1, total: 1 });
    for (let seq = 1; seq <= 5; seq++) hub.frame({ seq, connectionId: 'c1', direction: 'in', wallTime: 'w', text: '[2,"x","Heartbeat",{}]' });
    const history = hub.history();
    expect(history.map((e) => e.type)).to.deep.equal(['caseBegin', 'frame', 'frame', 'frame']);
    expect(history.filter((e): e is Extract<LiveEvent, { type: 'frame' }> => e.type === 'frame').map((e) => e.seq)).to.deep.equal([3, 4, 5]);
    expect(hub.history(5).map((e) => e.n)).to.deep.equal([6]);
  });

  it('cuts long frames for display and says so', () => {
    const hub = new LiveHub();
    hub.frame({ seq: 1, connectionId: 'c1', direction: 'in', wallTime: 'w', text: `[2,"x","DataTransfer",{"data":"${'a'.repeat(10_000)}"}]` });
    const e = hub.history()[0] as Extract<LiveEvent, { type: 'frame' }>;
    expect([e.text.length, e.truncated, e.label]).to.deep.equal([4096, true, 'DataTransfer']);
  });

  it('answers a prompt once, and withdraws it as "cannot" when the step is aborted', async () => {
    const hub = new LiveHub();
    const first = hub.ask(prompt, new AbortController().signal);
    const id = (hub.history().find((e) => e.type === 'prompt') as { id: string }).id;
    expect(hub.answer(id, { answer: 'done', by: 'ana', atWall: 't' })).to.equal(true);
    expect(hub.answer(id, { answer: 'cannot', by: 'bob', atWall: 't' })).to.equal(false);
    expect(await first).to.deep.equal({ answer: 'done', by: 'ana', atWall: 't' });

    const abort = new AbortController();
    const second = hub.ask(prompt, abort.signal);
    expect(hub.openPrompts).to.equal(1);
    abort.abort();
    const withdrawn = await second;
    expect([withdrawn.answer, withdrawn.by]).to.deep.equal(['cannot', 'harness']);
    expect(hub.openPrompts).to.equal(0);
    expect(hub.history().filter((e) => e.type === 'promptAnswered')).to.have.length(2);
  });
});

interface Reply {
  status: number;
  body: string;
}

function call(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
        // An event stream never ends: stop once the replayed history is in.
        if (res.headers['content-type'] === 'text/event-stream' && text.includes('"type":"prompt"')) {
          resolve({ status: res.statusCode ?? 0, body: text });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('ui: live server', () => {
  let hub: LiveHub;
  let server: LiveServerHandle;
  const token = 'test-token-0123456789';
  beforeEach(async () => {
    hub = new LiveHub();
    server = await startLiveServer(hub, { host: '127.0.0.1', port: 0, token });
  });
  afterEach(() => server.close());

  it('serves the page only with the token, under a CSP that allows only its own script', async () => {
    expect((await call(server.port, 'GET', '/')).status).to.equal(403);
    expect((await call(server.port, 'GET', '/?token=wrong')).status).to.equal(403);
    const ok = await call(server.port, 'GET', `/?token=${token}`);
    expect(ok.status).to.equal(200);
    expect(ok.body).to.include('<h2>Operator prompts</h2>');
    expect(server.url).to.equal(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('refuses a Host that is not its own (DNS rebinding)', async () => {
    expect((await call(server.port, 'GET', `/?token=${token}`, { host: 'evil.example:80' })).status).to.equal(421);
  });

  it('replays the history on the event stream', async () => {
    void hub.ask(prompt, new AbortController().signal);
    const r = await call(server.port, 'GET', `/events?token=${token}`);
    expect(r.status).to.equal(200);
    expect(r.body).to.match(/id: 1\ndata: \{"type":"prompt","id":"p1","action":"plugIn"/);
  });

  it('takes an answer only as JSON, with the token header, from its own origin; once', async () => {
    const answered = hub.ask(prompt, new AbortController().signal);
    const json = { 'content-type': 'application/json', 'x-ocpp-conform-token': token };
    const body = JSON.stringify({ answer: 'done', operator: 'Ana <script>' });
    expect((await call(server.port, 'POST', '/prompts/p1', { ...json, origin: 'http://evil.example' }, body)).status).to.equal(403);
    expect((await call(server.port, 'POST', '/prompts/p1', { 'content-type': 'text/plain', 'x-ocpp-conform-token': token }, body)).status).to.equal(415);
    expect((await call(server.port, 'POST', '/prompts/p1', { 'content-type': 'application/json' }, body)).status).to.equal(403);
    expect((await call(server.port, 'POST', '/prompts/p1', json, '{"answer":"maybe"}')).status).to.equal(400);
    expect(hub.openPrompts).to.equal(1);
    expect((await call(server.port, 'POST', '/prompts/p1', { ...json, origin: `http://localhost:${server.port}` }, body)).status).to.equal(204);
    expect((await answered).by).to.equal('Ana script (live UI)');
    expect((await call(server.port, 'POST', '/prompts/p1', json, body)).status).to.equal(409);
  });
});
