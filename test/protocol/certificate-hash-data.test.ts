import { expect } from 'chai';
import { certificateHashData, hashAlgorithmOf, sameCertificate } from '../../src/protocol/certificate-hash-data.js';
import { moRootPem } from '../../src/sim/station/v201/contract-certificate.js';
import { createCertificateSet } from '../../src/security/certificates.js';
import { X509Certificate } from 'node:crypto';

describe('protocol/certificate-hash-data', () => {
  it('gives the hash data computed independently (node-forge) for the committed MO root', () => {
    // testcases/ocpp2.0.1/cs/_shared/certificates.ts holds these figures for the same root.
    expect(certificateHashData(moRootPem)).to.deep.equal({
      hashAlgorithm: 'SHA256',
      issuerNameHash: '8d9882a63d92f46450dea8e2c3e874ae06cfebc1a68a35b8cf5543c7632012b1',
      issuerKeyHash: 'bf7268a5035eedf68a6d39195619ada80a5a4003e98e0f319ec1e8512555a67a',
      serialNumber: '59d5dff7a8d7a828f7c3bbc609772f5c',
    });
  });

  it('a leaf hashes its issuer name and the issuer key; the serial without leading zeroes; compared without case', () => {
    const set = createCertificateSet({ key: { type: 'ec' } });
    const leaf = certificateHashData(set.csms.certPem, set.ca.certPem);
    const root = certificateHashData(set.ca.certPem);
    expect(leaf.issuerNameHash).to.equal(root.issuerNameHash);
    expect(leaf.issuerKeyHash).to.equal(root.issuerKeyHash);
    expect(leaf.serialNumber).to.equal(new X509Certificate(set.csms.certPem).serialNumber.toLowerCase().replace(/^0+/, ''));
    expect(sameCertificate({ ...root, serialNumber: `00${root.serialNumber.toUpperCase()}` }, root)).to.equal(true);
    expect(sameCertificate(leaf, root)).to.equal(false);
  });

  it('hashes with SHA384 or SHA512 when asked (1.6 Security Whitepaper §2.6), the serial number unchanged', () => {
    const sha256 = certificateHashData(moRootPem);
    for (const [alg, hexChars] of [['SHA384', 96], ['SHA512', 128]] as const) {
      const other = certificateHashData(moRootPem, moRootPem, alg);
      expect(other.hashAlgorithm).to.equal(alg);
      expect(other.issuerNameHash).to.have.length(hexChars);
      expect(other.issuerKeyHash).to.have.length(hexChars);
      expect(other.serialNumber).to.equal(sha256.serialNumber);
    }
    expect(hashAlgorithmOf('SHA384')).to.equal('SHA384');
    expect(hashAlgorithmOf('MD5')).to.equal(undefined);
  });
});
