/**
 * Where a station connects (pure): `<prefix>/<identity>`.
 *
 * OCPP-J 2.0.1 Part 4 §3.1.1 (1.6 OCPP-J §3.1.1 alike): the connection URL is the endpoint URL
 * plus '/' plus the station identity, percent-encoded as needed (RFC 3986); the identity is at
 * most 48 characters. §3.2: a CSMS that does not recognise the identity SHOULD answer HTTP 404.
 * We answer 404 when the path is not a station URL or the station is unknown, and 400 when the
 * identity is there but malformed (bad percent-encoding, too long, a '/' once decoded, or refused
 * by the injected format check).
 */
import { maxIdentityLength } from '../constants.js';

export type StationPathResult =
  | { ok: true; identity: string }
  | { ok: false; status: 400 | 404; reason: string };

/** '/ocpp/' → '/ocpp', '' or '/' → '' (stations then connect at '/<identity>'). */
export function normalizePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Extract the station identity from a request path (the query string already removed).
 * `isValidIdentity` lets the caller add the OCPP identifierString rule without this layer
 * depending on src/protocol.
 */
export function parseStationPath(
  pathname: string,
  prefix: string,
  isValidIdentity?: (identity: string) => boolean,
): StationPathResult {
  const base = normalizePathPrefix(prefix);
  if (!pathname.startsWith(`${base}/`)) {
    return { ok: false, status: 404, reason: `path ${pathname} is not under ${base === '' ? '/' : base}/<identity>` };
  }
  const raw = pathname.slice(base.length + 1);
  if (raw === '') return { ok: false, status: 404, reason: 'no station identity in the path' };
  if (raw.includes('/')) return { ok: false, status: 404, reason: `path ${pathname} has more than one segment after ${base}/` };
  let identity: string;
  try {
    identity = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400, reason: `station identity "${raw}" is not valid percent-encoding (RFC 3986 §2.1)` };
  }
  if (identity === '') return { ok: false, status: 404, reason: 'no station identity in the path' };
  const length = [...identity].length;
  if (length > maxIdentityLength) {
    return { ok: false, status: 400, reason: `station identity is ${length} characters; at most ${maxIdentityLength} allowed (OCPP-J Part 4 §3.1.1)` };
  }
  if (identity.includes('/')) return { ok: false, status: 400, reason: 'station identity contains "/" once percent-decoded' };
  if (isValidIdentity !== undefined && !isValidIdentity(identity)) {
    return { ok: false, status: 400, reason: `station identity "${identity}" is not a valid identifierString` };
  }
  return { ok: true, identity };
}
