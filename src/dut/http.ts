/**
 * The http adapter: each DUT action becomes one POST to the user's hook, which makes the
 * station or CSMS act (plug in, present a card, send RequestStartTransaction …).
 *
 * Two routes: `plain` posts `{ action, params, instruction, testCaseId, stationId, version }` to
 * the URL as given; `octt` follows the convention other CSMS test suites use,
 * `POST {base}/api/octt/{version}/{stationId}/{action}` with the params as the body.
 *
 * Whatever happens, `perform` answers: a non-2xx status, a refused connection, a timeout or an
 * abort is `{ done: false, reason }` in words, which the engine turns into `inconclusive`.
 * Credentials in the URL become a Basic Authorization header and never appear in a reason;
 * redirects are followed only within the hook's origin.
 */
import { Buffer } from 'node:buffer';
import { dutActionTimeoutMs } from '../constants.js';
import { fmtMs } from '../engine/context.js';
import type { DutActionRequest, DutActionResult, DutAdapter } from '../engine/dut-adapter.js';
import { HarnessError } from '../errors.js';

export type HttpRoute = 'plain' | 'octt';

export interface HttpAdapterOptions {
  /** The hook (plain) or the base URL (octt); `user:password@` becomes Basic auth. */
  url: string | URL;
  route?: HttpRoute;
  /** Per-request deadline, covering the response body too. */
  timeoutMs?: number;
  /** Extra request headers (e.g. an API key); their values never appear in reasons. */
  headers?: Record<string, string>;
  /** A request already built (a `--dut map:` template): this method and body to the URL as given. */
  request?: { method: string; body?: string };
}

/** Same-origin redirects followed before giving up (a loop is not done, never a hang). */
const maxRedirects = 5;
/** We read at most this much of a hook's answer: it is a verdict, not a download. */
const maxResponseBytes = 64 * 1024;
/** How much of an error body goes into a reason. */
const reasonSnippetChars = 200;

/** Header names whose values are treated as secrets and redacted from any reason. */
const secretHeaderName = /auth|token|key|secret|cookie|password|session/i;

export class HttpAdapter implements DutAdapter {
  readonly kind: string;
  readonly route: HttpRoute;
  /** The hook URL without credentials. */
  private readonly base: URL;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly secrets: string[] = [];
  private readonly fixed: HttpAdapterOptions['request'];

  constructor(options: HttpAdapterOptions) {
    this.fixed = options.request;
    this.route = options.route ?? 'plain';
    this.kind = this.route === 'octt' ? 'http-octt' : 'http';
    this.timeoutMs = options.timeoutMs ?? dutActionTimeoutMs;
    const url = parseHookUrl(options.url, this.route === 'octt' ? 'http-octt base URL' : 'http hook URL');
    this.headers = { 'content-type': 'application/json', accept: 'application/json', 'user-agent': 'ocpp-conform', ...options.headers };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (secretHeaderName.test(name) && value) this.secrets.push(value);
    }
    if (url.username || url.password) {
      // fetch refuses URLs with credentials (WHATWG Fetch §5.4 "new Request" step 5.3): send them
      // as RFC 7617 Basic auth, which is what the user meant by user:password@host.
      const user = decodeURIComponent(url.username);
      const password = decodeURIComponent(url.password);
      const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
      this.headers['authorization'] = `Basic ${token}`;
      this.secrets.push(token, url.password, password);
      url.username = '';
      url.password = '';
    }
    this.base = url;
  }

  /** The URL one request goes to (without credentials). */
  urlFor(request: DutActionRequest): URL {
    if (this.route === 'plain') return new URL(this.base);
    const url = new URL(this.base);
    const prefix = url.pathname.replace(/\/+$/, '');
    const segments = [request.version, request.stationId, request.action].map(encodeURIComponent);
    url.pathname = `${prefix}/api/octt/${segments.join('/')}`;
    return url;
  }

  /** The JSON body one request carries. */
  bodyFor(request: DutActionRequest): string | undefined {
    if (this.fixed) return this.fixed.body;
    if (this.route === 'octt') return JSON.stringify(request.params);
    const { action, params, instruction, testCaseId, stationId, version } = request;
    return JSON.stringify({ action, params, instruction, testCaseId, stationId, version });
  }

  async perform(request: DutActionRequest, signal: AbortSignal): Promise<DutActionResult> {
    const first = this.urlFor(request);
    const body = this.bodyFor(request);
    if (signal.aborted) return notDone(`aborted before calling the hook at ${displayUrl(first)}`);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    signal.addEventListener('abort', onAbort, { once: true });

    let current = first;
    try {
      for (let hop = 0; ; hop += 1) {
        const method = this.fixed?.method ?? 'POST';
        const response = await fetch(current, { method, headers: this.headers, ...(body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body }), redirect: 'manual', signal: controller.signal });
        if (response.status >= 300 && response.status < 400) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location) return notDone(`the hook at ${displayUrl(current)} answered HTTP ${response.status} without a Location header`);
          const next = new URL(location, current);
          if (next.origin !== current.origin) {
            return notDone(
              `the hook at ${displayUrl(current)} redirected to another origin (${next.origin}); not followed — configure the final URL`,
            );
          }
          if (hop >= maxRedirects) return notDone(`the hook at ${displayUrl(first)} redirected more than ${maxRedirects} times`);
          current = next;
          continue;
        }
        const text = await readCapped(response);
        return this.redacted(interpretResponse(response, text, current));
      }
    } catch (err) {
      if (timedOut) return notDone(`the hook at ${displayUrl(current)} did not answer within ${fmtMs(this.timeoutMs)}`);
      if (signal.aborted) return notDone(`aborted before the hook at ${displayUrl(current)} answered`);
      return this.redacted(notDone(`could not reach the hook at ${displayUrl(current)}: ${describeNetworkError(err)}`));
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }

  private redacted(result: DutActionResult): DutActionResult {
    const scrub = (text: string): string => this.secrets.reduce((acc, secret) => (secret ? acc.split(secret).join('[redacted]') : acc), text);
    if (result.done) return result.detail === undefined ? result : { ...result, detail: scrub(result.detail) };
    return { done: false, reason: scrub(result.reason) };
  }
}

/** Validate a hook URL: http or https, with a host. Throws E_DUT_ADAPTER. */
export function parseHookUrl(value: string | URL, what = 'http hook URL'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new HarnessError('E_DUT_ADAPTER', `the ${what} "${redactUserinfo(String(value))}" is not a valid URL`, {
      hint: 'write an absolute URL, e.g. http://127.0.0.1:8080/dut-action',
      cause: err,
    });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new HarnessError('E_DUT_ADAPTER', `the ${what} "${displayUrl(url)}" is not an http or https URL with a host`, {
      hint: 'write an absolute URL, e.g. http://127.0.0.1:8080/dut-action',
    });
  }
  return url;
}

/** A URL as it may appear in a reason or a report: origin and path, no credentials, no query. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Hide `user:password@` in text that may not parse as a URL. */
export function redactUserinfo(text: string): string {
  return text.replace(/\/\/[^/@\s]*@/g, '//[redacted]@');
}

function interpretResponse(response: Response, text: string, url: URL): DutActionResult {
  const json = parseJsonObject(text);
  if (response.status < 200 || response.status > 299) {
    const said = typeof json?.['reason'] === 'string' ? json['reason'] : firstLine(text);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return notDone(`the hook at ${displayUrl(url)} answered ${status}${said ? `: ${said}` : ''}`);
  }
  // 2xx is done unless the hook says otherwise in `{ done: false, reason }`.
  if (json && typeof json['done'] === 'boolean') {
    if (!json['done']) {
      const reason = typeof json['reason'] === 'string' && json['reason'] ? json['reason'] : 'the hook answered done: false';
      return notDone(reason);
    }
    return {
      done: true,
      ...(typeof json['detail'] === 'string' ? { detail: json['detail'] } : {}),
      ...(typeof json['by'] === 'string' ? { by: json['by'] } : {}),
      ...(typeof json['atWall'] === 'string' ? { atWall: json['atWall'] } : {}),
    };
  }
  return { done: true };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!text.trim()) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const trimmed = line.trim();
  return trimmed.length > reasonSnippetChars ? `${trimmed.slice(0, reasonSnippetChars)}…` : trimmed;
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxResponseBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (size >= maxResponseBytes) await reader.cancel();
    reader.releaseLock();
  }
  return Buffer.concat(chunks).subarray(0, maxResponseBytes).toString('utf8');
}

const networkErrorWords: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate could not be verified',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not match the host name',
};

/** fetch throws `TypeError: fetch failed` and hides the socket error in `cause`. */
function describeNetworkError(err: unknown): string {
  const cause = errorCause(err);
  const code = errorCode(cause) ?? errorCode(err);
  if (code) return `${networkErrorWords[code] ?? messageOf(cause ?? err)} (${code})`;
  return messageOf(cause ?? err);
}

function errorCause(err: unknown): unknown {
  const cause = err instanceof Error ? err.cause : undefined;
  // Node's happy-eyeballs connect reports an AggregateError of one error per address.
  if (cause instanceof AggregateError && cause.errors.length > 0 && errorCode(cause) === undefined) return cause.errors[0];
  return cause;
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  const code = err.code;
  return typeof code === 'string' ? code : undefined;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function notDone(reason: string): DutActionResult {
  return { done: false, reason };
}
