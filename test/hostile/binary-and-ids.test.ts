/**
 * Issue #12 defect 5: binary frames got no reply and no finding (nothing subscribed to
 * `onInvalidFrame`), and message ids longer than 36 characters or empty passed although the
 * README says they are checked (`checkMessageId` was never called). A raw `ws` client plays the
 * hostile station against the harness's own server and endpoint.
 */
import { expect } from 'chai';
import WebSocket from 'ws';
import type { OcppEndpoint } from '../../src/session/endpoint.js';
import { openEndpoint } from '../../src/session/open.js';
import { startServer, waitFor } from '../transport/support.js';

describe('hostile: binary frames and bad message ids', () => {
  let endpoint: OcppEndpoint | undefined;
  let close: (() => Promise<void>) | undefined;

  async function hostileStation(): Promise<{ ws: WebSocket; received: string[]; closed: Promise<number> }> {
    const { server, url } = await startServer({ subprotocols: ['ocpp2.0.1'] });
    close = () => server.close();
    server.onConnection((conn) => {
      endpoint = openEndpoint(conn, { role: 'csms' });
      endpoint.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
    });
    const ws = new WebSocket(`${url.replace(/\/$/, "")}/CP001`, ['ocpp2.0.1']);
    const received: string[] = [];
    ws.on('message', (d: Buffer) => received.push(d.toString()));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    await waitFor(() => endpoint !== undefined);
    return { ws, received, closed };
  }

  afterEach(async () => {
    endpoint = undefined;
    await close?.();
    close = undefined;
  });

  it('a binary frame holding a CALL is a finding and gets a FormatViolation CALLERROR', async () => {
    const { ws, received } = await hostileStation();
    ws.send(Buffer.from('[2,"bin-1","Heartbeat",{}]'), { binary: true });
    await waitFor(() => received.length > 0);
    const reply = JSON.parse(received[0]!) as unknown[];
    expect(reply.slice(0, 3)).to.deep.equal([4, 'bin-1', 'FormatViolation']);
    expect(endpoint!.findings.map((f) => [f.layer, f.code, f.severity])).to.deep.include(['framing', 'framing.binaryFrame', 'error']);
    ws.close();
  });

  it('a binary frame that is not a CALL is a finding and closes the connection with 1003', async () => {
    const { ws, closed } = await hostileStation();
    ws.send(Buffer.from([0xff, 0x00, 0x13, 0x37]), { binary: true });
    expect(await closed).to.equal(1003);
    expect(endpoint!.findings.map((f) => f.code)).to.include('framing.binaryFrame');
  });

  it('message ids longer than 36 characters or empty are format findings (the CALL is still answered)', async () => {
    const { ws, received } = await hostileStation();
    const long = 'x'.repeat(37);
    ws.send(`[2,"${long}","Heartbeat",{}]`);
    ws.send('[2,"","Heartbeat",{}]');
    ws.send(`[2,"${'y'.repeat(36)}","Heartbeat",{}]`);
    await waitFor(() => received.length >= 3);
    const ids = endpoint!.findings.filter((f) => f.code === 'format.messageId').map((f) => f.messageId);
    expect(ids).to.deep.equal([long, '']);
    ws.close();
  });
});
