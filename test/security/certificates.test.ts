import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeCertificateSet } from '../../src/security/certificate-files.js';
import { createCertificateSet, type CertificateSet } from '../../src/security/certificates.js';

describe('security/certificates', () => {
  let rsa: CertificateSet;
  before(() => {
    rsa = createCertificateSet({ host: 'csms.example.com', stationId: 'CP-42', cpoName: 'Acme CPO', withVariants: true });
  });

  it('builds an RSA-2048 CA, a CSMS certificate and a station certificate that verify', () => {
    const ca = new X509Certificate(rsa.ca.certPem);
    const csms = new X509Certificate(rsa.csms.certPem);
    const station = new X509Certificate(rsa.station.certPem);
    expect(ca.ca).to.be.true;
    expect(ca.publicKey.asymmetricKeyDetails?.modulusLength).to.equal(2048);
    expect(csms.ca).to.be.false;
    expect(csms.verify(ca.publicKey)).to.be.true;
    expect(station.checkIssued(ca)).to.be.true;
    expect(csms.subject).to.contain('CN=csms.example.com');
    expect(csms.subjectAltName).to.equal('DNS:csms.example.com');
    expect(csms.checkHost('csms.example.com')).to.equal('csms.example.com');
    // 1.6 Security Whitepaper A00.FR.509/511: O = CPO, CN = station serial, no SAN
    expect(station.subject.split('\n')).to.deep.equal(['O=Acme CPO', 'CN=CP-42']);
    expect(station.subjectAltName).to.equal(undefined);
    expect(station.keyUsage).to.include('1.3.6.1.5.5.7.3.2'); // clientAuth
  });

  it('adds IP SANs for localhost and builds EC (prime256v1) certificates signed by an EC CA', () => {
    const ec = createCertificateSet({ key: { type: 'ec' }, host: 'localhost' });
    const ca = new X509Certificate(ec.ca.certPem);
    const csms = new X509Certificate(ec.csms.certPem);
    expect(csms.publicKey.asymmetricKeyType).to.equal('ec');
    expect(csms.publicKey.asymmetricKeyDetails?.namedCurve).to.equal('prime256v1');
    expect(csms.verify(ca.publicKey)).to.be.true;
    expect(csms.checkIP('127.0.0.1')).to.equal('127.0.0.1');
  });

  it('makes broken variants that fail the checks they are meant to fail', () => {
    const v = rsa.variants!;
    const ca = new X509Certificate(rsa.ca.certPem);
    const now = Date.now();
    expect(Date.parse(new X509Certificate(v['station-expired']!.certPem).validTo)).to.be.lessThan(now);
    expect(Date.parse(new X509Certificate(v['station-not-yet-valid']!.certPem).validFrom)).to.be.greaterThan(now);
    expect(new X509Certificate(v['station-other-ca']!.certPem).verify(ca.publicKey)).to.be.false;
    expect(new X509Certificate(v['station-wrong-cn']!.certPem).subject).not.to.contain('CN=CP-42\n');
    expect(new X509Certificate(v['station-weak-key']!.certPem).publicKey.asymmetricKeyDetails?.modulusLength).to.equal(1024);
    expect(new X509Certificate(v['csms-wrong-cn']!.certPem).checkHost('csms.example.com')).to.equal(undefined);
  });

  describe('writeCertificateSet', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'ocpp-certs-'));
    });
    afterEach(async () => rm(dir, { recursive: true, force: true }));

    it('writes keys 0600 and certificates 0644, refuses to overwrite without force', async () => {
      const out = path.join(dir, 'certs');
      const written = await writeCertificateSet(out, { ca: rsa.ca, csms: rsa.csms, station: rsa.station });
      expect(written.map((f) => path.basename(f.path))).to.deep.equal([
        'ca.pem', 'ca.key.pem', 'csms.pem', 'csms.key.pem', 'station.pem', 'station.key.pem',
      ]);
      expect((await stat(path.join(out, 'station.key.pem'))).mode & 0o777).to.equal(0o600);
      expect((await stat(path.join(out, 'csms.pem'))).mode & 0o777).to.equal(0o644);
      let refused: unknown;
      try {
        await writeCertificateSet(out, rsa);
      } catch (err) {
        refused = err;
      }
      expect(refused).to.have.property('code', 'E_USAGE');
    expect(refused).to.have.property('exitCode', 2);
      await writeCertificateSet(out, rsa, { force: true });
      expect((await stat(path.join(out, 'station-expired.key.pem'))).mode & 0o777).to.equal(0o600);
    });
  });
});
