/**
 * Value checks of the format layer (src/protocol/formats.ts): RFC 3339 date-times and the 32-bit
 * integer range. Split out so the compiled schema walk (format-schema.ts) can use them without
 * an import cycle; formats.ts re-exports them.
 */
import { finding } from './findings.js';
import type { Finding, FindingSeverity } from './findings.js';
import type { OcppVersion } from './versions.js';

// ---------------------------------------------------------------------------------------------
// date-time

/**
 * RFC 3339 §5.6 `date-time`: full-date "T" full-time, where full-time requires a time-offset
 * (`Z` or `±hh:mm`). JSON Schema's `format: date-time` means exactly this (draft-04 §7.3.1,
 * draft-06 §8.3.1), and the OCA schemas mark every OCPP dateTime field with it. OCPP 1.6
 * edition 2 §3.15 asks for ISO 8601 and says receivers must cope with fractions and offsets;
 * a value without an offset is local time of unknown zone, which neither side can interpret.
 * RFC 3339 §5.6 allows lower-case `t` and `z`; we accept them.
 */
const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-](\d{2}):(\d{2}))$/;
const rfc3339WithoutOffset = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

/**
 * Fractional seconds: at most 3 digits. OCPP 2.0.1 and 2.1 limit the decimal places of dateTime
 * seconds to 3 in the Part 2 primitive datatypes table; that Part 2 body is not among the
 * documents in ../shared/spec (only the appendices are), so we cannot cite the clause from the text
 * we ship with, and report it as a `warning` rather than a non-conformance. 1.6 (edition 2 §3.15)
 * sets no limit: a warning too, since many receivers (and OCTT) parse milliseconds only.
 * Flip a version to 'error' here once the clause can be cited.
 */
const fractionSeverity: Record<OcppVersion, FindingSeverity> = { '1.6': 'warning', '2.0.1': 'warning', '2.1': 'warning' };
export const maxFractionDigits = 3;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Check one date-time string; `path` is its JSON pointer in the payload. */
export function checkDateTime(version: OcppVersion, value: string, path: string): Finding[] {
  const m = rfc3339.exec(value);
  if (!m) {
    const why = rfc3339WithoutOffset.test(value)
      ? 'has no time-zone designator (Z or ±hh:mm)'
      : 'is not an RFC 3339 date-time (yyyy-mm-ddThh:mm:ss[.fff](Z|±hh:mm))';
    return [finding('format', 'format.dateTime', `${path}: ${JSON.stringify(value)} ${why}`, { path })];
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  const inRange =
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 &&
    second <= 60 && // RFC 3339 §5.6: 60 for a leap second
    n(9) <= 23 && n(10) <= 59; // offset hours and minutes
  if (!inRange) {
    return [finding('format', 'format.dateTime', `${path}: ${JSON.stringify(value)} is not a valid calendar date-time`, { path })];
  }
  const fraction = m[7];
  if (fraction !== undefined && fraction.length > maxFractionDigits) {
    const severity = fractionSeverity[version];
    const why = version === '1.6'
      ? 'OCPP 1.6 sets no limit, but receivers commonly parse at most milliseconds'
      : `OCPP ${version} limits dateTime to 3 decimal places of seconds (Part 2 primitive datatypes)`;
    return [finding('format', 'format.dateTime.fraction', `${path}: ${JSON.stringify(value)} has ${fraction.length} fractional-second digits; ${why}`, { path, severity })];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// integers

/**
 * OCPP integers are 32-bit signed: 2.0.1/2.1 Part 2 primitive datatypes define integer as 32 bit;
 * 1.6 inherits `xs:int` from its SOAP/WSDL definition (the OCPP-J 1.6 errata §2.1 names the WSDLs
 * as the reference the JSON schemas must agree with). The JSON schemas say only `integer`.
 */
export const int32Min = -(2 ** 31);
export const int32Max = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------
// the fast path of date-time

/**
 * Only date-times on which `checkDateTime` finds nothing: every field in range by construction,
 * days 01–28 (valid in every month; 29–31 take the full check), at most 3 fractional digits.
 * One `test`, no match array and no number parsing (issue #14).
 */
const cleanDateTime = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])[Tt](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d{1,3})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * True only for a date-time on which `checkDateTime` finds nothing. False means "ask
 * checkDateTime", which then names the problem: the fast path never decides a finding, so the
 * findings are exactly those of checkDateTime.
 */
export function isCleanDateTime(s: string): boolean {
  return cleanDateTime.test(s);
}
