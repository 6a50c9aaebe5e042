/**
 * Preflight (issue #12): every URL, port, file, TLS option, report folder and reporter name a
 * command was given is checked before any socket is opened, so a typo costs a second and exit 2
 * naming the flag and the fix, not a run where every case waits out the connect timeout or a
 * report folder found unwritable after the whole run.
 *
 * The URL and flag checks are pure; the file and folder checks touch the file system only to
 * read (`access`, `stat`) and, for the report folder, to create it and write one probe file.
 */
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { HarnessError } from '../errors.js';
import { parseListen } from './listen.js';
import { parseReporterNames } from './reporters.js';

/** A CSMS URL taken apart: the URL to dial without credentials, and the credentials it carried. */
export interface CsmsEndpoint {
  /** ws:// or wss:// URL with any user:password@ removed: the only form ever printed or reported. */
  url: string;
  /** OCPP-J security profile 1/2: the Basic auth username is the station identity. */
  username?: string;
  password?: string;
}

/**
 * Check a CSMS endpoint URL and take its userinfo out (`ws://CP001:PW@host/ocpp`). OCPP 1.6
 * Security Whitepaper A00.FR.204 and 2.0.1 Part 4 §3.1.1: the Basic auth username is the
 * charging station identity, so a username that differs from the identity is refused.
 */
export function parseCsmsUrl(text: string, flag = '--csms-url'): CsmsEndpoint {
  const example = `e.g. ${flag} ws://csms.example:9000/ocpp`;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // Never echo the text: it may carry a password.
    throw new HarnessError('E_USAGE', `${flag} is not a valid URL (${describe(text)})`, { hint: `${example} (a port must be 1–65535)` });
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new HarnessError('E_USAGE', `${flag} must be a ws:// or wss:// URL, got ${url.protocol}//`, { hint: `OCPP-J runs over WebSocket: ${example}` });
  }
  if (url.hostname === '') throw new HarnessError('E_USAGE', `${flag} has no host name`, { hint: example });
  if (url.hash !== '') throw new HarnessError('E_USAGE', `${flag} must not have a #fragment`, { hint: example });
  const out: CsmsEndpoint = { url: '' };
  if (url.username !== '') out.username = decodeURIComponent(url.username);
  if (url.password !== '') out.password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  out.url = url.toString();
  return out;
}

function describe(text: string): string {
  const t = text.trim();
  if (t === '') return 'empty';
  return t.includes('@') ? 'the text is not shown: it may contain a password' : `"${t.length > 80 ? `${t.slice(0, 80)}…` : t}"`;
}

/** The station identity and password a run uses, reconciled with the URL's userinfo. */
export function credentialsFrom(endpoint: CsmsEndpoint, given: { stationId?: string; password?: string }): { stationId?: string; password?: string } {
  if (endpoint.username !== undefined && given.stationId !== undefined && endpoint.username !== given.stationId) {
    throw new HarnessError('E_USAGE', `--csms-url names user "${endpoint.username}" but the station identity is "${given.stationId}"`, {
      hint: 'OCPP-J Basic auth uses the station identity as the username: drop the user from the URL or make it equal --station-id',
    });
  }
  if (endpoint.password !== undefined && given.password !== undefined && endpoint.password !== given.password) {
    throw new HarnessError('E_USAGE', '--csms-url carries a password that differs from --password / OCPP_CONFORM_PASSWORD', { hint: 'give the password once (prefer OCPP_CONFORM_PASSWORD)' });
  }
  const stationId = given.stationId ?? endpoint.username;
  const password = given.password ?? endpoint.password;
  return { ...(stationId === undefined ? {} : { stationId }), ...(password === undefined ? {} : { password }) };
}

/** Files named by flags: each must exist, be a file and be readable. */
export async function checkInputFiles(files: Array<[flag: string, file: string | undefined]>, cwd: string): Promise<void> {
  for (const [flag, file] of files) {
    if (file === undefined) continue;
    const abs = path.resolve(cwd, file);
    let isFile = false;
    try {
      isFile = (await stat(abs)).isFile();
      await access(abs, constants.R_OK);
    } catch {
      throw new HarnessError('E_USAGE', `${flag} ${file}: no readable file there`, { hint: `check the path (relative to ${cwd})` });
    }
    if (!isFile) throw new HarnessError('E_USAGE', `${flag} ${file} is not a file`, { hint: `${flag} takes a file` });
  }
}

/** TLS flags that only work together. */
export function checkTlsFlags(o: { sut: 'cs' | 'csms'; cert?: string; key?: string }): void {
  if ((o.cert === undefined) !== (o.key === undefined)) {
    const missing = o.cert === undefined ? '--cert' : '--key';
    throw new HarnessError('E_TLS_OPTIONS', `${o.cert === undefined ? '--key' : '--cert'} needs ${missing} as well`, {
      hint: o.sut === 'cs' ? 'the harness-as-CSMS serves TLS with --cert and its --key' : 'a client certificate (security profile 3) needs --cert and its --key',
    });
  }
}

/**
 * The report folder: created, and proven writable by writing and removing a probe file, so an
 * unwritable or non-directory `--report-dir` stops the command before the run, not after it.
 */
export async function prepareReportDir(dir: string, flag = '--report-dir'): Promise<void> {
  const notAFolder = (): HarnessError => new HarnessError('E_USAGE', `${flag} ${dir} is not a folder`, { hint: 'choose a folder, e.g. --report-dir reports/latest' });
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw notAFolder();
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new HarnessError('E_USAGE', `${flag} ${dir}: cannot create the folder (${codeOf(err)})`, { hint: 'choose a folder you can write to, e.g. --report-dir reports/latest' });
  }
  if (!(await stat(dir)).isDirectory()) throw notAFolder();
  const probe = path.join(dir, `.ocpp-conform-write-test-${process.pid}`);
  try {
    await writeFile(probe, 'ok');
  } catch (err) {
    throw new HarnessError('E_USAGE', `${flag} ${dir}: cannot write there (${codeOf(err)})`, { hint: 'choose a folder you can write to, or fix its permissions' });
  } finally {
    await rm(probe, { force: true });
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

export interface RunPreflightInput {
  sut: 'cs' | 'csms';
  listen: string;
  path: string;
  csmsUrl?: string;
  stationId?: string;
  password?: string;
  ca?: string;
  cert?: string;
  key?: string;
  reporter: string[];
  reportDir: string;
}

export interface RunPreflight {
  /** SUT = csms: the URL to dial (userinfo removed) and the credentials it carried. */
  csms?: CsmsEndpoint;
  listen?: { host: string; port: number };
  stationId?: string;
  password?: string;
}

/** Everything of `run` that can be checked before the catalogue is loaded and a socket opened. */
export async function preflightRun(o: RunPreflightInput, cwd: string): Promise<RunPreflight> {
  parseReporterNames(o.reporter);
  checkTlsFlags(o);
  await checkInputFiles([['--ca', o.ca], ['--cert', o.cert], ['--key', o.key]], cwd);
  const out: RunPreflight = {};
  if (o.sut === 'cs') {
    out.listen = parseListen(o.listen);
    if (!o.path.startsWith('/')) throw new HarnessError('E_USAGE', `--path must start with "/", got "${o.path}"`, { hint: 'e.g. --path /ocpp' });
    if (o.csmsUrl !== undefined) throw new HarnessError('E_USAGE', '--csms-url is for --sut csms (the harness dials the CSMS)', { hint: 'with --sut cs the station connects to --listen' });
  } else {
    if (o.csmsUrl === undefined) throw new HarnessError('E_USAGE', '--sut csms needs --csms-url', { hint: 'e.g. --csms-url ws://csms.example:9000/ocpp' });
    out.csms = parseCsmsUrl(o.csmsUrl);
    Object.assign(out, credentialsFrom(out.csms, { ...(o.stationId === undefined ? {} : { stationId: o.stationId }), ...(o.password === undefined ? {} : { password: o.password }) }));
  }
  await prepareReportDir(path.resolve(cwd, o.reportDir));
  return out;
}
