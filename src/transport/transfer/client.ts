/**
 * The file client of the simulated stations and of the harness playing a station: download a firmware image, upload a log or diagnostics
 * file, over http(s) (node:http / node:https) or ftp (basic-ftp, MIT, maintained, Node 20).
 * Every call resolves to an outcome, never throws: the station turns a failure into its
 * DownloadFailed / UploadFailed status. Credentials come from the URL (user:password@host).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, Readable } from 'node:stream';
import { Client as FtpClient } from 'basic-ftp';

export type TransferOutcome<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface TransferClientOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Trusted CAs (PEM) for https. */
  ca?: string | string[];
}

const defaultTimeoutMs = 15_000;

function parse(location: string): URL | undefined {
  try {
    return new URL(location);
  } catch {
    return undefined;
  }
}

function authHeader(url: URL): Record<string, string> {
  if (!url.username) return {};
  const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return { Authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

function httpCall(url: URL, method: string, headers: Record<string, string>, body: Buffer | undefined, options: TransferClientOptions): Promise<TransferOutcome<Buffer>> {
  return new Promise((resolve) => {
    const target = new URL(url.toString());
    target.username = '';
    target.password = '';
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method, headers: { ...authHeader(url), ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }, ...(options.ca ? { ca: options.ca } : {}), timeout: options.timeoutMs ?? defaultTimeoutMs }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve(status >= 200 && status < 300 ? { ok: true, value: Buffer.concat(chunks) } : { ok: false, reason: `HTTP ${status}` });
      });
      res.on('error', (err) => resolve({ ok: false, reason: err.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ ok: false, reason: err.message }));
    req.end(body);
  });
}

async function withFtp<T>(url: URL, options: TransferClientOptions, work: (client: FtpClient) => Promise<T>): Promise<TransferOutcome<T>> {
  const client = new FtpClient(options.timeoutMs ?? defaultTimeoutMs);
  try {
    await client.access({ host: url.hostname, port: url.port ? Number(url.port) : 21, user: decodeURIComponent(url.username || 'anonymous'), password: decodeURIComponent(url.password || 'guest'), secure: false });
    return { ok: true, value: await work(client) };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    client.close();
  }
}

/** GET the file at `location` (http, https, ftp). */
export async function download(location: string, options: TransferClientOptions = {}): Promise<TransferOutcome<Buffer>> {
  const url = parse(location);
  if (!url) return { ok: false, reason: `not a URL: ${location}` };
  if (url.protocol === 'http:' || url.protocol === 'https:') return httpCall(url, 'GET', {}, undefined, options);
  if (url.protocol === 'ftp:') {
    return withFtp(url, options, async (client) => {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c: Buffer) => chunks.push(c));
      await client.downloadTo(sink, decodeURIComponent(url.pathname));
      return Buffer.concat(chunks);
    });
  }
  return { ok: false, reason: `unsupported scheme ${url.protocol}` };
}

export interface UploadOptions extends TransferClientOptions {
  /** http(s): PUT the body (default) or POST it as multipart/form-data. */
  method?: 'PUT' | 'POST';
}

/**
 * Upload `content` as `fileName` to `location`. FTP: a location ending in '/' is a directory the
 * file goes into; otherwise the path names the file. HTTP: the location is the target as given.
 */
export async function upload(location: string, fileName: string, content: Buffer, options: UploadOptions = {}): Promise<TransferOutcome<void>> {
  const url = parse(location);
  if (!url) return { ok: false, reason: `not a URL: ${location}` };
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if ((options.method ?? 'PUT') === 'PUT') {
      const r = await httpCall(url, 'PUT', { 'Content-Type': 'application/octet-stream' }, content, options);
      return r.ok ? { ok: true, value: undefined } : r;
    }
    const boundary = `----ocppconform${Date.now().toString(16)}`;
    const safeName = fileName.replace(/["\r\n]/g, '_');
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await httpCall(url, 'POST', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body, options);
    return r.ok ? { ok: true, value: undefined } : r;
  }
  if (url.protocol === 'ftp:') {
    const path = decodeURIComponent(url.pathname);
    const target = path.endsWith('/') ? `${path}${fileName}` : path;
    const r = await withFtp(url, options, async (client) => {
      await client.uploadFrom(Readable.from([content]), target);
    });
    return r.ok ? { ok: true, value: undefined } : r;
  }
  return { ok: false, reason: `unsupported scheme ${url.protocol}` };
}
