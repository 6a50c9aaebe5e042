/**
 * Is an idToken value plausible for its type (OCPP 2.0.1 Part 2 IdTokenEnumType, appendix 2.7)?
 * Issue #11: the old defaults ("VALID-TOKEN-01" typed ISO14443) were refused by a CSMS that checks
 * the format. Used by the preflight to warn about configured tokens; the defaults pass it.
 */
const hex = (lengths: readonly number[]) => (v: string): boolean => /^[0-9A-Fa-f]+$/.test(v) && lengths.includes(v.length);

const rules: Record<string, { ok: (v: string) => boolean; what: string }> = {
  // ISO/IEC 14443-3: single, double or triple size UID = 4, 7 or 10 bytes, as hex.
  ISO14443: { ok: hex([8, 14, 20]), what: 'a 4, 7 or 10 byte UID in hex (8, 14 or 20 hex digits)' },
  // ISO/IEC 15693: 8 byte UID.
  ISO15693: { ok: hex([16]), what: 'an 8 byte UID in hex (16 hex digits)' },
  // ISO 15118 / DIN 91286 eMAID: country, provider, instance (+ check digit), dashes optional.
  eMAID: { ok: (v) => /^[A-Za-z]{2}-?[A-Za-z0-9]{3}-?[A-Za-z0-9]{9}(-?[A-Za-z0-9])?$/.test(v), what: 'an eMAID such as DE-ABC-C12345678-X' },
  MacAddress: { ok: (v) => /^([0-9A-Fa-f]{2}[:-]?){5}[0-9A-Fa-f]{2}$/.test(v), what: 'a MAC address (12 hex digits)' },
  KeyCode: { ok: (v) => /^[0-9A-Za-z]+$/.test(v), what: 'a key code (letters and digits)' },
  NoAuthorization: { ok: (v) => v === '', what: 'the empty string' },
};

/** Undefined when fine (or the type sets no format: Central, Local …), else what the value should look like. */
export function idTokenFormatProblem(token: { idToken: string; type: string }): string | undefined {
  if (token.idToken.length > 36) return 'longer than 36 characters (IdTokenType.idToken is string[0..36]; a 1.6 idTag: 20)';
  const rule = rules[token.type];
  if (!rule || rule.ok(token.idToken)) return undefined;
  return `type ${token.type} needs ${rule.what}`;
}
