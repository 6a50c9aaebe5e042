import { expect } from 'chai';
import { isHarnessError } from '../../src/errors.js';
import { createCertificateSet, createStationCertificate, createCertificateAuthority } from '../../src/security/certificates.js';
import type { CertificateSet } from '../../src/security/certificates.js';
import { dial } from '../../src/transport/client.js';
import type { Connection } from '../../src/transport/connection.js';
import { basicAuthVerifier, type OcppServer, type ServerRejection } from '../../src/transport/server.js';
import { resolveClientTlsOptions, resolveServerTlsOptions } from '../../src/transport/tls-options.js';
import { rejectionOf, startServer, waitFor } from './support.js';

describe('transport over TLS (security profiles 2 and 3)', () => {
  let set: CertificateSet;
  let foreignStation: { certPem: string; keyPem: string };
  const servers: OcppServer[] = [];
  const connections: Connection[] = [];

  before(() => {
    // EC keys keep the suite fast; RSA generation is covered in test/security.
    set = createCertificateSet({ key: { type: 'ec' }, host: 'localhost', stationId: 'CP001', cpoName: 'Test CPO' });
    const other = createCertificateAuthority({ key: { type: 'ec' }, subject: { CN: 'other CA' } });
    foreignStation = createStationCertificate(other, { key: { type: 'ec' }, stationId: 'CP001', cpoName: 'Test CPO' });
  });
  afterEach(async () => {
    for (const c of connections.splice(0)) await c.close();
    for (const s of servers.splice(0)) await s.close();
  });

  async function tlsServer(profile: 2 | 3): Promise<{ server: OcppServer; url: string }> {
    const started = await startServer({
      tls: { cert: set.csms.certPem, key: set.csms.keyPem, ca: set.ca.certPem },
      auth: profile === 2 ? { securityProfile: 2, verify: basicAuthVerifier({ password: 'profile-two-password' }) } : { securityProfile: 3 },
    });
    servers.push(started.server);
    return started;
  }

  it('profile 2: a client trusting our CA connects over wss with Basic auth', async () => {
    const { server, url } = await tlsServer(2);
    expect(url).to.match(/^wss:\/\/127\.0\.0\.1:\d+\/ocpp$/);
    const accepted = server.nextConnection(3_000);
    const client = await dial(url, {
      identity: 'CP001',
      subprotocols: ['ocpp2.0.1'],
      basicAuth: { username: 'CP001', password: 'profile-two-password' },
      tls: { ca: set.ca.certPem },
    });
    connections.push(client);
    expect(client.info.serverCertSubject).to.include({ CN: 'localhost' });
    expect((await accepted).info.basicAuth).to.equal(true);
  });

  it('profile 2: a client that does not trust the CA fails with E_TRANSPORT', async () => {
    const { url } = await tlsServer(2);
    const err = await rejectionOf(
      dial(url, { identity: 'CP001', subprotocols: ['ocpp2.0.1'], basicAuth: { username: 'CP001', password: 'profile-two-password' } }),
    );
    expect(isHarnessError(err) && err.code).to.equal('E_TRANSPORT');
    expect((err as Error).message).to.match(/certificate/i);
  });

  it('profile 3: a station certificate from our CA is accepted and its subject reported', async () => {
    const { server, url } = await tlsServer(3);
    const accepted = server.nextConnection(3_000);
    connections.push(
      await dial(url, { identity: 'CP001', subprotocols: ['ocpp2.0.1'], tls: { ca: set.ca.certPem, cert: set.station.certPem, key: set.station.keyPem } }),
    );
    const conn = await accepted;
    expect(conn.info.clientCertSubject).to.include({ CN: 'CP001', O: 'Test CPO' });
    const open = server.wireLog.entries().find((e) => e.kind === 'open');
    expect(open).to.have.nested.property('clientCertSubject.CN', 'CP001');
  });

  for (const [name, certOf] of [
    ['no client certificate', () => undefined],
    ['a certificate from another CA', () => foreignStation],
  ] as const) {
    it(`profile 3: ${name} is rejected`, async () => {
      const { server, url } = await tlsServer(3);
      const rejections: ServerRejection[] = [];
      server.onRejected((r) => rejections.push(r));
      let accepted = 0;
      server.onConnection(() => accepted++);
      const cert = certOf();
      const err = await rejectionOf(
        dial(url, {
          identity: 'CP001',
          subprotocols: ['ocpp2.0.1'],
          handshakeTimeoutMs: 2_000,
          tls: { ca: set.ca.certPem, ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}) },
        }),
      );
      expect(isHarnessError(err) && err.code).to.equal('E_TRANSPORT');
      await waitFor(() => rejections.length > 0);
      expect(rejections[0]?.status).to.equal(0);
      expect(accepted).to.equal(0);
    });
  }
});

describe('transport/tls-options', () => {
  it('names the missing key option', () => {
    expect(() => resolveClientTlsOptions({ cert: '-----BEGIN CERTIFICATE-----\n' })).to.throw(/tls\.key is missing/).with.property('code', 'E_TLS_OPTIONS');
  });

  it('names an unreadable file and the option it came from', () => {
    let caught: unknown;
    try {
      resolveServerTlsOptions({ cert: '/nonexistent/csms.pem', key: '/nonexistent/csms.key.pem' });
    } catch (err) {
      caught = err;
    }
    expect(isHarnessError(caught) && caught.code).to.equal('E_TLS_OPTIONS');
    expect((caught as Error).message).to.contain('tls.cert').and.contain('/nonexistent/csms.pem');
  });

  it('refuses a key that does not belong to the certificate, and TLS below 1.2', () => {
    const a = createCertificateSet({ key: { type: 'ec' } });
    expect(() => resolveServerTlsOptions({ cert: a.csms.certPem, key: a.station.keyPem })).to.throw(/does not belong/);
    expect(() => resolveClientTlsOptions({ minVersion: 'TLSv1.1' as 'TLSv1.2' })).to.throw(/minVersion/);
    expect(resolveClientTlsOptions({}).minVersion).to.equal('TLSv1.2');
  });
});
