/**
 * Payload matching for expectations: a partial deep match (every key of the pattern must be in
 * the payload with a matching value; arrays match element by element) or a predicate.
 */
import type { JsonObject } from '../protocol/frames.js';
import type { PayloadMatch } from './context-types.js';

export function matches(payload: JsonObject, match: PayloadMatch | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') {
    try {
      return match(payload);
    } catch {
      return false;
    }
  }
  return subset(payload, match);
}

export function subset(actual: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return Object.is(actual, pattern);
  if (Array.isArray(pattern)) {
    return Array.isArray(actual) && pattern.every((p: unknown, i) => subset(actual[i], p));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const a = actual as Record<string, unknown>;
  return Object.entries(pattern as Record<string, unknown>).every(([k, v]) => (v === undefined ? !(k in a) : subset(a[k], v)));
}

export function describeMatch(match: PayloadMatch | undefined, describe?: string): string {
  if (describe) return describe;
  if (match === undefined) return 'any payload';
  if (typeof match === 'function') return 'a payload satisfying the case condition';
  return `payload containing ${JSON.stringify(match)}`;
}

/** Payload text for reports, shortened. */
export function brief(value: unknown, max = 300): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
