/**
 * HTTP Basic authentication for OCPP security profiles 1 and 2 (pure).
 *
 * 1.6 Security Whitepaper §2.3 (and OCPP 2.0.1 Part 2 A00.FR.2xx): the station sends
 * `Authorization: Basic base64(<identity>:<password>)` with every connection request
 * (A00.FR.202/203); the username SHALL equal the station identity as used in the connection URL
 * (A00.FR.204). The 1.6 AuthorizationKey (A00.FR.205, configuration key §7.2) is "hexadecimal
 * represented (20 bytes maximum, represented as a string of up to 40 hexadecimal digits)", and
 * stations differ on whether they send the hex text or the bytes it stands for, so a verifier
 * configured that way accepts both.
 *
 * Passwords stay in Buffers, are compared in constant time and are never returned in messages.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface BasicCredentials {
  username: string;
  /** Raw password bytes: a 1.6 AuthorizationKey may be binary, not valid UTF-8. */
  password: Buffer;
}

export type BasicAuthParseResult =
  | { ok: true; credentials: BasicCredentials }
  | { ok: false; reason: 'missing' | 'not-basic' | 'malformed' };

export function parseBasicAuthorization(header: string | undefined): BasicAuthParseResult {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  // RFC 7617 §2: auth-scheme is case-insensitive, then one space, then token68.
  const match = /^\s*basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (match === null) return /^\s*basic\b/i.test(header) ? { ok: false, reason: 'malformed' } : { ok: false, reason: 'not-basic' };
  const decoded = Buffer.from(match[1] ?? '', 'base64');
  const colon = decoded.indexOf(0x3a);
  if (colon < 0) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    credentials: { username: decoded.subarray(0, colon).toString('utf8'), password: Buffer.from(decoded.subarray(colon + 1)) },
  };
}

/** The client's header value. A colon in the username cannot be expressed (RFC 7617 §2). */
export function basicAuthorizationHeader(username: string, password: string | Buffer): string {
  if (username.includes(':')) throw new RangeError('a Basic auth username cannot contain ":" (RFC 7617 §2)');
  const pass = typeof password === 'string' ? Buffer.from(password, 'utf8') : password;
  return `Basic ${Buffer.concat([Buffer.from(`${username}:`, 'utf8'), pass]).toString('base64')}`;
}

/** Constant-time equality that does not leak the length either: compare fixed-size digests. */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

export interface ExpectedPassword {
  password: string | Buffer;
  /**
   * 'authorization-key-hex': `password` is a 1.6 AuthorizationKey written as up to 40 hex digits;
   * accept either that text or the bytes it encodes.
   */
  format?: 'text' | 'authorization-key-hex';
}

const authorizationKeyHex = /^(?:[0-9a-fA-F]{2}){1,20}$/;

/** True when the presented password matches. Every candidate is compared, so timing does not reveal which form matched. */
export function passwordMatches(presented: Buffer, expected: ExpectedPassword): boolean {
  const text = typeof expected.password === 'string' ? Buffer.from(expected.password, 'utf8') : expected.password;
  const candidates = [text];
  if (expected.format === 'authorization-key-hex') {
    const hex = text.toString('latin1');
    if (!authorizationKeyHex.test(hex)) throw new RangeError('AuthorizationKey must be 2 to 40 hex digits, an even count');
    candidates.push(Buffer.from(hex, 'hex'));
  }
  let match = false;
  for (const candidate of candidates) match = constantTimeEqual(presented, candidate) || match;
  return match;
}

/**
 * 1.6 Security Whitepaper A00.FR.204: the username must be the identity from the URL. Checked separately from the
 * password so a rejection can say which part was wrong without revealing anything secret.
 */
export function checkBasicCredentials(
  identity: string,
  credentials: BasicCredentials,
  expected: ExpectedPassword,
): { ok: true } | { ok: false; reason: 'username' | 'password' } {
  const userOk = credentials.username === identity;
  const passOk = passwordMatches(credentials.password, expected);
  if (!userOk) return { ok: false, reason: 'username' };
  return passOk ? { ok: true } : { ok: false, reason: 'password' };
}
