/**
 * What the harness's file servers (HTTP(S) and FTP, `transfer`) serve and what reached them: the
 * files a case hands out for download, the uploads that arrived, and every attempt with its
 * monotonic and wall time, so a case can count retries and measure retry intervals.
 */

export type TransferProtocol = 'http' | 'https' | 'ftp';

/** A file offered for download, or a deliberate failure at that name. */
export interface ServedFile {
  name: string;
  content: Buffer;
  /** HTTP status to answer instead of the file (404 missing, 500 broken server); FTP answers 550. */
  failWith?: number;
}

/** One request to a file server, successful or not. */
export interface TransferAttempt {
  protocol: TransferProtocol;
  kind: 'download' | 'upload' | 'login';
  /** The file name the request named (the last path segment, decoded). */
  name: string;
  ok: boolean;
  /** HTTP status or FTP reply code the server answered with. */
  status: number;
  monoMs: number;
  wallTime: string;
}

/** An upload that arrived whole. */
export interface ReceivedFile {
  protocol: TransferProtocol;
  /** HTTP PUT, HTTP POST (multipart/form-data) or FTP STOR. */
  method: 'PUT' | 'POST' | 'STOR';
  /** The name in the URL path. */
  name: string;
  /** The filename the multipart part declared (POST), else the URL name. */
  filename: string;
  size: number;
  content: Buffer;
  monoMs: number;
  wallTime: string;
}

/** The shared store both servers record into; the engine's TransferService reads it. */
export class TransferRecords {
  private readonly served = new Map<string, ServedFile>();
  /** Names whose uploads are refused (to make a station retry). */
  private readonly refusedUploads = new Map<string, number>();
  readonly attempts: TransferAttempt[] = [];
  readonly received: ReceivedFile[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: { monoMs(): number; wallMs(): number }) {}

  serve(file: ServedFile): void {
    this.served.set(file.name, file);
  }
  lookup(name: string): ServedFile | undefined {
    return this.served.get(name);
  }
  refuseUploads(name: string, status: number | undefined): void {
    if (status === undefined) this.refusedUploads.delete(name);
    else this.refusedUploads.set(name, status);
  }
  uploadRefusal(name: string): number | undefined {
    return this.refusedUploads.get(name);
  }

  now(): { monoMs: number; wallTime: string } {
    return { monoMs: this.clock.monoMs(), wallTime: new Date(this.clock.wallMs()).toISOString() };
  }
  attempt(a: Omit<TransferAttempt, 'monoMs' | 'wallTime'>): void {
    this.attempts.push({ ...a, ...this.now() });
    this.changed();
  }
  receive(f: Omit<ReceivedFile, 'monoMs' | 'wallTime' | 'size'>): void {
    this.received.push({ ...f, size: f.content.length, ...this.now() });
    this.changed();
  }
  /** Called after every new attempt or upload; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private changed(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** The last path segment of a request path, decoded; '' when there is none. */
export function fileNameOf(path: string): string {
  const clean = path.split('?')[0] ?? '';
  const last = clean.split('/').filter((s) => s.length > 0).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
