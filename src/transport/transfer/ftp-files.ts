/**
 * The harness's FTP server for a run (`transfer`), for OCPP 1.6 GetDiagnostics / UpdateFirmware and
 * 2.0.1 GetLog with ftp:// locations. Built on ftp-srv (MIT, plain Node streams, runs on Node 20;
 * the one maintained FTP *server* package on npm: basic-ftp and the others are clients): we only
 * supply an in-memory file system, so nothing touches the disk. Loopback only; control port 0,
 * passive data ports also asked from the OS (a port-0 probe) instead of ftp-srv's scan from 1024.
 */
import { Readable, Writable } from 'node:stream';
import { createServer, type AddressInfo } from 'node:net';
import { FtpSrv, type FileSystem } from 'ftp-srv';
import { fileNameOf, type TransferRecords } from './records.js';

export interface FtpFilesOptions {
  records: TransferRecords;
  credentials: { username: string; password: string };
}

/** A logger that says nothing: ftp-srv logs through bunyan by default. */
interface QuietLog {
  trace(): void;
  debug(): void;
  info(): void;
  warn(): void;
  error(): void;
  fatal(): void;
  child(): QuietLog;
}
const quiet: QuietLog = {
  trace: (): void => undefined,
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (): void => undefined,
  fatal: (): void => undefined,
  child(): QuietLog {
    return quiet;
  },
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

type Signal = 'SIGTERM' | 'SIGINT' | 'SIGQUIT';
const signals: Signal[] = ['SIGTERM', 'SIGINT', 'SIGQUIT'];

export class FtpFiles {
  private server: FtpSrv | undefined;
  private port = 0;
  /** ftp-srv adds process signal listeners per instance: we take them off again on close. */
  private addedListeners: Array<[Signal, (...args: unknown[]) => void]> = [];

  constructor(private readonly options: FtpFilesOptions) {}

  async start(): Promise<void> {
    const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
    const server = new FtpSrv({ url: 'ftp://127.0.0.1:0', pasv_url: '127.0.0.1', anonymous: false, log: quiet, greeting: 'ocpp-conform transfer' });
    this.addedListeners = signals.flatMap((s) => process.listeners(s).filter((l) => !before.get(s)?.has(l)).map((l): [Signal, (...args: unknown[]) => void] => [s, l as (...args: unknown[]) => void]));
    (server as unknown as { getNextPasvPort: () => Promise<number> }).getNextPasvPort = freePort;
    const { records, credentials } = this.options;
    server.on('login', ({ connection, username, password }, resolve, reject) => {
      const ok = username === credentials.username && password === credentials.password;
      records.attempt({ protocol: 'ftp', kind: 'login', name: '', ok, status: ok ? 230 : 530 });
      if (!ok) {
        reject(new Error('wrong user or password'));
        return;
      }
      connection.on('RETR', (error: unknown, path?: string) => records.attempt({ protocol: 'ftp', kind: 'download', name: fileNameOf(String(path ?? '')), ok: !error, status: error ? 550 : 226 }));
      resolve({ fs: new MemoryFileSystem(records) as unknown as FileSystem });
    });
    server.on('client-error', () => undefined);
    this.server = server;
    await server.listen();
    this.port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  }

  get listening(): boolean {
    return (this.server as unknown as { server?: { listening: boolean } } | undefined)?.server?.listening ?? false;
  }

  get origin(): string {
    return `ftp://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const [s, l] of this.addedListeners) process.off(s, l);
    this.addedListeners = [];
    if (server) await server.close();
  }
}

/** Downloads come from what the case offered, uploads go to the records; no directories. */
class MemoryFileSystem {
  constructor(private readonly records: TransferRecords) {}
  currentDirectory(): string {
    return '/';
  }
  get(fileName: string): Promise<unknown> {
    const file = this.records.lookup(fileNameOf(fileName));
    if (!file || file.failWith !== undefined) return Promise.reject(new Error('no such file'));
    return Promise.resolve({ name: file.name, size: file.content.length, isDirectory: () => false, mtime: new Date(), mode: 0o644 });
  }
  list(): Promise<unknown[]> {
    return Promise.resolve([]);
  }
  chdir(): Promise<string> {
    return Promise.resolve('/');
  }
  read(fileName: string, { start }: { start?: number } = {}): Promise<Readable> {
    const file = this.records.lookup(fileNameOf(fileName));
    if (!file || file.failWith !== undefined) return Promise.reject(new Error('no such file'));
    return Promise.resolve(Readable.from([file.content.subarray(start ?? 0)]));
  }
  write(fileName: string): Writable {
    const name = fileNameOf(fileName);
    const refusal = this.records.uploadRefusal(name);
    if (refusal !== undefined) {
      this.records.attempt({ protocol: 'ftp', kind: 'upload', name, ok: false, status: 550 });
      throw new Error('upload refused');
    }
    const chunks: Buffer[] = [];
    const records = this.records;
    return new Writable({
      write(chunk: Buffer, _enc, done): void {
        chunks.push(chunk);
        done();
      },
      final(done): void {
        records.receive({ protocol: 'ftp', method: 'STOR', name, filename: name, content: Buffer.concat(chunks) });
        records.attempt({ protocol: 'ftp', kind: 'upload', name, ok: true, status: 226 });
        done();
      },
    });
  }
  delete(): Promise<void> {
    return Promise.reject(new Error('not supported'));
  }
  mkdir(): Promise<void> {
    return Promise.reject(new Error('not supported'));
  }
  rename(): Promise<void> {
    return Promise.reject(new Error('not supported'));
  }
  chmod(): Promise<void> {
    return Promise.reject(new Error('not supported'));
  }
  getUniqueName(fileName: string): string {
    return fileName;
  }
}
