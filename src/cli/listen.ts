/**
 * `--listen` values of the commands that open a server (run as CSMS, sim csms): one parser so
 * both accept the same forms and say the same thing when a value is wrong.
 */
import { HarnessError } from '../errors.js';

/** `host:port`, `[v6]:port`, `:port` or `port`. */
export function parseListen(text: string, flag = '--listen'): { host: string; port: number } {
  const t = text.trim();
  const v6 = /^\[([^\]]+)\]:(\d+)$/.exec(t);
  if (v6 !== null) return { host: v6[1] ?? '::1', port: port(v6[2] ?? '', flag) };
  const colon = t.lastIndexOf(':');
  const host = colon <= 0 ? '127.0.0.1' : t.slice(0, colon);
  const portText = colon < 0 ? t : t.slice(colon + 1);
  if (host.includes(':') || !/^\d+$/.test(portText)) {
    throw new HarnessError('E_USAGE', `${flag} must be host:port, got "${text}"`, { hint: `e.g. ${flag} 127.0.0.1:9000, ${flag} 0.0.0.0:0 or ${flag} [::1]:9000` });
  }
  return { host, port: port(portText, flag) };
}

/** A TCP port number 0–65535 given on the command line (0 = any free port). */
export function port(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new HarnessError('E_USAGE', `${flag}: "${text}" is not a port number (0–65535)`);
  return n;
}
