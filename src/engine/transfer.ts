/**
 * The `transfer` service of a run: loopback file servers (HTTP, HTTPS when the run has a server
 * certificate, FTP) a case hands out URLs of (UpdateFirmware location, GetLog / GetDiagnostics
 * remoteLocation) and then asks what arrived. Started the first time a case asks (`ctx.transfer()`),
 * shared by the cases of the run, shut down when the run ends. Credentials are made per run and
 * told to the secret redactor, so a URL carrying them is masked in every report.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import { FtpFiles } from '../transport/transfer/ftp-files.js';
import { HttpFiles } from '../transport/transfer/http-files.js';
import { TransferRecords, type ReceivedFile, type TransferAttempt, type TransferProtocol } from '../transport/transfer/records.js';

export type { ReceivedFile, TransferAttempt, TransferProtocol };

export interface ServeOptions {
  /** Where to serve it (default http). */
  protocol?: TransferProtocol;
  /** Answer this HTTP status (FTP: 550) instead of the file: a missing or broken download location. */
  failWith?: number;
  /** Put the per-run user and password into the URL (default: only for ftp, which needs a login). */
  credentials?: boolean;
}

export interface UploadOptions {
  protocol?: TransferProtocol;
  /** Refuse uploads to this name with this HTTP status (FTP: 550), to make the station retry. */
  refuseWith?: number;
  credentials?: boolean;
}

/** What a case sees of the run's file servers. */
export interface TransferService {
  /** Offer `content` at `name`; returns the URL to hand to the DUT. Offering a name again replaces it. */
  serve(name: string, content: Buffer | string, options?: ServeOptions): string;
  /** A URL (a directory for FTP / a path for HTTP) the DUT may upload `name` to. */
  uploadUrl(name: string, options?: UploadOptions): string;
  /** Stop refusing uploads to `name`. */
  acceptUploads(name: string): void;
  /** Uploads that arrived whole, oldest first. */
  received(filter?: { name?: string; protocol?: TransferProtocol; since?: number }): ReceivedFile[];
  /** Every request (downloads, uploads, FTP logins), successful or not, oldest first. */
  attempts(filter?: { name?: string; kind?: TransferAttempt['kind']; protocol?: TransferProtocol; since?: number }): TransferAttempt[];
  /** Wait for an upload (matching the filter) that arrived at or after `since` (monotonic ms); undefined at the deadline. */
  waitForUpload(options: { withinMs: number; name?: string; since?: number; signal?: AbortSignal }): Promise<ReceivedFile | undefined>;
  /** Wait until `count` attempts match; returns those seen at the deadline. */
  waitForAttempts(options: { count: number; withinMs: number; name?: string; kind?: TransferAttempt['kind']; since?: number; signal?: AbortSignal }): Promise<TransferAttempt[]>;
  /** Which protocols this run offers (https only with a server certificate). */
  readonly protocols: readonly TransferProtocol[];
}

export interface TransferServersOptions {
  clock: Clock;
  /** Told the generated password, so reports mask it. */
  learnSecret?: (secret: string) => void;
  /** Serve HTTPS with this certificate (PEM text). */
  tls?: { cert: string; key: string };
}

/** The run's servers, started on first use, closed by the run. */
export class TransferServers {
  private started: Promise<TransferService> | undefined;
  private http: HttpFiles | undefined;
  private https: HttpFiles | undefined;
  private ftp: FtpFiles | undefined;
  readonly records: TransferRecords;
  private readonly credentials = { username: 'ocppconform', password: randomBytes(9).toString('base64url') };

  constructor(private readonly options: TransferServersOptions) {
    this.records = new TransferRecords(options.clock);
  }

  /** The service, starting the servers the first time. */
  service(): Promise<TransferService> {
    this.started ??= this.start();
    return this.started;
  }

  /** True while any server listens (the run's no-listener-left test). */
  get listening(): boolean {
    return [this.http, this.https, this.ftp].some((s) => s?.listening === true);
  }

  async close(): Promise<void> {
    const pending = this.started;
    if (!pending) return;
    await pending.catch(() => undefined);
    await Promise.all([this.http?.close(), this.https?.close(), this.ftp?.close()]);
  }

  private async start(): Promise<TransferService> {
    this.options.learnSecret?.(this.credentials.password);
    const { records, credentials } = this;
    this.http = new HttpFiles({ records, credentials });
    this.ftp = new FtpFiles({ records, credentials });
    if (this.options.tls) this.https = new HttpFiles({ records, credentials, tls: this.options.tls });
    try {
      await Promise.all([this.http.start(), this.ftp.start(), this.https?.start()]);
    } catch (err) {
      await Promise.all([this.http.close(), this.ftp.close(), this.https?.close()]);
      throw err;
    }
    return this.api();
  }

  private url(protocol: TransferProtocol, path: string, withCredentials: boolean): string {
    const server = protocol === 'ftp' ? this.ftp : protocol === 'https' ? this.https : this.http;
    if (!server) throw new Error(`the transfer service has no ${protocol} server in this run${protocol === 'https' ? ' (it needs a server certificate)' : ''}`);
    const origin = server.origin;
    if (!withCredentials) return `${origin}${path}`;
    const { username, password } = this.credentials;
    return origin.replace('://', `://${encodeURIComponent(username)}:${encodeURIComponent(password)}@`) + path;
  }

  private api(): TransferService {
    const { records } = this;
    const since = (t: number | undefined) => (x: { monoMs: number }): boolean => t === undefined || x.monoMs >= t;
    const svc: TransferService = {
      protocols: this.https ? ['http', 'https', 'ftp'] : ['http', 'ftp'],
      serve: (name, content, options = {}) => {
        const protocol = options.protocol ?? 'http';
        records.serve({ name, content: typeof content === 'string' ? Buffer.from(content) : content, ...(options.failWith === undefined ? {} : { failWith: options.failWith }) });
        const path = protocol === 'ftp' ? `/${encodeURIComponent(name)}` : `/files/${encodeURIComponent(name)}`;
        return this.url(protocol, path, options.credentials ?? protocol === 'ftp');
      },
      uploadUrl: (name, options = {}) => {
        const protocol = options.protocol ?? 'http';
        records.refuseUploads(name, options.refuseWith);
        // FTP: a directory location; the station appends its own file name (1.6 GetDiagnostics, 2.0.1 GetLog).
        const path = protocol === 'ftp' ? '/' : `/upload/${encodeURIComponent(name)}`;
        return this.url(protocol, path, options.credentials ?? protocol === 'ftp');
      },
      acceptUploads: (name) => records.refuseUploads(name, undefined),
      received: (f = {}) => records.received.filter((r) => (f.name === undefined || r.name === f.name) && (f.protocol === undefined || r.protocol === f.protocol)).filter(since(f.since)),
      attempts: (f = {}) => records.attempts.filter((a) => (f.name === undefined || a.name === f.name) && (f.kind === undefined || a.kind === f.kind) && (f.protocol === undefined || a.protocol === f.protocol)).filter(since(f.since)),
      waitForUpload: async (o) => {
        const found = await this.waitFor(() => svc.received({ ...(o.name === undefined ? {} : { name: o.name }), ...(o.since === undefined ? {} : { since: o.since }) })[0], o.withinMs, o.signal);
        return found;
      },
      waitForAttempts: async (o) => {
        const pick = (): TransferAttempt[] => svc.attempts({ ...(o.name === undefined ? {} : { name: o.name }), ...(o.kind === undefined ? {} : { kind: o.kind }), ...(o.since === undefined ? {} : { since: o.since }) });
        await this.waitFor(() => (pick().length >= o.count ? true : undefined), o.withinMs, o.signal);
        return pick();
      },
    };
    return svc;
  }

  private waitFor<T>(probe: () => T | undefined, withinMs: number, signal?: AbortSignal): Promise<T | undefined> {
    const now = probe();
    if (now !== undefined || withinMs <= 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      const finish = (value: T | undefined): void => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const onAbort = (): void => finish(undefined);
      const off = this.records.onChange(() => {
        const v = probe();
        if (v !== undefined) finish(v);
      });
      const timer = setTimeout(() => finish(probe()), withinMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
