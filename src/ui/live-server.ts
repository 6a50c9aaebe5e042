/**
 * The live UI's HTTP server: the page, a Server-Sent Events stream of the hub, and the operator's
 * answers to prompts. It binds to loopback by default and every request must carry the random
 * token printed in the URL; answers must also come from the page's own origin as JSON (a web page
 * elsewhere cannot drive a run with a form post or a simple cross-origin request).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../errors.js';
import type { LiveEvent, LiveHub } from './live-hub.js';
import { livePage, liveScript, liveStyle } from './page.js';

export interface LiveServerOptions {
  host: string;
  port: number;
  /** Fixed token (tests); a random one otherwise. */
  token?: string;
  /** Most pages that may watch at once. */
  maxClients?: number;
}

export interface LiveServerHandle {
  /** The URL to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const maxBodyBytes = 4096;
const heartbeatMs = 15_000;
const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const page = livePage(liveStyle, liveScript);
const scriptHash = createHash('sha256').update(liveScript).digest('base64');
const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** The operator's name as given on the page, kept short and printable: it goes into the report. */
function operatorName(value: unknown): string {
  const text = typeof value === 'string' ? value.replace(/[^\p{L}\p{N} ._@-]/gu, '').trim().slice(0, 64) : '';
  return text === '' ? 'operator' : text;
}

export async function startLiveServer(hub: LiveHub, options: LiveServerOptions): Promise<LiveServerHandle> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const maxClients = options.maxClients ?? 20;
  const clients = new Set<ServerResponse>();
  let port = 0;

  const hostAllowed = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? '';
    const name = host.replace(/:\d+$/, '');
    return loopbackNames.has(name) || name === options.host;
  };

  // The page may have been opened as localhost or 127.0.0.1: any loopback origin on our port is ours.
  const originAllowed = (value: string): boolean => {
    try {
      const u = new URL(value);
      return u.protocol === 'http:' && Number(u.port) === port && (loopbackNames.has(u.hostname) || u.hostname === options.host);
    } catch {
      return false;
    }
  };

  const onEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (clients.size >= maxClients) return send(res, 503, 'too many pages are watching this run');
    const lastId = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? 0);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const write = (e: LiveEvent): void => void res.write(`id: ${e.n}\ndata: ${JSON.stringify(e)}\n\n`);
    res.write('retry: 2000\n\n');
    for (const e of hub.history(Number.isFinite(lastId) ? lastId : 0)) write(e);
    const unsubscribe = hub.subscribe(write);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    clients.add(res);
    const done = (): void => {
      clearInterval(beat);
      unsubscribe();
      clients.delete(res);
    };
    req.on('close', done);
    res.on('error', done);
  };

  const onAnswer = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    if (req.headers.origin !== undefined && !originAllowed(req.headers.origin)) return send(res, 403, 'answers come from the live page only');
    if (!sameToken(req.headers['x-ocpp-conform-token'] as string | undefined, token)) return send(res, 403, 'missing or wrong token header');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return send(res, 415, 'send application/json');
    const body = await readBody(req);
    let parsed: { answer?: unknown; operator?: unknown; note?: unknown };
    try {
      parsed = JSON.parse(body ?? '') as typeof parsed;
    } catch {
      return send(res, 400, 'the body is not JSON');
    }
    if (parsed.answer !== 'done' && parsed.answer !== 'cannot') return send(res, 400, 'answer must be "done" or "cannot"');
    const note = typeof parsed.note === 'string' && parsed.note !== '' ? { note: parsed.note.slice(0, 200) } : {};
    const ok = hub.answer(id, { answer: parsed.answer, by: `${operatorName(parsed.operator)} (live UI)`, atWall: new Date().toISOString(), ...note });
    return ok ? send(res, 204, '') : send(res, 409, 'this prompt is not waiting for an answer');
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://live.invalid');
    if (!hostAllowed(req)) return send(res, 421, 'unexpected Host header');
    if (req.method === 'GET' && url.pathname === '/') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'open the URL the harness printed (it carries the token)');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
      return void res.end(page);
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 403, 'missing or wrong token');
      return onEvents(req, res, url);
    }
    const prompt = /^\/prompts\/([A-Za-z0-9]{1,16})$/.exec(url.pathname);
    if (req.method === 'POST' && prompt?.[1]) return void onAnswer(req, res, prompt[1]);
    return send(res, 404, 'not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new HarnessError('E_USAGE', `--ui ${options.host}:${options.port}: cannot listen (${err.code ?? err.message})`, { hint: 'choose another port, or 127.0.0.1:0 for any free one' })),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
