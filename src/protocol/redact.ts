/**
 * Secrets in OCPP-J frame text, masked before a frame is stored (DESIGN.md: "Secrets never appear
 * in reports or logs"). Pure: text in, text out; no I/O. The wire log applies it to every frame
 * (transport/wire-log.ts `addRedactor`), so traces and reports only ever see the masked text.
 *
 * Masked, wherever they appear in a frame (CALL payload, CALLRESULT, CALLERROR details):
 * - 1.6 (Security Whitepaper) AuthorizationKey: `{ key: "AuthorizationKey", value }` in
 *   ChangeConfiguration.req and in GetConfiguration.conf `configurationKey` entries;
 * - 2.0.1/2.1 `SecurityCtrlr.BasicAuthPassword`: `attributeValue` in SetVariables.req
 *   `setVariableData` and GetVariables.conf `getVariableResult`, `variableAttribute[].value` in
 *   NotifyReport `reportData`;
 * - SetNetworkProfile secrets: `basicAuthPassword` (2.1), APN `apnPassword`, VPN `password` and `key`;
 * - PEM private key blocks ("-----BEGIN … PRIVATE KEY-----") in any string.
 * A frame that is not JSON gets the PEM and `"…password": "…"` patterns masked textually.
 * Masking keeps the frame valid JSON; unchanged frames are returned byte for byte.
 */

import { textDepthExceeds, walkJson, type JsonContainer } from './walk.js';

export const redactedMark = '[redacted]';

const pemPrivateKey = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;
const secretKeys = new Set(['basicauthpassword', 'password', 'apnpassword']);

function sameName(value: unknown, name: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === name.toLowerCase();
}

function nameOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['name'] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

class Masker {
  readonly secrets: string[] = [];
  changed = false;

  mask(obj: Record<string, unknown>, key: string): void {
    const value = obj[key];
    if (typeof value !== 'string' || value === redactedMark) return;
    if (value !== '') this.secrets.push(value);
    obj[key] = redactedMark;
    this.changed = true;
  }

  string(value: string): string {
    if (!value.includes('PRIVATE KEY-----')) return value;
    const out = value.replace(pemPrivateKey, (block, kind: string) => {
      this.secrets.push(block);
      return `-----BEGIN ${kind}PRIVATE KEY-----\n${redactedMark}\n-----END ${kind}PRIVATE KEY-----`;
    });
    if (out !== value) this.changed = true;
    return out;
  }

  /** Masks in place, iteratively (protocol/walk.ts); false when the frame nests too deep to inspect whole. */
  walk(root: unknown): boolean {
    const { complete } = walkJson(root, ({ value, parent, key }) => {
      if (typeof value === 'string') {
        if (parent !== undefined && key !== undefined) setChild(parent, key, this.string(value));
        return undefined;
      }
      if (!isObject(value)) return undefined;
      this.object(value);
      return undefined;
    });
    return complete;
  }

  private object(value: Record<string, unknown>): void {
    // 1.6 configuration key/value pair (ChangeConfiguration.req, GetConfiguration.conf).
    if (sameName(value['key'], 'AuthorizationKey')) this.mask(value, 'value');
    // 2.0.1/2.1 device model variable SecurityCtrlr.BasicAuthPassword.
    if (sameName(nameOf(value['component']), 'SecurityCtrlr') && sameName(nameOf(value['variable']), 'BasicAuthPassword')) {
      this.mask(value, 'attributeValue');
      const attributes = value['variableAttribute'];
      if (Array.isArray(attributes)) for (const a of attributes) if (isObject(a)) this.mask(a, 'value');
    }
    // SetNetworkProfile VPNType: its shared secret is called `key`.
    if (typeof value['server'] === 'string' && typeof value['user'] === 'string' && 'key' in value) this.mask(value, 'key');
    for (const k of Object.keys(value)) if (secretKeys.has(k.toLowerCase())) this.mask(value, k);
  }
}

function setChild(parent: JsonContainer, key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else parent[key as string] = value;
}

/** Mask the secrets of one frame. `secrets` lists the original values masked (for scrubbing elsewhere). */
export function redactFrameText(text: string): { text: string; secrets: string[] } {
  // Cheap pre-check: most frames carry none of the names we look for.
  if (!/AuthorizationKey|BasicAuthPassword|assword|PRIVATE KEY|"key"/i.test(text)) return { text, secrets: [] };
  // Nested deeper than we inspect: JSON.parse copes, but re-serialising may not (V8's
  // JSON.stringify recurses): never build a tree we cannot write back.
  if (textDepthExceeds(text)) return redactUnparsed(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redactUnparsed(text);
  }
  const masker = new Masker();
  // Too deep to inspect whole (and to re-serialise safely): mask what the text itself shows.
  if (!masker.walk(parsed)) return redactUnparsed(text);
  return masker.changed ? { text: JSON.stringify(parsed), secrets: masker.secrets } : { text, secrets: [] };
}

/** Not JSON (a corrupt or truncated frame): mask what can be recognised in the text itself. */
function redactUnparsed(text: string): { text: string; secrets: string[] } {
  const secrets: string[] = [];
  let out = text.replace(pemPrivateKey, (block, kind: string) => {
    secrets.push(block);
    return `-----BEGIN ${kind}PRIVATE KEY-----${redactedMark}-----END ${kind}PRIVATE KEY-----`;
  });
  out = out.replace(/("(?:basicAuthPassword|password|apnPassword)"\s*:\s*)"((?:[^"\\]|\\.)*)"/gi, (_m, head: string, value: string) => {
    secrets.push(value);
    return `${head}"${redactedMark}"`;
  });
  // A 1.6 AuthorizationKey pair written key-first, as every implementation we know writes it.
  out = out.replace(/("key"\s*:\s*"AuthorizationKey"\s*,\s*(?:"readonly"\s*:\s*(?:true|false)\s*,\s*)?"value"\s*:\s*)"((?:[^"\\]|\\.)*)"/gi, (_m, head: string, value: string) => {
    secrets.push(value);
    return `${head}"${redactedMark}"`;
  });
  return { text: out, secrets };
}

/**
 * A redactor for one run: masks frames (install `frame` on the wire log) and remembers every
 * secret it masked, plus ones it is told about (the configured Basic auth password), so `scrub`
 * can remove them from any other text (a check's "actual", an error message) before a report.
 */
export interface SecretRedactor {
  frame: (text: string) => string;
  scrub: (text: string) => string;
  learn: (secret: string | undefined) => void;
  readonly secrets: ReadonlySet<string>;
}

/** Secrets shorter than this are not scrubbed from free text: masking "1" everywhere would garble reports. */
export const minScrubLength = 4;

export function createSecretRedactor(initial: Iterable<string | undefined> = []): SecretRedactor {
  const secrets = new Set<string>();
  const learn = (secret: string | undefined): void => {
    if (secret === undefined || secret.length < minScrubLength || secret === redactedMark) return;
    secrets.add(secret);
    // The same secret as it appears inside JSON text (quotes, backslashes, newlines escaped).
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) secrets.add(escaped);
  };
  for (const s of initial) learn(s);
  return {
    secrets,
    learn,
    frame(text) {
      const result = redactFrameText(text);
      for (const s of result.secrets) learn(s);
      return scrubFrame(result.text, secrets);
    },
    scrub(text) {
      return secrets.size === 0 ? text : scrubWith(text, secrets);
    },
  };
}

/** Known secrets inside a frame's string values only, so the frame stays valid JSON ("true" as a password must not hit `true`). */
function scrubFrame(text: string, secrets: ReadonlySet<string>): string {
  if (![...secrets].some((s) => text.includes(s))) return text;
  if (textDepthExceeds(text)) return scrubWith(text, secrets);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrubWith(text, secrets);
  }
  let changed = false;
  const { complete } = walkJson(parsed, ({ value, parent, key }) => {
    if (typeof value !== 'string' || parent === undefined || key === undefined) return undefined;
    const scrubbed = scrubWith(value, secrets);
    if (scrubbed !== value) {
      setChild(parent, key, scrubbed);
      changed = true;
    }
    return undefined;
  });
  // Too deep to walk whole: scrub the text itself (the secret is gone; the JSON may suffer).
  if (!complete) return scrubWith(text, secrets);
  if (typeof parsed === 'string') return JSON.stringify(scrubWith(parsed, secrets));
  return changed ? JSON.stringify(parsed) : text;
}

function scrubWith(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (out.includes(s)) out = out.split(s).join(redactedMark);
  return out;
}
