import { expect } from 'chai';
import { createHash, generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { DerError, integerFromHex, hexOfInteger, oid, parseDer, readOid } from '../../src/protocol/der.js';
import { certificateParts, decodeOcspRequest, decodeOcspResponse, encodeOcspError, encodeOcspRequest, encodeOcspResponse, publicKeyBits, sameCertId } from '../../src/protocol/ocsp.js';
import { contractHashData, contractLeafPem, moRootPem } from '../../src/sim/station/v201/contract-certificate.js';

const id = { hashAlgorithm: 'SHA256', issuerNameHash: contractHashData.issuerNameHash, issuerKeyHash: contractHashData.issuerKeyHash, serialNumber: contractHashData.serialNumber };

describe('protocol/ocsp: RFC 6960 messages over our DER', () => {
  it('DER integers, OIDs and lengths round-trip (a serial with its top bit set gets a leading 00)', () => {
    expect(integerFromHex('80').toString('hex')).to.equal('02020080');
    expect(hexOfInteger(parseDer(integerFromHex('00ff01')))).to.equal('ff01');
    expect(readOid(parseDer(oid('1.3.6.1.5.5.7.48.1.1')))).to.equal('1.3.6.1.5.5.7.48.1.1');
    expect(readOid(parseDer(oid('2.16.840.1.101.3.4.2.1')))).to.equal('2.16.840.1.101.3.4.2.1');
    const long = parseDer(Buffer.concat([Buffer.from([0x04, 0x82, 0x01, 0x00]), Buffer.alloc(256, 7)]));
    expect(long.content.length).to.equal(256);
    expect(() => parseDer(Buffer.from([0x30, 0x05, 0x02]))).to.throw(DerError);
  });

  it('an OCSPRequest carries the CertIDs it was built from', () => {
    const other = { ...id, serialNumber: '01' };
    expect(decodeOcspRequest(encodeOcspRequest([id, other]))).to.deep.equal([id, other]);
    expect(() => decodeOcspRequest(Buffer.from('3000', 'hex'))).to.throw(DerError);
  });

  it('a signed BasicOCSPResponse decodes to its statuses and verifies over tbsResponseData', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const keyHash = createHash('sha1').update(publicKeyBits(publicKey.export({ type: 'spki', format: 'der' }))).digest('hex');
    const der = encodeOcspResponse({
      answers: [{ certId: id, status: 'good' }, { certId: { ...id, serialNumber: '02' }, status: 'revoked' }, { certId: { ...id, serialNumber: '03' }, status: 'unknown' }],
      producedAtMs: Date.UTC(2026, 11, 2),
      responderKeyHash: keyHash,
      sign: (tbs) => ({ algorithm: '1.2.840.10045.4.3.2', signature: sign('sha256', tbs, privateKey) }),
    });
    const decoded = decodeOcspResponse(der);
    expect(decoded.responseStatus).to.equal('successful');
    expect(decoded.answers.map((a) => [a.certId.serialNumber, a.status])).to.deep.equal([[id.serialNumber, 'good'], ['02', 'revoked'], ['03', 'unknown']]);
    expect(decoded.signatureAlgorithm).to.equal('1.2.840.10045.4.3.2');
    expect(verify('sha256', decoded.tbs as Buffer, publicKey, decoded.signature as Buffer)).to.be.true;
    expect(decodeOcspResponse(encodeOcspError('unauthorized'))).to.deep.equal({ responseStatus: 'unauthorized', answers: [] });
  });

  it('the CertID worked out from the contract certificate and its issuer is the OCPP hash data of it', () => {
    const leaf = certificateParts(new X509Certificate(contractLeafPem).raw);
    const root = certificateParts(new X509Certificate(moRootPem).raw);
    const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(sameCertId({ hashAlgorithm: 'SHA256', issuerNameHash: sha256(leaf.issuerName), issuerKeyHash: sha256(root.subjectPublicKey), serialNumber: leaf.serialNumber }, id)).to.be.true;
    expect(leaf.issuerName.equals(root.subjectName)).to.be.true;
    expect(leaf.ocspUrls).to.deep.equal([]);
    expect(sameCertId(id, { ...id, serialNumber: `00${id.serialNumber.toUpperCase()}` })).to.be.true;
    expect(sameCertId(id, { ...id, hashAlgorithm: 'SHA384' })).to.be.false;
  });
});

describe('TC_C_52_CSMS contract certificate: made for the run', () => {
  it('parses as X.509, is issued by the test contract signer, and names the responder in its AIA', async () => {
    const { contractCertificateFor, testContractRootPem } = await import('../../testcases/ocpp2.0.1/csms/C-authorization/contract-certificate.js');
    const ctx = { config: { extra: {} }, clock: { wallMs: () => Date.now() } } as never;
    const { pem, certId } = contractCertificateFor(ctx, 'NLOCPC000000001', 'http://127.0.0.1:4567/');
    const leaf = new X509Certificate(pem);
    const root = new X509Certificate(testContractRootPem);
    expect(leaf.checkIssued(root) && leaf.verify(root.publicKey)).to.be.true;
    expect(leaf.subject).to.include('CN=NLOCPC000000001');
    const parts = certificateParts(leaf.raw);
    expect(parts.ocspUrls).to.deep.equal(['http://127.0.0.1:4567/']);
    expect(parts.serialNumber).to.equal(certId.serialNumber);
    expect(certId.issuerNameHash).to.equal(createHash('sha256').update(certificateParts(root.raw).subjectName).digest('hex'));
  });
});
