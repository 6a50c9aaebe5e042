import { expect } from 'chai';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { splitPemChain } from '../../src/protocol/pki.js';
import { createCertificateAuthority } from '../../src/security/certificates.js';
import { createPki } from '../../src/cli/pki.js';

describe('security/pki (the pki service)', () => {
  const pki = createPki();

  it('makes an EC key and an RFC 2986 CSR with the station subject (O = organisation, CN = serial number)', () => {
    const { keyPem, csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'ocpp-conform CPO' });
    expect(csrPem).to.match(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    expect(createPrivateKey(keyPem).asymmetricKeyType).to.equal('ec');
    const parsed = pki.parseCsr(csrPem);
    expect(parsed).to.deep.equal({ ok: true, csr: { subject: { O: 'ocpp-conform CPO', CN: 'CP001' }, keyType: 'ec', keyBits: 256, signatureValid: true } });
  });

  it('a V2G CSR carries C, DC = CPO, O and CN = the SECC id; an RSA key is 2048 bits', () => {
    const { csrPem } = pki.createKeyAndCsr({ kind: 'V2GCertificate', commonName: 'SECC01', organization: 'CPO Ltd', country: 'NL', key: 'rsa' });
    const parsed = pki.parseCsr(csrPem);
    expect(parsed.ok && parsed.csr).to.deep.equal({ subject: { C: 'NL', DC: 'CPO', O: 'CPO Ltd', CN: 'SECC01' }, keyType: 'rsa', keyBits: 2048, signatureValid: true });
  });

  it('says why a CSR cannot be read, and notices a tampered signature', () => {
    expect(pki.parseCsr('hello')).to.deep.equal({ ok: false, reason: 'not a PEM "CERTIFICATE REQUEST" block' });
    expect(pki.parseCsr('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----').ok).to.equal(false);
    const { csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'O' });
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0xff; // inside the signature
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    const parsed = pki.parseCsr(tampered);
    expect(parsed.ok ? parsed.csr.signatureValid : 'unreadable').to.not.equal(true);
    expect(() => pki.signCsr(tampered)).to.throw();
  });

  it('signs a CSR into a chain that verifies against its root, with key match and subject', () => {
    const { keyPem, csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'CPO' });
    const signed = pki.signCsr(csrPem);
    expect(splitPemChain(signed.chainPem)).to.have.length(2);
    expect(new X509Certificate(signed.certificatePem).subject).to.equal('O=CPO\nCN=CP001');
    const ok = pki.verifyChain(signed.chainPem, { privateKeyPem: keyPem, subject: { CN: 'CP001' } });
    expect(ok.ok).to.equal(true);
    expect(pki.verifyChain(signed.certificatePem, { roots: [pki.rootCertificatePem] }).ok).to.equal(true);
    const other = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'CPO' });
    expect(pki.verifyChain(signed.chainPem, { privateKeyPem: other.keyPem })).to.deep.equal({ ok: false, reason: 'the leaf certificate does not belong to the private key' });
    expect(pki.verifyChain(signed.chainPem, { subject: { CN: 'CP002' } })).to.deep.equal({ ok: false, reason: 'subject CN is "CP001", expected "CP002"' });
  });

  it('the deliberately invalid signatures fail verification, each for its own reason', () => {
    const { keyPem, csrPem } = pki.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'CP001', organization: 'CPO' });
    const reason = (fault: 'wrong-ca' | 'expired' | 'not-yet-valid' | 'wrong-cn'): string => {
      const v = pki.verifyChain(pki.signCsr(csrPem, { fault }).chainPem, { privateKeyPem: keyPem, subject: { CN: 'CP001' } });
      return v.ok ? 'accepted' : v.reason;
    };
    expect(reason('wrong-ca')).to.match(/does not lead to a trusted root/);
    expect(reason('expired')).to.match(/expired/);
    expect(reason('not-yet-valid')).to.match(/not valid before/);
    expect(reason('wrong-cn')).to.equal('subject CN is "CP001-WRONG", expected "CP001"');
  });

  it('uses a given CA, and gives the certificate hash data of what it signed', () => {
    const ca = createCertificateAuthority({ key: { type: 'ec' } });
    const own = createPki({ ca });
    expect(own.rootCertificatePem).to.equal(ca.cert.certPem);
    const signed = own.signCsr(own.createKeyAndCsr({ kind: 'ChargingStationCertificate', commonName: 'X', organization: 'Y' }).csrPem);
    const leaf = own.hashData(signed.certificatePem, signed.issuerPem);
    const root = own.hashData(own.rootCertificatePem);
    expect(leaf.issuerKeyHash).to.equal(root.issuerKeyHash);
    expect(leaf.serialNumber).to.equal(new X509Certificate(signed.certificatePem).serialNumber.toLowerCase().replace(/^0+/, ''));
  });

  it('a chain that does not parse says so', () => {
    expect(pki.verifyChain('')).to.deep.equal({ ok: false, reason: 'no PEM certificate in the chain' });
  });
});
