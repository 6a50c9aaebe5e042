/**
 * A small local HTTP control API for any simulator (`SimControl`), so a person, a script or
 * another harness can drive a running `ocpp-conform sim …`:
 *
 *   POST /actions/<name>  JSON params  → 200 {done:true, detail} | 409 {done:false, reason}
 *                                        404 unknown action (lists the known ones) | 400 bad JSON
 *   GET  /actions                      → the action names
 *   GET  /state                        → the simulator's snapshot
 *
 * Loopback only unless a host is given explicitly; no authentication, so it never exposes
 * secrets (snapshots hold none). Because any web page the user opens can send requests to
 * loopback, every request is checked (issue #12: a cross-origin `text/plain` POST ran `plugIn`):
 * - Host must be a loopback name (or the explicitly configured host): defeats DNS rebinding;
 * - an Origin header, when a browser sends one, must name an allowed host too;
 * - POST bodies must be `application/json`, which a page cannot send cross-origin without a
 *   CORS preflight this server never approves.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultListenHost } from '../constants.js';
import { HarnessError } from '../errors.js';
import type { SimControl } from './types.js';

export interface ControlServerOptions {
  /** Default 127.0.0.1; another address only when the user asks for it. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest accepted request body (bytes). */
  maxBodyBytes?: number;
  /** Host names accepted in Host / Origin besides the loopback names (the `--control-host` given). */
  allowedHosts?: readonly string[];
}

const loopbackNames = ['localhost', '127.0.0.1', '::1', '[::1]'];
const wildcardHosts = ['0.0.0.0', '::', '[::]'];

/** Largest accepted control request body. */
export const controlMaxBodyBytes = 1024 * 1024;

export class ControlServer {
  private readonly sim: SimControl;
  private readonly options: ControlServerOptions;
  private readonly server: Server;
  private address: { url: string } | undefined;

  constructor(sim: SimControl, options: ControlServerOptions = {}) {
    this.sim = sim;
    this.options = options;
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        send(res, 500, { error: `the simulator failed: ${err instanceof Error ? err.message : String(err)}` });
      });
    });
  }

  async start(): Promise<{ url: string }> {
    if (this.address !== undefined) return this.address;
    const host = this.options.host ?? defaultListenHost;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => {
        reject(new HarnessError('E_TRANSPORT', `control API cannot listen on ${host}:${this.options.port ?? 0}: ${err.message}`, { cause: err }));
      };
      this.server.once('error', onError);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    const bound = this.server.address() as AddressInfo;
    const urlHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    this.address = { url: `http://${urlHost}:${bound.port}` };
    return this.address;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.address = undefined;
  }

  private hostAllowed(host: string): boolean {
    const name = host.toLowerCase();
    if (loopbackNames.includes(name) || name.endsWith('.localhost')) return true;
    const configured = [...(this.options.allowedHosts ?? []), ...(this.options.host === undefined ? [] : [this.options.host])].map((h) => h.toLowerCase());
    // Bound to every interface on purpose: the user asked for remote control, any Host is theirs.
    if (configured.some((h) => wildcardHosts.includes(h))) return true;
    return configured.includes(name) || configured.includes(name.replace(/^\[|\]$/g, ''));
  }

  /** Why a request is refused before routing, or undefined. */
  private refusal(req: IncomingMessage): { status: number; error: string } | undefined {
    const host = hostNameOf(req.headers.host);
    if (host === undefined || !this.hostAllowed(host)) return { status: 403, error: `Host ${JSON.stringify(req.headers.host ?? '')} is not allowed: the control API answers loopback names only (start it with --control-host to allow another)` };
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).hostname;
      } catch {
        originHost = undefined;
      }
      if (originHost === undefined || !this.hostAllowed(originHost)) return { status: 403, error: `cross-origin request from ${JSON.stringify(origin)} refused` };
    }
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') return { status: 415, error: 'POST bodies must be sent with Content-Type: application/json' };
    }
    return undefined;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = this.refusal(req);
    if (refused) {
      req.resume();
      return send(res, refused.status, { error: refused.error });
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    if (path === '/state' || path === '/actions') {
      if (method !== 'GET') return send(res, 405, { error: `${path} answers GET only` }, { Allow: 'GET' });
      if (path === '/state') return send(res, 200, this.sim.snapshot());
      return send(res, 200, { side: this.sim.side, version: this.sim.version, actions: [...this.sim.actions] });
    }
    // POST / takes the http DUT adapter's body ({ action, params, … }): `--dut http://host:port/` works (issue #11).
    const hook = path === '/' && method === 'POST';
    const match = /^\/actions\/([^/]+)$/.exec(path);
    if (match === null && !hook) return send(res, 404, { error: `no route ${path}; use GET /state, GET /actions, POST /actions/<name>, or POST / with { action, params }` });
    if (method !== 'POST') return send(res, 405, { error: 'actions are performed with POST' }, { Allow: 'POST' });
    if (hook) return this.performHook(req, res);
    const name = decodeURIComponent(match?.[1] ?? '');
    if (!this.sim.actions.includes(name)) {
      return send(res, 404, { error: `unknown action "${name}"`, actions: [...this.sim.actions] });
    }
    const body = await readBody(req, this.options.maxBodyBytes ?? controlMaxBodyBytes);
    if (!body.ok) return send(res, body.status, { error: body.error });
    let params: unknown = {};
    if (body.text.trim() !== '') {
      try {
        params = JSON.parse(body.text);
      } catch (err) {
        return send(res, 400, { error: `the body is not JSON: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return send(res, 400, { error: 'the body must be a JSON object of action parameters' });
    }
    const result = await this.sim.perform(name, params as Record<string, unknown>);
    return send(res, result.done ? 200 : 409, result);
  }

  /** `POST /` with `{ action, params }`, as the http DUT adapter sends it. */
  private async performHook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, this.options.maxBodyBytes ?? controlMaxBodyBytes);
    if (!body.ok) return send(res, body.status, { error: body.error });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch (err) {
      return send(res, 400, { done: false, reason: `the body is not JSON: ${err instanceof Error ? err.message : String(err)}` });
    }
    const o = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    const name = typeof o['action'] === 'string' ? o['action'] : '';
    if (!this.sim.actions.includes(name)) return send(res, 404, { done: false, reason: `unknown action "${name}"; this simulator does: ${this.sim.actions.join(', ')}` });
    const params = typeof o['params'] === 'object' && o['params'] !== null && !Array.isArray(o['params']) ? (o['params'] as Record<string, unknown>) : {};
    const result = await this.sim.perform(name, params);
    return send(res, result.done ? 200 : 409, result);
  }
}

/** `127.0.0.1:9100` → `127.0.0.1`, `[::1]:9100` → `::1`. */
function hostNameOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; status: number; error: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) resolve({ ok: false, status: 413, error: `the body is larger than ${maxBytes} bytes` });
      else resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', (err) => resolve({ ok: false, status: 400, error: err.message }));
  });
}

export function startControlServer(sim: SimControl, options: ControlServerOptions = {}): Promise<{ url: string; server: ControlServer }> {
  const server = new ControlServer(sim, options);
  return server.start().then(({ url }) => ({ url, server }));
}
