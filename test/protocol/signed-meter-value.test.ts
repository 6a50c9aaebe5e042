/**
 * Signed meter values in the OCMF encoding (src/protocol/signed-meter-value.ts): what the station
 * simulator signs verifies, and every way a signature can be wrong is told apart from a signature
 * the harness cannot read.
 */
import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import type { JsonObject } from '../../src/protocol/frames.js';
import { createMeterSigningKey, parsePublicKey, signMeterReading, verifySignedMeterValue } from '../../src/protocol/signed-meter-value.js';

const reading = { timestamp: '2026-12-02T10:00:00.000Z', value: 1234, unit: 'Wh', context: 'Transaction.End', transactionId: 'TX-1' };

describe('signed meter values (OCMF)', () => {
  const key = createMeterSigningKey();

  it('a signed reading verifies with its own public key and carries the SignedMeterValueType fields', () => {
    const smv = signMeterReading(reading, key);
    expect(smv).to.include({ signingMethod: 'ECDSA-secp256r1-SHA256', encodingMethod: 'OCMF', publicKey: key.publicKeyBase64 });
    expect(Buffer.from(smv['signedMeterData'] as string, 'base64').toString('utf8')).to.match(/^OCMF\|\{.*"TX":"E".*\}\|\{"SA":"ECDSA-secp256r1-SHA256","SD":"[0-9a-f]+"\}$/);
    expect(verifySignedMeterValue(smv, key.publicKeyBase64, { value: 1234, unit: 'Wh' }).status).to.equal('verified');
    expect(verifySignedMeterValue(smv, key.publicKeyBase64, { value: 1.234, unit: 'kWh' }).status).to.equal('verified');
  });

  it('a signature over another reading, another key or a changed payload is invalid', () => {
    const smv = signMeterReading(reading, key);
    expect(verifySignedMeterValue(smv, key.publicKeyBase64, { value: 999, unit: 'Wh' }).status).to.equal('invalid');
    expect(verifySignedMeterValue(smv, createMeterSigningKey().publicKeyBase64).status).to.equal('invalid');
    const text = Buffer.from(smv['signedMeterData'] as string, 'base64').toString('utf8').replace('"RV":1234', '"RV":1235');
    const tampered: JsonObject = { ...smv, signedMeterData: Buffer.from(text, 'utf8').toString('base64') };
    expect(verifySignedMeterValue(tampered, key.publicKeyBase64).status).to.equal('invalid');
    expect(verifySignedMeterValue(smv, 'not a key').status).to.equal('invalid');
  });

  it('an encoding the harness cannot read, or no public key, is unverifiable (neither right nor wrong)', () => {
    const edl: JsonObject = { signedMeterData: Buffer.from('<?xml version="1.0"?><values/>').toString('base64'), signingMethod: 'RSA', encodingMethod: 'EDL', publicKey: '' };
    expect(verifySignedMeterValue(edl, key.publicKeyBase64).status).to.equal('unverifiable');
    const noKey = signMeterReading(reading, key, false);
    expect(noKey['publicKey']).to.equal('');
    expect(verifySignedMeterValue(noKey, undefined).status).to.equal('unverifiable');
    expect(verifySignedMeterValue(noKey, key.publicKeyBase64).status).to.equal('verified');
  });

  it('public keys are read as Base64 DER, hex DER or PEM', () => {
    const der = Buffer.from(key.publicKeyBase64, 'base64');
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    expect(parsePublicKey(key.publicKeyBase64)).to.not.equal(undefined);
    expect(parsePublicKey(der.toString('hex'))).to.not.equal(undefined);
    expect(parsePublicKey(publicKey.export({ type: 'spki', format: 'pem' }).toString())).to.not.equal(undefined);
    expect(parsePublicKey('')).to.equal(undefined);
    expect(parsePublicKey('zz-not-a-key')).to.equal(undefined);
  });
});
