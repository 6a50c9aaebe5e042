/**
 * The harness-as-station link against a real server on 127.0.0.1 port 0: it dials on demand,
 * answers with the responders, reports a failed dial, refuses to use a connection on another
 * subprotocol (and says which was agreed), and disconnects waiting for the close handshake.
 */
import { expect } from 'chai';
import { systemClock } from '../../src/clock.js';
import { Journal } from '../../src/engine/journal.js';
import { Responders } from '../../src/engine/responders.js';
import { StationLink } from '../../src/engine/station-link.js';
import type { Connection } from '../../src/transport/connection.js';
import { OcppServer } from '../../src/transport/server.js';
import { WireLog } from '../../src/transport/wire-log.js';

describe('engine/station-link (loopback)', function () {
  this.timeout(10_000);
  let server: OcppServer;
  let url: string;
  const accepted: Connection[] = [];

  beforeEach(async () => {
    accepted.length = 0;
    server = new OcppServer({ host: '127.0.0.1', port: 0, subprotocols: ['ocpp2.0.1', 'ocpp1.6'] });
    server.onConnection((c) => accepted.push(c));
    url = (await server.start()).url;
  });
  afterEach(async () => {
    await server.close();
  });

  const link = (csmsUrl = url) => {
    const journal = new Journal(systemClock);
    const responders = new Responders().setDefault('Reset', () => ({ status: 'Accepted' }));
    return { journal, link: new StationLink({ csmsUrl, stationId: 'CS7', version: '2.0.1', journal, responders, clock: systemClock, wireLog: new WireLog(), callTimeoutMs: 2000 }) };
  };

  it('dials on demand as the configured station, once, and journals the connection', async () => {
    const { link: l, journal } = link();
    expect(l.current()).to.equal(undefined);
    const ep = await l.ensureConnected(systemClock.monoMs() + 5000, new AbortController().signal);
    expect(ep).to.not.equal(undefined);
    expect(await l.ensureConnected(systemClock.monoMs() + 5000, new AbortController().signal)).to.equal(ep);
    expect(accepted.map((c) => c.info.identity)).to.deep.equal(['CS7']);
    expect(journal.at(0)).to.deep.include({ kind: 'connected', identity: 'CS7', subprotocol: 'ocpp2.0.1' });
    expect(l.describeDut()).to.deep.equal({ csmsUrl: url, stationId: 'CS7' });
    await l.close();
    expect(l.current()).to.equal(undefined);
  });

  it('gives up at the deadline with the reason of the last failed dial', async () => {
    await server.close();
    const { link: l } = link();
    expect(await l.ensureConnected(systemClock.monoMs() + 50, new AbortController().signal)).to.equal(undefined);
    expect(l.lastDialError).to.be.a('string').and.not.equal('');
    const abort = new AbortController();
    abort.abort();
    expect(await l.ensureConnected(systemClock.monoMs() + 5000, abort.signal)).to.equal(undefined);
  });

  it('reconnect offering another version reports the agreed subprotocol and does not use it', async () => {
    const { link: l, journal } = link();
    await l.ensureConnected(systemClock.monoMs() + 5000, new AbortController().signal);
    const outcome = await l.reconnect({ subprotocols: ['ocpp1.6'] }, systemClock.monoMs() + 5000, new AbortController().signal);
    expect(outcome).to.deep.equal({ connected: true, subprotocol: 'ocpp1.6' });
    expect(l.current()).to.equal(undefined);
    expect(journal.entries().filter((e) => e.kind === 'connected').map((e) => e.kind === 'connected' && e.subprotocol)).to.deep.equal(['ocpp2.0.1', 'ocpp1.6']);
    const back = await l.reconnect({}, systemClock.monoMs() + 5000, new AbortController().signal);
    expect(back).to.deep.equal({ connected: true, subprotocol: 'ocpp2.0.1' });
    expect(l.current()).to.not.equal(undefined);
    await l.close();
  });

  it('reconnect reports a failed dial, and an abort before dialling', async () => {
    const { link: l } = link(url.replace(/:\d+\//, ':1/'));
    const failed = await l.reconnect({}, systemClock.monoMs() + 2000, new AbortController().signal);
    expect(failed.connected).to.equal(false);
    const abort = new AbortController();
    abort.abort();
    expect(await l.reconnect({}, systemClock.monoMs() + 2000, abort.signal)).to.deep.equal({ connected: false, reason: 'aborted' });
  });
});
