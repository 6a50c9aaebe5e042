/**
 * Dialling a CSMS (the harness plays the charging station). A refused handshake — an HTTP
 * status such as 401 or 404, no subprotocol agreed, a TLS failure, a timeout — rejects with
 * E_TRANSPORT naming the cause; it never hangs.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { WebSocket, type ClientOptions } from 'ws';
import { maxFrameBytes } from '../constants.js';
import { HarnessError } from '../errors.js';
import { basicAuthorizationHeader } from './basic-auth.js';
import { Connection } from './connection.js';
import { peerCertificateSubject, resolveClientTlsOptions, type ClientTlsOptions } from './tls-options.js';
import { WireLog, type CertificateSubject } from './wire-log.js';

/**
 * Why a dial failed, as data (issue #11: callers decided from the message text before):
 * - `unreachable`: nothing answered at the TCP level (ECONNREFUSED, ENOTFOUND …), `code` says which;
 * - `http`: the upgrade was refused with `status` (401 auth, 404 path or identity …) on `path`;
 * - `tls`: the TLS handshake failed (untrusted or wrong certificate, an alert), `code` from node;
 * - `subprotocol`: no offered subprotocol was agreed (OCPP-J Part 4 §3.2);
 * - `timeout`, `closed`, `other`.
 */
export interface DialFailure {
  kind: 'unreachable' | 'http' | 'tls' | 'subprotocol' | 'timeout' | 'closed' | 'other';
  /** node's error code (ECONNREFUSED, CERT_HAS_EXPIRED, ERR_SSL_…) when there is one. */
  code?: string;
  status?: number;
  /** The path the refused upgrade asked for (no query: it may carry secrets). */
  path?: string;
}

/** A failed dial: E_TRANSPORT with its structured cause. */
export class DialError extends HarnessError {
  constructor(
    message: string,
    readonly failure: DialFailure,
    cause?: unknown,
  ) {
    super('E_TRANSPORT', message, cause === undefined ? {} : { cause });
  }
}

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/** The structured cause of a socket / TLS error from ws. */
export function failureOf(err: Error): DialFailure {
  const code = (err as Error & { code?: unknown }).code;
  const c = typeof code === 'string' ? code : undefined;
  if (err.message === 'Server sent no subprotocol') return { kind: 'subprotocol' };
  if (c !== undefined && unreachableCodes.has(c)) return { kind: 'unreachable', code: c };
  if ((c !== undefined && /CERT|SSL|TLS|SELF_SIGNED|ALTNAME|VERIFY/i.test(c)) || /certificate|self[- ]signed|alert|ssl/i.test(err.message)) return { kind: 'tls', ...(c ? { code: c } : {}) };
  if (/timed out|timeout/i.test(err.message)) return { kind: 'timeout', ...(c ? { code: c } : {}) };
  return { kind: 'other', ...(c ? { code: c } : {}) };
}

/** How long the whole opening handshake (TCP, TLS, HTTP upgrade) may take. */
export const defaultHandshakeTimeoutMs = 10_000;

export interface DialOptions {
  /** Station identity; appended to the URL as a percent-encoded segment (see connectionUrl). */
  identity?: string;
  /** Offered in this order (our preference first), e.g. ['ocpp2.0.1', 'ocpp1.6']. */
  subprotocols: readonly string[];
  /** Security profiles 1/2; the password may be raw bytes (a binary 1.6 AuthorizationKey). */
  basicAuth?: { username: string; password: string | Buffer };
  tls?: ClientTlsOptions;
  handshakeTimeoutMs?: number;
  maxPayload?: number;
  wireLog?: WireLog;
}

/**
 * OCPP-J Part 4 §3.1.1: connection URL = endpoint URL + '/' + percent-encoded identity. When
 * the URL's last path segment already IS the identity (the user pasted the full connection URL),
 * it is used as is, so the identity is never appended twice.
 */
export function connectionUrl(endpointUrl: string, identity?: string): string {
  // `{stationId}` places the identity anywhere in the URL (a CSMS with /ocpp/{stationId}/ws, or ?id=…).
  // (Also as `%7BstationId%7D`: the CLI's URL check re-serialises the URL, which encodes the braces.)
  const placeholder = /\{stationId\}|%7BstationId%7D/gi;
  const placed = placeholder.test(endpointUrl);
  if (placed) endpointUrl = endpointUrl.replace(placeholder, encodeURIComponent(identity ?? ''));
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw new HarnessError('E_USAGE', `not a valid URL: ${endpointUrl}`, { hint: 'e.g. ws://localhost:9000/ocpp' });
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new HarnessError('E_USAGE', `OCPP-J needs a ws:// or wss:// URL, got ${url.protocol}//`);
  }
  if (placed || identity === undefined || identity === '') return url.toString();
  const segments = url.pathname.split('/');
  const last = segments[segments.length - 1] ?? '';
  let lastDecoded = last;
  try {
    lastDecoded = decodeURIComponent(last);
  } catch {
    // keep the raw segment; it cannot equal a well-formed identity anyway
  }
  if (lastDecoded === identity) return url.toString();
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(identity)}`;
  return url.toString();
}

export function dial(url: string, options: DialOptions): Promise<Connection> {
  const target = connectionUrl(url, options.identity);
  const secure = target.startsWith('wss:');
  if (!secure && options.tls !== undefined) {
    throw new HarnessError('E_TLS_OPTIONS', `tls options were given but ${target} is not a wss:// URL`, { hint: 'use wss:// or drop the tls options' });
  }
  const wireLog = options.wireLog ?? new WireLog();
  const timeoutMs = options.handshakeTimeoutMs ?? defaultHandshakeTimeoutMs;
  const wsOptions: ClientOptions = {
    handshakeTimeout: timeoutMs,
    maxPayload: options.maxPayload ?? maxFrameBytes,
    followRedirects: false,
  };
  if (options.basicAuth !== undefined) {
    wsOptions.headers = { Authorization: basicAuthorizationHeader(options.basicAuth.username, options.basicAuth.password) };
  }
  if (secure) Object.assign(wsOptions, resolveClientTlsOptions(options.tls ?? {}));

  return new Promise<Connection>((resolve, reject) => {
    const ws = new WebSocket(target, [...options.subprotocols], wsOptions);
    let settled = false;
    let serverCertSubject: CertificateSubject | undefined;
    let remoteAddress: string | undefined;
    const path = new URL(target).pathname;
    const fail = (message: string, failure: DialFailure, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      ws.terminate();
      reject(new DialError(`cannot connect to ${target}: ${message}`, failure, cause));
    };
    // ws has its own handshake timeout; this guard also covers anything it does not.
    const guard = setTimeout(() => fail(`no handshake within ${timeoutMs} ms`, { kind: 'timeout' }), timeoutMs + 1_000);
    ws.on('error', (err: Error) => {
      const failure = failureOf(err);
      const words =
        failure.kind === 'subprotocol'
          ? 'the server agreed on none of the offered subprotocols (OCPP-J Part 4 §3.2)'
          : failure.kind === 'tls'
            ? `TLS handshake failed: ${err.message}${failure.code && !err.message.includes(failure.code) ? ` (${failure.code})` : ''}`
            : failure.code && !err.message.includes(failure.code) ? `${err.message} (${failure.code})` : err.message;
      fail(words, failure, err);
    });
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      res.resume();
      const status = res.statusCode ?? 0;
      const hint = status === 401 ? ' (Basic auth missing or refused)' : status === 404 ? ' (unknown path or identity)' : '';
      fail(`handshake refused with HTTP ${status} ${res.statusMessage ?? ''}${hint} on path ${path}`.replace(/\s+/g, ' '), { kind: 'http', status, path });
    });
    ws.on('upgrade', (res: IncomingMessage) => {
      remoteAddress = res.socket.remoteAddress === undefined ? undefined : `${res.socket.remoteAddress}:${res.socket.remotePort ?? 0}`;
      if (secure) serverCertSubject = peerCertificateSubject(res.socket as TLSSocket);
    });
    ws.on('close', (code: number) => fail(`closed during the handshake (code ${code})`, { kind: 'closed' }));
    ws.once('open', () => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      ws.removeAllListeners('error');
      ws.removeAllListeners('close');
      ws.removeAllListeners('unexpected-response');
      ws.removeAllListeners('upgrade');
      resolve(
        new Connection(
          ws,
          {
            side: 'client',
            ...(options.identity === undefined ? {} : { identity: options.identity }),
            subprotocol: ws.protocol === '' ? null : ws.protocol,
            offeredSubprotocols: [...options.subprotocols],
            url: target,
            ...(remoteAddress === undefined ? {} : { remoteAddress }),
            ...(serverCertSubject === undefined ? {} : { serverCertSubject }),
            basicAuth: options.basicAuth !== undefined,
          },
          { wireLog },
        ),
      );
    });
  });
}
