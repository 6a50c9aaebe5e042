import { expect } from 'chai';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import { closeCodeNoSubprotocol } from '../../src/constants.js';
import { isHarnessError } from '../../src/errors.js';
import { dial } from '../../src/transport/client.js';
import type { Connection } from '../../src/transport/connection.js';
import { basicAuthVerifier, OcppServer, type ServerRejection } from '../../src/transport/server.js';
import { collectTexts, rejectionOf, startServer, waitFor } from './support.js';

describe('transport/server + client', () => {
  const servers: OcppServer[] = [];
  const connections: Connection[] = [];
  afterEach(async () => {
    for (const c of connections.splice(0)) await c.close();
    for (const s of servers.splice(0)) await s.close();
  });

  async function server(options: Parameters<typeof startServer>[0] = {}): Promise<{ server: OcppServer; url: string }> {
    const started = await startServer(options);
    servers.push(started.server);
    return started;
  }

  it('binds 127.0.0.1 on an ephemeral port by default and reports the endpoint URL', async () => {
    const s = new OcppServer({ subprotocols: ['ocpp2.0.1'] });
    servers.push(s);
    const address = await s.start();
    expect(address.host).to.equal('127.0.0.1');
    expect(address.port).to.be.greaterThan(0);
    expect(address.url).to.equal(`ws://127.0.0.1:${address.port}/ocpp`);
  });

  it('accepts a percent-encoded identity and reports it decoded on both sides', async () => {
    const { server: s, url } = await server();
    const accepted = s.nextConnection(3_000);
    const client = await dial(url, { identity: 'RDAM 123', subprotocols: ['ocpp2.0.1'] });
    connections.push(client);
    expect(client.info.url).to.match(/\/ocpp\/RDAM%20123$/);
    const conn = await accepted;
    expect(conn.info.identity).to.equal('RDAM 123');
    expect(conn.info.basicAuth).to.equal(false);
    expect(conn.info.remoteAddress).to.match(/^127\.0\.0\.1:\d+$/);
  });

  it('does not append the identity twice when the URL already ends with it', async () => {
    const { server: s, url } = await server();
    const accepted = s.nextConnection(3_000);
    connections.push(await dial(`${url}/CP001`, { identity: 'CP001', subprotocols: ['ocpp2.0.1'] }));
    expect((await accepted).info.identity).to.equal('CP001');
  });

  it('rejects a 49-character identity with 400 and an empty one with 404, with rejection events', async () => {
    const { server: s, url } = await server();
    const rejections: ServerRejection[] = [];
    s.onRejected((r) => rejections.push(r));
    const tooLong = await rejectionOf(dial(url, { identity: 'X'.repeat(49), subprotocols: ['ocpp2.0.1'] }));
    expect(isHarnessError(tooLong) && tooLong.code).to.equal('E_TRANSPORT');
    expect((tooLong as Error).message).to.contain('HTTP 400');
    const empty = await rejectionOf(dial(`${url}/`, { subprotocols: ['ocpp2.0.1'] }));
    expect((empty as Error).message).to.contain('HTTP 404');
    expect(rejections.map((r) => r.status)).to.deep.equal([400, 404]);
    expect(rejections[0]?.reason).to.contain('48');
    expect(s.wireLog.entries().filter((e) => e.kind === 'rejected')).to.have.length(2);
  });

  it('answers 404 for an unknown station (Part 4 §3.2)', async () => {
    const { url } = await server({ acceptIdentity: (id) => id === 'KNOWN' });
    const err = await rejectionOf(dial(url, { identity: 'UNKNOWN', subprotocols: ['ocpp2.0.1'] }));
    expect((err as Error).message).to.contain('HTTP 404');
  });

  it("negotiates by the server's preference: client offers 1.6 first, server prefers 2.0.1", async () => {
    const { server: s, url } = await server({ subprotocols: ['ocpp2.0.1', 'ocpp1.6'] });
    const accepted = s.nextConnection(3_000);
    const client = await dial(url, { identity: 'CP1', subprotocols: ['ocpp1.6', 'ocpp2.0.1'] });
    connections.push(client);
    expect(client.info.subprotocol).to.equal('ocpp2.0.1');
    const conn = await accepted;
    expect(conn.info.subprotocol).to.equal('ocpp2.0.1');
    expect(conn.info.offeredSubprotocols).to.deep.equal(['ocpp1.6', 'ocpp2.0.1']);
  });

  it('no subprotocol agreed: completes the handshake WITHOUT the header, then closes with closeCodeNoSubprotocol', async () => {
    const { server: s, url } = await server({ subprotocols: ['ocpp2.0.1'] });
    const accepted: Connection[] = [];
    s.onConnection((c) => accepted.push(c));
    const port = new URL(url).port;
    const { status, protocolHeader, frame } = await new Promise<{ status: number; protocolHeader: unknown; frame: Buffer }>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/ocpp/CP1',
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'x3JJHMbDL1EzLkh9GBhXDw==',
          'Sec-WebSocket-Protocol': 'ocpp1.5',
        },
      });
      req.on('error', reject);
      req.on('upgrade', (res, socket: Socket, head: Buffer) => {
        let bytes = head;
        const done = (): void => {
          socket.destroy();
          resolve({ status: res.statusCode ?? 0, protocolHeader: res.headers['sec-websocket-protocol'], frame: bytes });
        };
        if (bytes.length >= 4) done();
        socket.on('data', (chunk: Buffer) => {
          bytes = Buffer.concat([bytes, chunk]);
          if (bytes.length >= 4) done();
        });
      });
      req.end();
    });
    expect(status).to.equal(101);
    expect(protocolHeader).to.equal(undefined);
    expect(frame[0]).to.equal(0x88); // FIN + close opcode (RFC 6455 §5.5.1)
    expect(frame.readUInt16BE(2)).to.equal(closeCodeNoSubprotocol);
    expect(accepted).to.have.length(0);
    await waitFor(() => s.wireLog.entries().some((e) => e.kind === 'close'));
    const close = s.wireLog.entries().find((e) => e.kind === 'close');
    // our raw peer dropped TCP instead of answering the close, so ws reports 1006; we started it
    expect(close).to.include({ initiator: 'local' });
  });

  it('the client rejects with E_TRANSPORT when no subprotocol is agreed', async () => {
    const { url } = await server({ subprotocols: ['ocpp2.0.1'] });
    const err = await rejectionOf(dial(url, { identity: 'CP1', subprotocols: ['ocpp1.6'] }));
    expect(isHarnessError(err) && err.code).to.equal('E_TRANSPORT');
    expect((err as Error).message).to.contain('subprotocol');
  });

  it('the client rejects with E_TRANSPORT when nothing listens (never hangs)', async () => {
    const { server: s, url } = await server();
    await s.close();
    servers.splice(0);
    const err = await rejectionOf(dial(url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'], handshakeTimeoutMs: 1_000 }));
    expect(isHarnessError(err) && err.code).to.equal('E_TRANSPORT');
  });

  describe('security profile 1: HTTP Basic auth', () => {
    const password = 'correct-horse-battery';
    const profile1 = { auth: { securityProfile: 1 as const, verify: basicAuthVerifier({ password }) } };

    it('accepts the right username and password and never records the password', async () => {
      const { server: s, url } = await server(profile1);
      const accepted = s.nextConnection(3_000);
      connections.push(await dial(url, { identity: 'CP001', subprotocols: ['ocpp2.0.1'], basicAuth: { username: 'CP001', password } }));
      const conn = await accepted;
      expect(conn.info.basicAuth).to.equal(true);
      expect(JSON.stringify(conn.info)).not.to.contain(password);
      expect(s.wireLog.toJsonLines()).not.to.contain(password);
    });

    for (const [name, basicAuth] of [
      ['a wrong password', { username: 'CP001', password: 'wrong-password-xx' }],
      ['a username different from the identity', { username: 'CP002', password }],
      ['no Authorization header', undefined],
    ] as const) {
      it(`answers 401 to ${name}`, async () => {
        const { server: s, url } = await server(profile1);
        const rejections: ServerRejection[] = [];
        s.onRejected((r) => rejections.push(r));
        const err = await rejectionOf(dial(url, { identity: 'CP001', subprotocols: ['ocpp2.0.1'], ...(basicAuth ? { basicAuth } : {}) }));
        expect(isHarnessError(err) && err.code).to.equal('E_TRANSPORT');
        expect((err as Error).message).to.contain('HTTP 401');
        expect(rejections.map((r) => r.status)).to.deep.equal([401]);
        expect(s.wireLog.toJsonLines()).not.to.contain(password);
      });
    }

    it('accepts a 40-hex AuthorizationKey sent as text or as 20 raw bytes', async () => {
      const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f9011223344';
      const { server: s, url } = await server({
        auth: { securityProfile: 1, verify: basicAuthVerifier({ password: key, format: 'authorization-key-hex' }) },
      });
      let count = 0;
      s.onConnection(() => count++);
      connections.push(await dial(url, { identity: 'CP001', subprotocols: ['ocpp1.6'], basicAuth: { username: 'CP001', password: key } }));
      connections.push(
        await dial(url, { identity: 'CP001', subprotocols: ['ocpp1.6'], basicAuth: { username: 'CP001', password: Buffer.from(key, 'hex') } }),
      );
      await waitFor(() => count === 2);
      const err = await rejectionOf(
        dial(url, { identity: 'CP001', subprotocols: ['ocpp1.6'], basicAuth: { username: 'CP001', password: Buffer.alloc(20) } }),
      );
      expect((err as Error).message).to.contain('HTTP 401');
    });
  });

  it('refuses profile 1 without a verifier and profile 2 without TLS (E_USAGE / E_TLS_OPTIONS)', () => {
    expect(() => new OcppServer({ subprotocols: ['ocpp1.6'], auth: { securityProfile: 1 } })).to.throw().with.property('code', 'E_USAGE');
    expect(() => new OcppServer({ subprotocols: ['ocpp1.6'], auth: { securityProfile: 2, verify: () => true } }))
      .to.throw()
      .with.property('code', 'E_TLS_OPTIONS');
  });

  it('exchanges text both ways and reports a binary frame as invalid without crashing', async () => {
    const { server: s, url } = await server();
    const accepted = s.nextConnection(3_000);
    const client = await dial(url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'] });
    connections.push(client);
    const conn = await accepted;
    const atServer = collectTexts(conn);
    const atClient = collectTexts(client);
    const invalid: Buffer[] = [];
    conn.onInvalidFrame((e) => invalid.push(e.bytes));
    client.send('[2,"1","Heartbeat",{}]');
    conn.send('[3,"1",{"currentTime":"2024-01-01T00:00:00Z"}]');
    await waitFor(() => atServer.length === 1 && atClient.length === 1);
    // a raw ws client sends a binary frame
    const raw = new WebSocket(`${url}/RAW1`, ['ocpp2.0.1']);
    const rawConn = s.nextConnection(3_000);
    await new Promise((r) => raw.once('open', r));
    const rawServerSide = await rawConn;
    const rawInvalid: Buffer[] = [];
    rawServerSide.onInvalidFrame((e) => rawInvalid.push(e.bytes));
    raw.send(Buffer.from([1, 2, 3]), { binary: true });
    await waitFor(() => rawInvalid.length === 1);
    expect(rawInvalid[0]).to.deep.equal(Buffer.from([1, 2, 3]));
    const frame = s.wireLog.entries().find((e) => e.kind === 'frame' && e.connectionId === rawServerSide.id);
    expect(frame).to.include({ encoding: 'base64', text: 'AQID', direction: 'in' });
    expect(rawServerSide.state).to.equal('open');
    raw.close();
    await rawServerSide.closed;
  });

  it('send after close throws E_NOT_CONNECTED; close() reports code and reason to both sides', async () => {
    const { server: s, url } = await server();
    const accepted = s.nextConnection(3_000);
    const client = await dial(url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'] });
    const conn = await accepted;
    const seen: Array<[number, string]> = [];
    conn.onClose((code, reason) => seen.push([code, reason]));
    const info = await client.close(4000, 'bye');
    expect(info).to.deep.equal({ code: 4000, reason: 'bye', initiator: 'local' });
    await conn.closed;
    expect(seen).to.deep.equal([[4000, 'bye']]);
    expect(() => client.send('x')).to.throw().with.property('code', 'E_NOT_CONNECTED');
  });

  it('close() closes live connections and the client sees 1001', async () => {
    const { server: s, url } = await server();
    const client = await dial(url, { identity: 'CP1', subprotocols: ['ocpp2.0.1'] });
    await waitFor(() => s.connections().length === 1);
    await s.close();
    servers.splice(0);
    const info = await client.closed;
    expect(info.code).to.equal(1001);
    expect(s.connections()).to.have.length(0);
  });
});
