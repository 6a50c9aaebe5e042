/**
 * The harness's OCPP-J server (the harness plays the CSMS): stations connect at
 * `ws(s)://host:port/<path>/<identity>`. We handle the HTTP upgrade ourselves (ws in noServer
 * mode) so every refusal is explicit: a status code, a reason, a 'rejected' wire log entry and an
 * onRejected event, never a silent drop.
 *
 * Security profiles (1.6 Security Whitepaper §2.3–2.5, 2.0.1 Part 2 A00):
 *  0: no authentication (test setups only);
 *  1: ws + HTTP Basic auth; 2: wss (TLS, server certificate) + HTTP Basic auth — 401 without
 *     valid credentials, username must equal the identity (A00.FR.204);
 *  3: wss with a client certificate (mutual TLS, A00.FR.401/402), no Basic auth.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeCodeNoSubprotocol, defaultListenHost, defaultServerPath, maxFrameBytes } from '../constants.js';
import { HarnessError } from '../errors.js';
import { checkBasicCredentials, parseBasicAuthorization, type BasicCredentials, type ExpectedPassword } from './basic-auth.js';
import { closeHandshakeTimeoutMs, Connection } from './connection.js';
import { normalizePathPrefix, parseStationPath } from './station-path.js';
import { parseSubprotocolHeader, selectSubprotocol } from './subprotocol.js';
import { peerCertificateSubject, resolveServerTlsOptions, type ServerTlsOptions } from './tls-options.js';
import { WireLog, type CertificateSubject } from './wire-log.js';

export type SecurityProfile = 0 | 1 | 2 | 3;

export interface ServerCredentials {
  basic?: BasicCredentials;
  clientCertSubject?: CertificateSubject;
}

export interface ServerAuth {
  securityProfile: SecurityProfile;
  /** Decide whether this station may connect; false → HTTP 401. See basicAuthVerifier. */
  verify?: (identity: string, credentials: ServerCredentials) => boolean | Promise<boolean>;
}

export interface OcppServerOptions {
  /** Listen address; loopback unless the user asks for another one. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Path prefix; stations connect at `<path>/<identity>` (default '/ocpp'). */
  path?: string;
  /** Subprotocols we accept, in OUR order of preference, e.g. ['ocpp2.0.1', 'ocpp1.6']. */
  subprotocols: readonly string[];
  auth?: ServerAuth;
  tls?: ServerTlsOptions;
  maxPayload?: number;
  wireLog?: WireLog;
  /** Extra identity format check, e.g. protocol's isIdentifierString (false → HTTP 400). */
  isValidIdentity?: (identity: string) => boolean;
  /** Known stations only (false → HTTP 404, OCPP-J Part 4 §3.2). */
  acceptIdentity?: (identity: string) => boolean | Promise<boolean>;
  /**
   * Part 4 §3.2 closes a handshake completed without an agreed subprotocol at once ('close', the
   * default). 'keep' leaves it open and idle: only for a defective simulator (TC_B_58_CSMS).
   */
  noSubprotocol?: 'close' | 'keep';
  /** Turn a known station away for now: a reason → HTTP 503 (e.g. a reconnection test). */
  refuse?: (identity: string) => string | undefined;
}

export interface ServerRejection {
  /** HTTP status sent; 101 when the handshake completed but no subprotocol was agreed; 0 for a failed TLS handshake. */
  status: number;
  reason: string;
  path?: string;
  identity?: string;
  remote?: string;
  /** Wire log connection id the rejection was recorded under. */
  connectionId: string;
}

export interface ServerAddress {
  url: string;
  host: string;
  port: number;
}

/** A verify function for profiles 1/2 against one password, or a password per identity. */
export function basicAuthVerifier(
  expected: ExpectedPassword | ((identity: string) => ExpectedPassword | undefined),
): (identity: string, credentials: ServerCredentials) => boolean {
  return (identity, credentials) => {
    const wanted = typeof expected === 'function' ? expected(identity) : expected;
    if (wanted === undefined || credentials.basic === undefined) return false;
    return checkBasicCredentials(identity, credentials.basic, wanted).ok;
  };
}

export class OcppServer {
  readonly wireLog: WireLog;
  private readonly options: OcppServerOptions;
  private readonly prefix: string;
  private readonly httpServer: HttpServer;
  private readonly wss: WebSocketServer;
  private readonly secure: boolean;
  private readonly live = new Set<Connection>();
  private readonly pendingSockets = new Set<Duplex>();
  private readonly connectionListeners = new Set<(connection: Connection) => void>();
  private readonly rejectionListeners = new Set<(rejection: ServerRejection) => void>();
  private address: ServerAddress | undefined;

  constructor(options: OcppServerOptions) {
    this.options = options;
    this.wireLog = options.wireLog ?? new WireLog();
    this.prefix = normalizePathPrefix(options.path ?? defaultServerPath);
    const profile = options.auth?.securityProfile ?? 0;
    if (options.subprotocols.length === 0) {
      throw new HarnessError('E_USAGE', 'the server needs at least one subprotocol', { hint: "e.g. subprotocols: ['ocpp2.0.1']" });
    }
    if ((profile === 1 || profile === 2) && options.auth?.verify === undefined) {
      throw new HarnessError('E_USAGE', `security profile ${profile} needs auth.verify to check Basic auth passwords`, {
        hint: 'use basicAuthVerifier({ password })',
      });
    }
    if (profile >= 2 && options.tls === undefined) {
      throw new HarnessError('E_TLS_OPTIONS', `security profile ${profile} needs tls options (cert, key${profile === 3 ? ', ca' : ''})`, {
        hint: 'run `ocpp-conform certs init` and pass certs/csms.pem, certs/csms.key.pem and certs/ca.pem',
      });
    }
    // Profile 3: the station MUST present a certificate from our CA (1.6 A00.FR.402/403).
    const tls =
      options.tls === undefined
        ? undefined
        : resolveServerTlsOptions(profile === 3 ? { rejectUnauthorized: true, ...options.tls, requestCert: true } : options.tls);
    this.secure = tls !== undefined;
    const onRequest = (_req: IncomingMessage, res: ServerResponse): void => {
      res.writeHead(426, { 'Content-Type': 'text/plain', Upgrade: 'websocket', Connection: 'close' });
      res.end('OCPP-J needs a WebSocket upgrade\n');
    };
    this.httpServer = tls === undefined ? createHttpServer(onRequest) : createHttpsServer(tls, onRequest);
    this.httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.handleUpgrade(req, socket, head).catch((err: unknown) => {
        this.reject(socket, 500, `internal error: ${String(err)}`, { path: req.url });
      });
    });
    this.httpServer.on('tlsClientError', (err: Error, socket: TLSSocket) => {
      // A station without a valid certificate never reaches the upgrade (profile 3); record why.
      this.emitRejection({ status: 0, reason: `TLS handshake failed: ${err.message}`, remote: socket.remoteAddress });
    });
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: options.maxPayload ?? maxFrameBytes,
      // Returning false makes ws answer without Sec-WebSocket-Protocol, as Part 4 §3.2 requires.
      handleProtocols: (offered: Set<string>) => selectSubprotocol(offered, options.subprotocols) ?? false,
    });
  }

  /** Listen; resolves with the endpoint URL stations derive their connection URL from. */
  async start(): Promise<ServerAddress> {
    if (this.address !== undefined) return this.address;
    const host = this.options.host ?? defaultListenHost;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => {
        reject(new HarnessError('E_TRANSPORT', `cannot listen on ${host}:${this.options.port ?? 0}: ${err.message}`, { cause: err }));
      };
      this.httpServer.once('error', onError);
      this.httpServer.listen(this.options.port ?? 0, host, () => {
        this.httpServer.off('error', onError);
        resolve();
      });
    });
    const bound = this.httpServer.address() as AddressInfo;
    const urlHost = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
    this.address = { url: `${this.secure ? 'wss' : 'ws'}://${urlHost}:${bound.port}${this.prefix}`, host: bound.address, port: bound.port };
    return this.address;
  }

  /** Called for each accepted connection (subprotocol agreed, authenticated). */
  onConnection(listener: (connection: Connection) => void): () => void {
    this.connectionListeners.add(listener);
    return () => {
      this.connectionListeners.delete(listener);
    };
  }

  onRejected(listener: (rejection: ServerRejection) => void): () => void {
    this.rejectionListeners.add(listener);
    return () => {
      this.rejectionListeners.delete(listener);
    };
  }

  /** The next accepted connection; rejects with E_TRANSPORT after timeoutMs. */
  nextConnection(timeoutMs: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new HarnessError('E_TRANSPORT', `no station connected within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onConnection((connection) => {
        clearTimeout(timer);
        off();
        resolve(connection);
      });
    });
  }

  connections(): Connection[] {
    return [...this.live];
  }

  /** Close every connection (1001 going away), stop listening, release every handle. */
  async close(): Promise<void> {
    for (const socket of this.pendingSockets) socket.destroy();
    const closing = [...this.live].map((c) => c.close(1001, 'server shutting down'));
    await Promise.race([Promise.all(closing), new Promise((r) => setTimeout(r, closeHandshakeTimeoutMs).unref())]);
    for (const c of this.live) c.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      if (!this.httpServer.listening) {
        resolve();
        return;
      }
      this.httpServer.close(() => resolve());
      this.httpServer.closeAllConnections();
    });
    this.address = undefined;
  }

  private async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined); // a peer resetting mid-handshake must not crash the harness
    this.pendingSockets.add(socket);
    socket.once('close', () => this.pendingSockets.delete(socket));
    const remote = req.socket.remoteAddress;
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const parsed = parseStationPath(pathname, this.prefix, this.options.isValidIdentity);
    if (!parsed.ok) {
      this.reject(socket, parsed.status, parsed.reason, { path: pathname, remote });
      return;
    }
    const identity = parsed.identity;
    const where = { path: pathname, remote, identity };
    if (this.options.acceptIdentity !== undefined && !(await this.options.acceptIdentity(identity))) {
      this.reject(socket, 404, `unknown station identity "${identity}" (OCPP-J Part 4 §3.2)`, where);
      return;
    }
    const refusal = this.options.refuse?.(identity);
    if (refusal !== undefined) {
      this.reject(socket, 503, refusal, where);
      return;
    }
    const credentials: ServerCredentials = {};
    const clientCertSubject = this.secure ? peerCertificateSubject(req.socket as TLSSocket) : undefined;
    if (clientCertSubject !== undefined) credentials.clientCertSubject = clientCertSubject;
    const header = req.headers.authorization;
    const basic = parseBasicAuthorization(header);
    if (basic.ok) credentials.basic = basic.credentials;
    const profile = this.options.auth?.securityProfile ?? 0;
    if (profile === 1 || profile === 2) {
      // 1.6 Security Whitepaper A00.FR.203: credentials with every connection request.
      if (!basic.ok) {
        const why = basic.reason === 'missing' ? 'no Authorization header' : `Authorization header is ${basic.reason}`;
        this.reject(socket, 401, `${why} (security profile ${profile} requires HTTP Basic auth)`, where);
        return;
      }
      if (basic.credentials.username !== identity) {
        this.reject(socket, 401, 'Basic auth username does not equal the station identity (A00.FR.204)', where);
        return;
      }
    }
    const verify = this.options.auth?.verify;
    if (verify !== undefined && !(await verify(identity, credentials))) {
      this.reject(socket, 401, profile === 3 ? 'client certificate refused' : 'Basic auth credentials refused', where);
      return;
    }
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      this.pendingSockets.delete(socket);
      this.accept(ws, req, identity, credentials, basic.ok);
    });
  }

  private accept(ws: WebSocket, req: IncomingMessage, identity: string, credentials: ServerCredentials, basicAuth: boolean): void {
    const offered = parseSubprotocolHeader(req.headers['sec-websocket-protocol']);
    const connection = new Connection(
      ws,
      {
        side: 'server',
        identity,
        subprotocol: ws.protocol === '' ? null : ws.protocol,
        offeredSubprotocols: offered,
        ...(req.socket.remoteAddress === undefined ? {} : { remoteAddress: `${req.socket.remoteAddress}:${req.socket.remotePort ?? 0}` }),
        ...(credentials.clientCertSubject === undefined ? {} : { clientCertSubject: credentials.clientCertSubject }),
        basicAuth,
      },
      { wireLog: this.wireLog },
    );
    if (connection.info.subprotocol === null) {
      // Part 4 §3.2: handshake completed without the header; now close immediately.
      const reason = offered.length === 0 ? 'no subprotocol offered' : 'no OCPP subprotocol agreed';
      if (this.options.noSubprotocol === 'keep') {
        this.live.add(connection);
        void connection.closed.then(() => this.live.delete(connection));
        return;
      }
      void connection.close(closeCodeNoSubprotocol, reason);
      this.notifyRejection({ status: 101, reason: `${reason} (offered: ${offered.join(', ') || 'none'})`, identity, connectionId: connection.id });
      return;
    }
    this.live.add(connection);
    void connection.closed.then(() => this.live.delete(connection));
    for (const listener of [...this.connectionListeners]) {
      try {
        listener(connection);
      } catch (err) {
        this.wireLog.record({ kind: 'error', connectionId: connection.id, message: `connection listener failed: ${String(err)}` });
      }
    }
  }

  private reject(socket: Duplex, status: number, reason: string, where: { path?: string; remote?: string; identity?: string }): void {
    this.emitRejection({ status, reason, ...where });
    if (socket.destroyed) return;
    const body = `${reason}\n`;
    const headers = [
      `HTTP/1.1 ${status} ${statusText(status)}`,
      'Connection: close',
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      // RFC 7617 §2: a 401 names the scheme the client must use.
      ...(status === 401 ? ['WWW-Authenticate: Basic realm="OCPP", charset="UTF-8"'] : []),
    ];
    socket.once('finish', () => socket.destroy());
    socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  }

  private emitRejection(rejection: Omit<ServerRejection, 'connectionId'>): void {
    const connectionId = this.wireLog.allocateConnectionId();
    this.wireLog.record({
      kind: 'rejected',
      connectionId,
      status: rejection.status,
      reason: rejection.reason,
      ...(rejection.path === undefined ? {} : { path: rejection.path }),
      ...(rejection.remote === undefined ? {} : { remote: rejection.remote }),
    });
    this.notifyRejection({ ...rejection, connectionId });
  }

  private notifyRejection(rejection: ServerRejection): void {
    for (const listener of [...this.rejectionListeners]) {
      try {
        listener(rejection);
      } catch {
        // listeners observe; they cannot change the outcome
      }
    }
  }
}

function statusText(status: number): string {
  const texts: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  return texts[status] ?? 'Error';
}
