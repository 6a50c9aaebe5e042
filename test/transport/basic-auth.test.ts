import { expect } from 'chai';
import {
  basicAuthorizationHeader,
  checkBasicCredentials,
  parseBasicAuthorization,
  passwordMatches,
} from '../../src/transport/basic-auth.js';

describe('transport/basic-auth', () => {
  it('round-trips a header built by the client', () => {
    const parsed = parseBasicAuthorization(basicAuthorizationHeader('CP001', 'pa:ss word'));
    expect(parsed.ok).to.be.true;
    if (!parsed.ok) return;
    expect(parsed.credentials.username).to.equal('CP001');
    // only the first colon separates: the password may contain colons (RFC 7617 §2)
    expect(parsed.credentials.password.toString()).to.equal('pa:ss word');
  });

  it('reports missing, non-Basic and malformed headers', () => {
    expect(parseBasicAuthorization(undefined)).to.deep.equal({ ok: false, reason: 'missing' });
    expect(parseBasicAuthorization('Bearer abc')).to.deep.equal({ ok: false, reason: 'not-basic' });
    expect(parseBasicAuthorization(`Basic ${Buffer.from('nocolon').toString('base64')}`)).to.deep.equal({ ok: false, reason: 'malformed' });
  });

  it('refuses a username containing a colon when building the header', () => {
    expect(() => basicAuthorizationHeader('a:b', 'x')).to.throw(RangeError);
  });

  it('checks username = identity (A00.FR.204) and the password', () => {
    const creds = { username: 'CP001', password: Buffer.from('secret-password-1') };
    expect(checkBasicCredentials('CP001', creds, { password: 'secret-password-1' })).to.deep.equal({ ok: true });
    expect(checkBasicCredentials('CP002', creds, { password: 'secret-password-1' })).to.deep.equal({ ok: false, reason: 'username' });
    expect(checkBasicCredentials('CP001', creds, { password: 'secret-password-2' })).to.deep.equal({ ok: false, reason: 'password' });
  });

  it('accepts a 40-hex AuthorizationKey as hex text or as its 20 raw bytes, only when configured so', () => {
    const key = '00112233445566778899aabbccddeeff01234567';
    const raw = Buffer.from(key, 'hex');
    expect(raw.length).to.equal(20);
    const hexFormat = { password: key, format: 'authorization-key-hex' as const };
    expect(passwordMatches(Buffer.from(key), hexFormat)).to.be.true;
    expect(passwordMatches(raw, hexFormat)).to.be.true;
    expect(passwordMatches(raw, { password: key })).to.be.false;
    expect(passwordMatches(Buffer.from(key.replace('0', '1')), hexFormat)).to.be.false;
    expect(() => passwordMatches(raw, { password: 'xyz', format: 'authorization-key-hex' })).to.throw(RangeError);
  });
});
