/**
 * The contract certificate of TC_C_52_CSMS (central validation): "Contract certificate has a
 * responder URL that points to an OCSP service for OCTT", so it is made for the run, its
 * authorityInfoAccess (RFC 5280 §4.2.2.1) naming the harness's responder, and signed by the
 * contract signer the CSMS trusts (prerequisite: "signed by the configured V2GRoot or MORoot
 * certificate at the CSMS"): `extra.contractSigner: { certificate, privateKey }` (PEM, the lab's
 * MO root or sub-CA), by default the ocpp-conform test MO root below, which the reference CSMS
 * trusts. That root's key is a committed test fixture, good for nothing but this test.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { OcspCertId, TestContext } from '../../../../src/engine/authoring.js';
import { certificateParts, contextTag, der, integerFromHex, oid, seq, tags } from '../../../../src/engine/authoring.js';
import { obj } from '../_shared/station.js';

export const testContractRootPem = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBwDCCAWegAwIBAgIQSOcv7GfMJjozraTlBjML8jAKBggqhkjOPQQDAjBQMRUw',
  'EwYDVQQKDAxvY3BwLWNvbmZvcm0xNzA1BgNVBAMMLm9jcHAtY29uZm9ybSB0ZXN0',
  'IGNvbnRyYWN0IHNpZ25lciAoQ1NNUyBjYXNlcykwHhcNMjYwMTAxMDAwMDAwWhcN',
  'NDkxMjMxMDAwMDAwWjBQMRUwEwYDVQQKDAxvY3BwLWNvbmZvcm0xNzA1BgNVBAMM',
  'Lm9jcHAtY29uZm9ybSB0ZXN0IGNvbnRyYWN0IHNpZ25lciAoQ1NNUyBjYXNlcykw',
  'WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARzKitp+j2OdPcfgvVwAnQqzW5iyY90',
  'ldKGRhAwaPbeiJuBGAxHTn28hOl5isD9n4Aq8KbE0GMRG/1V5SkeD46EoyMwITAP',
  'BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNHADBE',
  'AiBcdVOPy2V5rRP126pFIln6Qobd5cQ+iGzfPlWD/+VtGwIgW1ol+HZy7HZ+uoKo',
  'PhITpw+3SME5bVdbbQ2dYSadNyA=',
  '-----END CERTIFICATE-----',
].join('\n');

const testContractRootKeyPem = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+vX00JKV1adNNgct',
  'dOYlH0mxdLLVwIvDrm/w0WOzQc+hRANCAARzKitp+j2OdPcfgvVwAnQqzW5iyY90',
  'ldKGRhAwaPbeiJuBGAxHTn28hOl5isD9n4Aq8KbE0GMRG/1V5SkeD46E',
  '-----END PRIVATE KEY-----',
].join('\n');

const ecdsaSha256 = '1.2.840.10045.4.3.2';
const utcTime = (ms: number): Buffer => {
  const iso = new Date(ms).toISOString();
  return der(0x17, Buffer.from(`${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`, 'ascii'));
};
const name = (org: string, cn: string): Buffer =>
  seq(der(tags.set, seq(oid('2.5.4.10'), der(tags.utf8String, Buffer.from(org)))), der(tags.set, seq(oid('2.5.4.3'), der(tags.utf8String, Buffer.from(cn)))));
const extension = (id: string, value: Buffer, critical = false): Buffer => seq(oid(id), ...(critical ? [der(0x01, Buffer.from([0xff]))] : []), der(tags.octetString, value));

export interface MintInput {
  issuer: { name: Buffer; key: KeyObject };
  subject: Buffer;
  publicKeySpki: Buffer;
  notBeforeMs: number;
  notAfterMs: number;
  ca: boolean;
  ocspUrl?: string;
}

/** An X.509 v3 certificate (RFC 5280 §4.1) signed ecdsa-with-SHA256 by the issuer's EC key. */
export function mintCertificate(m: MintInput): { der: Buffer; serialNumber: string } {
  const serial = randomBytes(16);
  serial[0] = (serial[0] as number) & 0x7f;
  const extensions = [
    extension('2.5.29.19', m.ca ? seq(der(0x01, Buffer.from([0xff]))) : seq(), true),
    // keyUsage: keyCertSign + cRLSign for a CA, digitalSignature for the contract leaf.
    extension('2.5.29.15', m.ca ? der(tags.bitString, Buffer.from([0x01, 0x06])) : der(tags.bitString, Buffer.from([0x07, 0x80])), true),
    ...(m.ocspUrl === undefined ? [] : [extension('1.3.6.1.5.5.7.1.1', seq(seq(oid('1.3.6.1.5.5.7.48.1'), der(contextTag(6, false), Buffer.from(m.ocspUrl, 'ascii')))))]),
  ];
  const tbs = seq(
    der(contextTag(0, true), der(tags.integer, Buffer.from([2]))),
    integerFromHex(serial.toString('hex')),
    seq(oid(ecdsaSha256)),
    m.issuer.name,
    seq(utcTime(m.notBeforeMs), utcTime(m.notAfterMs)),
    m.subject,
    m.publicKeySpki,
    der(contextTag(3, true), seq(...extensions)),
  );
  const certificate = seq(tbs, seq(oid(ecdsaSha256)), der(tags.bitString, Buffer.from([0]), sign('sha256', tbs, m.issuer.key)));
  return { der: certificate, serialNumber: certificateParts(certificate).serialNumber };
}

const pemOf = (d: Buffer): string => `-----BEGIN CERTIFICATE-----\n${(d.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----`;

/** A contract certificate for `emaid` whose OCSP responder is `ocspUrl`, signed by the configured signer; and its CertID. */
export function contractCertificateFor(ctx: TestContext, emaid: string, ocspUrl: string): { pem: string; certId: OcspCertId } {
  const configured = obj(ctx.config.extra['contractSigner']);
  const signerPem = typeof configured?.['certificate'] === 'string' ? configured['certificate'] : testContractRootPem;
  const keyPem = typeof configured?.['privateKey'] === 'string' ? configured['privateKey'] : testContractRootKeyPem;
  const signer = certificateParts(new X509Certificate(signerPem).raw);
  const leafKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = ctx.clock.wallMs();
  const leaf = mintCertificate({
    issuer: { name: signer.subjectName, key: createPrivateKey(keyPem) },
    subject: name('ocpp-conform eMSP', emaid),
    publicKeySpki: leafKey.publicKey.export({ type: 'spki', format: 'der' }),
    notBeforeMs: now - 3_600_000,
    notAfterMs: now + 365 * 86_400_000,
    ca: false,
    ocspUrl,
  });
  const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
  return {
    pem: pemOf(leaf.der),
    certId: { hashAlgorithm: 'SHA256', issuerNameHash: sha256(signer.subjectName), issuerKeyHash: sha256(signer.subjectPublicKey), serialNumber: leaf.serialNumber },
  };
}

export { name as distinguishedName, pemOf };
