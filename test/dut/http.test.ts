import { expect } from 'chai';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpAdapter } from '../../src/dut/http.js';
import { actionRequest, neverAborts } from './support.js';

interface Recorded {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

type Responder = (req: IncomingMessage, res: ServerResponse) => void;

describe('dut/http', () => {
  let server: Server;
  let base: string;
  let recorded: Recorded[];
  let respond: Responder;

  beforeEach(async () => {
    recorded = [];
    respond = (_req, res) => res.writeHead(204).end();
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        recorded.push({ method: req.method, url: req.url, headers: req.headers, body: text ? JSON.parse(text) : undefined });
        respond(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('POSTs the whole request as JSON to the hook; 2xx is done', async () => {
    const adapter = new HttpAdapter({ url: `${base}/dut/hook?x=1` });
    const result = await adapter.perform(actionRequest('presentIdToken', { idToken: 'ABC', evseId: 1 }), neverAborts());
    expect(result).to.deep.equal({ done: true });
    expect(adapter.kind).to.equal('http');
    expect(recorded).to.have.length(1);
    const [req] = recorded;
    expect(req!.method).to.equal('POST');
    expect(req!.url).to.equal('/dut/hook?x=1');
    expect(req!.headers['content-type']).to.equal('application/json');
    expect(req!.body).to.deep.equal({
      action: 'presentIdToken',
      params: { idToken: 'ABC', evseId: 1 },
      instruction: 'Present an idToken (card) at the station (idToken=ABC, evseId=1)',
      testCaseId: 'TC_B_01_CS',
      stationId: 'CP001',
      version: '2.0.1',
    });
  });

  it('octt route: POST {base}/api/octt/{version}/{stationId}/{action} with the params as body', async () => {
    const adapter = new HttpAdapter({ url: `${base}/prefix/`, route: 'octt' });
    const result = await adapter.perform(
      { ...actionRequest('triggerReset', { type: 'Immediate' }), stationId: 'CP 01/x' },
      neverAborts(),
    );
    expect(result.done).to.be.true;
    expect(adapter.kind).to.equal('http-octt');
    expect(recorded[0]!.url).to.equal('/prefix/api/octt/2.0.1/CP%2001%2Fx/triggerReset');
    expect(recorded[0]!.body).to.deep.equal({ type: 'Immediate' });
  });

  it('honours a JSON answer { done, detail, reason }', async () => {
    const adapter = new HttpAdapter({ url: `${base}/hook` });
    respond = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ done: true, detail: 'cable in', by: 'robot-arm' }));
    expect(await adapter.perform(actionRequest(), neverAborts())).to.deep.equal({ done: true, detail: 'cable in', by: 'robot-arm' });
    respond = (_req, res) => res.writeHead(200).end(JSON.stringify({ done: false, reason: 'EVSE 1 is out of order' }));
    expect(await adapter.perform(actionRequest(), neverAborts())).to.deep.equal({ done: false, reason: 'EVSE 1 is out of order' });
    respond = (_req, res) => res.writeHead(200).end(JSON.stringify({ done: false }));
    expect(await adapter.perform(actionRequest(), neverAborts())).to.deep.equal({ done: false, reason: 'the hook answered done: false' });
  });

  it('a 500 is not done, with the status and the body in words', async () => {
    respond = (_req, res) => res.writeHead(500).end('boom: relay stuck\nstack…');
    const result = await new HttpAdapter({ url: `${base}/hook` }).perform(actionRequest(), neverAborts());
    expect(result).to.deep.equal({ done: false, reason: `the hook at ${base}/hook answered HTTP 500 Internal Server Error: boom: relay stuck` });
  });

  it('a refused connection is not done, saying so', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await new HttpAdapter({ url: `http://127.0.0.1:${port}/hook` }).perform(actionRequest(), neverAborts());
    expect(result.done).to.be.false;
    if (result.done) return;
    expect(result.reason).to.equal(`could not reach the hook at http://127.0.0.1:${port}/hook: connection refused (ECONNREFUSED)`);
  });

  it('a hook that does not answer in time is not done, with the deadline', async () => {
    respond = () => undefined; // never answers
    const started = Date.now();
    const result = await new HttpAdapter({ url: `${base}/slow`, timeoutMs: 150 }).perform(actionRequest(), neverAborts());
    expect(result).to.deep.equal({ done: false, reason: `the hook at ${base}/slow did not answer within 150 ms` });
    expect(Date.now() - started).to.be.below(2_000);
  });

  it('the abort signal ends the request: not done', async () => {
    respond = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await new HttpAdapter({ url: `${base}/slow`, timeoutMs: 10_000 }).perform(actionRequest(), controller.signal);
    expect(result).to.deep.equal({ done: false, reason: `aborted before the hook at ${base}/slow answered` });
  });

  it('follows a redirect within the origin, never to another host', async () => {
    respond = (req, res) => {
      if (req.url === '/old') res.writeHead(307, { location: '/new' }).end();
      else if (req.url === '/away') res.writeHead(307, { location: 'http://example.invalid/steal' }).end();
      else res.writeHead(200).end();
    };
    const adapter = new HttpAdapter({ url: `${base}/old` });
    expect(await adapter.perform(actionRequest(), neverAborts())).to.deep.equal({ done: true });
    expect(recorded.map((r) => [r.method, r.url])).to.deep.equal([['POST', '/old'], ['POST', '/new']]);
    const away = await new HttpAdapter({ url: `${base}/away` }).perform(actionRequest(), neverAborts());
    expect(away.done).to.be.false;
    if (away.done) return;
    expect(away.reason).to.contain('redirected to another origin (http://example.invalid); not followed');
    expect(recorded).to.have.length(3);
  });

  it('sends URL credentials as Basic auth and never puts them in a reason', async () => {
    respond = (_req, res) => res.writeHead(401).end('bad credentials s3cr3t-pw');
    const result = await new HttpAdapter({ url: `http://hook-user:s3cr3t-pw@127.0.0.1:${new URL(base).port}/hook` }).perform(actionRequest(), neverAborts());
    expect(recorded[0]!.headers.authorization).to.equal(`Basic ${Buffer.from('hook-user:s3cr3t-pw').toString('base64')}`);
    expect(result.done).to.be.false;
    if (result.done) return;
    expect(result.reason).to.equal(`the hook at ${base}/hook answered HTTP 401 Unauthorized: bad credentials [redacted]`);
    expect(result.reason).not.to.contain('s3cr3t');
  });
});
