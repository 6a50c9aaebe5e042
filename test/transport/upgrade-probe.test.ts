import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { probeUpgrade } from '../../src/transport/upgrade-probe.js';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as { port: number }).port;
}

describe('transport/upgrade-probe: what a CSMS does with subprotocols it does not speak (Part 4 §3.2)', () => {
  it('sees the agreed subprotocol of a server that speaks one offered', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('ocpp2.0.1') ? 'ocpp2.0.1' : false) });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    try {
      const port = (wss.address() as { port: number }).port;
      const p = await probeUpgrade({ url: `ws://127.0.0.1:${port}/ocpp/CP1`, subprotocols: ['ocpp1.6', 'ocpp2.0.1'], withinMs: 300 });
      expect(p).to.include({ upgraded: true, subprotocol: 'ocpp2.0.1' });
      expect(p.upgraded && p.closedAfterMs).to.equal(undefined);
    } finally {
      await new Promise<void>((r) => wss.close(() => r()));
    }
  });

  it('sees a handshake without the header followed by a close frame, and one left open', async () => {
    for (const closes of [true, false]) {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => false });
      wss.on('connection', (ws) => (closes ? ws.close(1002, 'no subprotocol') : undefined));
      await new Promise<void>((r) => wss.once('listening', () => r()));
      try {
        const port = (wss.address() as { port: number }).port;
        const p = await probeUpgrade({ url: `ws://127.0.0.1:${port}/ocpp/CP1`, subprotocols: ['ocpp1.5'], withinMs: 300 });
        expect(p.upgraded).to.equal(true);
        if (!p.upgraded) return;
        expect(p.subprotocol).to.equal(null);
        if (closes) {
          expect(p.closeCode).to.equal(1002);
          expect(p.closedAfterMs).to.be.a('number');
        } else expect(p.closedAfterMs).to.equal(undefined);
      } finally {
        for (const c of wss.clients) c.terminate();
        await new Promise<void>((r) => wss.close(() => r()));
      }
    }
  });

  it('reports a refused upgrade with its HTTP status, and an unreachable server with the error', async () => {
    const server = createServer((_req, res) => res.writeHead(400).end('no'));
    const port = await listen(server);
    try {
      const p = await probeUpgrade({ url: `ws://127.0.0.1:${port}/ocpp/CP1`, subprotocols: ['ocpp1.5'], withinMs: 300 });
      expect(p).to.deep.include({ upgraded: false, status: 400 });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    const gone = await probeUpgrade({ url: `ws://127.0.0.1:${port}/ocpp/CP1`, subprotocols: [], withinMs: 300 });
    expect(gone.upgraded).to.equal(false);
    expect(gone.upgraded ? '' : gone.reason).to.match(/ECONNREFUSED/);
  });
});
