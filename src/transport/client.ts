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
  let url: URL;
  try {
    url = new URL(endpointUrl);
  } catch {
    throw new HarnessError('E_USAGE', `not a valid URL: ${endpointUrl}`, { hint: 'e.g. ws://localhost:9000/ocpp' });
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new HarnessError('E_USAGE', `OCPP-J needs a ws:// or wss:// URL, got ${url.protocol}//`);
  }
  if (identity === undefined || identity === '') return url.toString();
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
    const fail = (message: string, cause?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      ws.terminate();
      reject(new HarnessError('E_TRANSPORT', `cannot connect to ${target}: ${message}`, { cause }));
    };
    // ws has its own handshake timeout; this guard also covers anything it does not.
    const guard = setTimeout(() => fail(`no handshake within ${timeoutMs} ms`), timeoutMs + 1_000);
    ws.on('error', (err: Error) => {
      fail(err.message === 'Server sent no subprotocol' ? 'the server agreed on none of the offered subprotocols (OCPP-J Part 4 §3.2)' : err.message, err);
    });
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      res.resume();
      const hint = res.statusCode === 401 ? ' (Basic auth missing or refused)' : res.statusCode === 404 ? ' (unknown path or identity)' : '';
      fail(`handshake refused with HTTP ${res.statusCode ?? 0} ${res.statusMessage ?? ''}${hint}`.trimEnd());
    });
    ws.on('upgrade', (res: IncomingMessage) => {
      remoteAddress = res.socket.remoteAddress === undefined ? undefined : `${res.socket.remoteAddress}:${res.socket.remotePort ?? 0}`;
      if (secure) serverCertSubject = peerCertificateSubject(res.socket as TLSSocket);
    });
    ws.on('close', (code: number) => fail(`closed during the handshake (code ${code})`));
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
