/**
 * A bare WebSocket opening handshake, for what a WebSocket client library hides: OCPP-J Part 4
 * §3.2 says a CSMS that agrees to none of the offered subprotocols completes the handshake without
 * a Sec-WebSocket-Protocol header "and then immediately" closes the connection. `ws` aborts such a
 * handshake itself, so whether the CSMS closes is only seen on the socket: this probe sends the
 * upgrade request, reads the answer's status and headers, and watches the upgraded socket for a
 * close frame or the end of the TCP stream. Nothing is sent after the handshake.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';

export type UpgradeProbe =
  | { upgraded: false; status: number | undefined; reason: string }
  | {
      upgraded: true;
      /** The Sec-WebSocket-Protocol the server answered with, or null when it sent none. */
      subprotocol: string | null;
      /** How long after the handshake the server closed (close frame or end of stream); undefined: still open at the deadline. */
      closedAfterMs: number | undefined;
      /** The close frame's code, when the server sent one. */
      closeCode: number | undefined;
    };

export interface UpgradeProbeOptions {
  /** ws:// or wss:// URL, the identity already in its path. */
  url: string;
  subprotocols: readonly string[];
  /** How long the handshake, and then the wait for the close, may each take. */
  withinMs: number;
}

/** The close code of a server close frame at the start of `buf` (unmasked, RFC 6455 §5.5.1). */
function closeCodeOf(buf: Buffer): number | undefined | 'not-close' {
  if (buf.length < 2) return 'not-close';
  if ((buf[0]! & 0x0f) !== 0x8) return 'not-close';
  const len = buf[1]! & 0x7f;
  return len >= 2 && buf.length >= 4 ? buf.readUInt16BE(2) : undefined;
}

export function probeUpgrade(options: UpgradeProbeOptions): Promise<UpgradeProbe> {
  const url = new URL(options.url);
  const secure = url.protocol === 'wss:';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise<UpgradeProbe>((resolve) => {
    let settled = false;
    const done = (p: UpgradeProbe): void => {
      if (settled) return;
      settled = true;
      clearTimeout(handshakeTimer);
      resolve(p);
    };
    const req = request({
      host: url.hostname,
      port: url.port === '' ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      // A fresh socket each time: a kept-alive one of an earlier probe may be dead already.
      agent: false,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        ...(options.subprotocols.length > 0 ? { 'Sec-WebSocket-Protocol': options.subprotocols.join(', ') } : {}),
      },
    });
    const handshakeTimer = setTimeout(() => {
      req.destroy();
      done({ upgraded: false, status: undefined, reason: `no handshake answer within ${options.withinMs} ms` });
    }, options.withinMs);
    req.on('response', (res: IncomingMessage) => {
      res.resume();
      done({ upgraded: false, status: res.statusCode, reason: `HTTP ${res.statusCode ?? '?'} ${res.statusMessage ?? ''}`.trim() });
    });
    req.on('error', (err) => done({ upgraded: false, status: undefined, reason: err.message }));
    req.on('upgrade', (res: IncomingMessage, socket: Duplex, head: Buffer) => {
      clearTimeout(handshakeTimer);
      const header = res.headers['sec-websocket-protocol'];
      const subprotocol = typeof header === 'string' && header.trim() !== '' ? header.trim() : null;
      const started = performance.now();
      let closeCode: number | undefined;
      let closed = false;
      const finish = (): void => {
        if (settled) return;
        closed = true;
        socket.destroy();
        clearTimeout(closeTimer);
        settled = true;
        resolve({ upgraded: true, subprotocol, closedAfterMs: Math.round(performance.now() - started), closeCode });
      };
      const onData = (chunk: Buffer): void => {
        const code = closeCodeOf(chunk);
        if (code === 'not-close') return;
        closeCode = code;
        finish();
      };
      const closeTimer = setTimeout(() => {
        if (closed || settled) return;
        settled = true;
        socket.destroy();
        resolve({ upgraded: true, subprotocol, closedAfterMs: undefined, closeCode: undefined });
      }, options.withinMs);
      socket.on('data', onData);
      socket.on('end', finish);
      socket.on('close', finish);
      socket.on('error', finish);
      if (head.length > 0) onData(head);
    });
    req.end();
  });
}
