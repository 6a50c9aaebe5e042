/**
 * How a live payload is held against the recorded one: equal, except where a replay cannot be
 * equal by nature — timestamps (any valid date-time matches any other: the recording is from
 * another day), ids the DUT assigns afresh per session, and the fields the user listed.
 */
import { checkDateTime } from '../protocol/formats.js';

/** Fields whose values a DUT assigns anew on every run (ids); compared only for presence. */
export const defaultIgnoredFields: readonly string[] = ['transactionId', 'requestId', 'remoteStartId', 'reservationId', 'certificateHashData'];

export interface Difference {
  path: string;
  recorded: unknown;
  live: unknown;
}

const isDateTime = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) && checkDateTime('2.0.1', v, '').every((f) => f.severity !== 'error');

/** The differences between `recorded` and `live`, with `ignore` (leaf names or dotted paths) and the built-in tolerances. */
export function differences(recorded: unknown, live: unknown, ignore: readonly string[], path = ''): Difference[] {
  const leaf = path.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? '';
  if (path !== '' && (ignore.includes(path) || ignore.includes(leaf) || defaultIgnoredFields.includes(leaf))) return [];
  if (isDateTime(recorded) && isDateTime(live)) return [];
  if (Array.isArray(recorded) || Array.isArray(live)) {
    if (!Array.isArray(recorded) || !Array.isArray(live) || recorded.length !== live.length) return [{ path: path || '(payload)', recorded, live }];
    return recorded.flatMap((r, i) => differences(r, live[i], ignore, `${path}[${i}]`));
  }
  if (recorded !== null && typeof recorded === 'object' && live !== null && typeof live === 'object') {
    const keys = new Set([...Object.keys(recorded), ...Object.keys(live)]);
    return [...keys].flatMap((k) => differences((recorded as Record<string, unknown>)[k], (live as Record<string, unknown>)[k], ignore, path === '' ? k : `${path}.${k}`));
  }
  return Object.is(recorded, live) ? [] : [{ path: path || '(payload)', recorded, live }];
}

export function describeDifferences(diffs: readonly Difference[]): string {
  return diffs.slice(0, 5).map((d) => `${d.path}: recorded ${JSON.stringify(d.recorded)}, live ${JSON.stringify(d.live)}`).join('; ') + (diffs.length > 5 ? ` (+${diffs.length - 5} more)` : '');
}
