/**
 * The harness-as-CSMS link with an in-memory server: only the configured station on the run's
 * subprotocol becomes the DUT, a reconnect replaces the old endpoint, waiters wake on connect,
 * refusals are journaled, BootNotification facts describe the DUT.
 */
import { expect } from 'chai';
import { CsmsLink } from '../../src/engine/csms-link.js';
import { Journal } from '../../src/engine/journal.js';
import { Responders } from '../../src/engine/responders.js';
import type { Connection } from '../../src/transport/connection.js';
import type { OcppServer, ServerRejection } from '../../src/transport/server.js';
import { manualClock, scriptedConnection, settle, type ScriptedConnection } from '../helpers/scripted-connection.js';

type FakeConnection = ScriptedConnection & { info: { identity: string; subprotocol: string | null }; closes: Array<[number, string]> };

function fakeServer() {
  const onConn = new Set<(c: Connection) => void>();
  const onRej = new Set<(r: ServerRejection) => void>();
  const server = {
    onConnection: (l: (c: Connection) => void) => { onConn.add(l); return () => onConn.delete(l); },
    onRejected: (l: (r: ServerRejection) => void) => { onRej.add(l); return () => onRej.delete(l); },
  };
  let n = 0;
  const connect = (identity: string, subprotocol: string | null = 'ocpp2.0.1'): FakeConnection => {
    const base = scriptedConnection(`k${++n}`);
    const closes: Array<[number, string]> = [];
    const conn = Object.assign(base, { info: { identity, subprotocol }, closes });
    conn.close = (code?: number, reason?: string) => { closes.push([code ?? 1000, reason ?? '']); base.drop(code ?? 1000, reason ?? ''); };
    // The link needs only these members of a transport Connection.
    for (const l of [...onConn]) l(conn as unknown as Connection);
    return conn;
  };
  const reject = (r: ServerRejection) => { for (const l of [...onRej]) l(r); };
  // The link uses only onConnection / onRejected of the server.
  return { server: server as unknown as OcppServer, connect, reject, listeners: () => onConn.size + onRej.size };
}

function setup() {
  const clock = manualClock();
  const journal = new Journal(clock);
  const fake = fakeServer();
  const responders = new Responders().setDefault('BootNotification', () => ({ status: 'Accepted', currentTime: '2024-01-01T00:00:00Z', interval: 10 }));
  const link = new CsmsLink({ server: fake.server, version: '2.0.1', stationId: 'CP1', journal, responders, clock, callTimeoutMs: 100 });
  return { link, journal, ...fake };
}

describe('engine/csms-link', () => {
  it('adopts the configured station on the run subprotocol, answering with the responders', async () => {
    const { link, connect, journal } = setup();
    expect(link.current()).to.equal(undefined);
    const conn = connect('CP1');
    expect(link.current()?.connection).to.equal(conn);
    expect(journal.at(0)).to.deep.include({ kind: 'connected', identity: 'CP1', subprotocol: 'ocpp2.0.1' });
    conn.deliver('[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"vendorName":"V","model":"M","serialNumber":"S","firmwareVersion":"F"}}]');
    await settle();
    expect(conn.sentFrames()[0]!.slice(0, 2)).to.deep.equal([3, 'b1']);
    expect(link.describeDut()).to.deep.equal({ stationId: 'CP1', vendor: 'V', model: 'M', serialNumber: 'S', firmwareVersion: 'F' });
  });

  it('reads 1.6 boot fields too, leaving out absent ones', async () => {
    const { link, connect } = setup();
    const conn = connect('CP1');
    conn.deliver('[2,"b1","BootNotification",{"chargePointVendor":"V6","chargePointModel":"M6","chargeBoxSerialNumber":"B6"}]');
    await settle();
    expect(link.describeDut()).to.deep.equal({ stationId: 'CP1', vendor: 'V6', model: 'M6', serialNumber: 'B6' });
  });

  it('closes another identity or another subprotocol with 1008 and saying what it expects', () => {
    const { link, connect } = setup();
    for (const c of [connect('CP2'), connect('CP1', 'ocpp1.6'), connect('CP1', null)]) {
      expect(c.closes).to.deep.equal([[1008, 'this harness run expects station CP1 speaking ocpp2.0.1']]);
    }
    expect(link.current()).to.equal(undefined);
  });

  it('a reconnect replaces the endpoint and closes the old one with 1001', () => {
    const { link, connect } = setup();
    const first = connect('CP1');
    const second = connect('CP1');
    expect(first.closes).to.deep.equal([[1001, 'replaced by a new connection']]);
    expect(link.current()?.connection).to.equal(second);
  });

  it('ensureConnected returns the open endpoint, wakes when the station connects, and gives up at the deadline or on abort', async () => {
    const { link, connect } = setup();
    const abort = new AbortController();
    const waiting = link.ensureConnected(1000 + 3000, abort.signal);
    setTimeout(() => connect('CP1'), 5);
    const started = performance.now();
    const ep = await waiting;
    expect(performance.now() - started).to.be.below(1000);
    expect(ep).to.equal(link.current());
    expect(await link.ensureConnected(0, abort.signal)).to.equal(ep);
    await link.disconnect(4001, 'bye');
    expect(link.current()).to.equal(undefined);
    expect(await link.ensureConnected(1000 + 5, abort.signal)).to.equal(undefined);
    const aborted = link.ensureConnected(1000 + 3000, abort.signal);
    abort.abort();
    expect(await aborted).to.equal(undefined);
  });

  it('refuses while asked to, only for the DUT, and journals refusals of the DUT only', () => {
    const { link, reject, journal } = setup();
    expect(link.refusalFor('CP1')).to.equal(undefined);
    link.refuseConnections(true);
    expect(link.refusalFor('CP1')).to.match(/refuses this connection attempt/);
    expect(link.refusalFor('CP2')).to.equal(undefined);
    link.refuseConnections(false);
    expect(link.refusalFor('CP1')).to.equal(undefined);
    reject({ identity: 'CP1', connectionId: 'r1', status: 401, reason: 'bad password' });
    reject({ identity: 'CP2', connectionId: 'r2', status: 404, reason: 'unknown' });
    expect(journal.entries().map((e) => e.kind === 'refused' && [e.connectionId, e.status, e.reason])).to.deep.equal([['r1', 401, 'bad password']]);
  });

  it('close() stops listening and closes the DUT connection', async () => {
    const { link, connect, listeners } = setup();
    const conn = connect('CP1');
    expect(listeners()).to.equal(2);
    await link.close();
    expect(listeners()).to.equal(0);
    expect(conn.closes).to.deep.equal([[1001, 'harness run finished']]);
  });
});
