/**
 * The harness's HTTP(S) file server for a run (`transfer`): GET /files/<name> serves what a case
 * offered (a firmware image, a corrupt one, a deliberate 404), PUT /upload/<name> and POST
 * /upload/<name> (multipart/form-data, as stations upload logs and diagnostics) receive files.
 * Loopback only, port 0. Basic auth: a request may come without credentials; wrong ones get 401.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import busboy from 'busboy';
import { fileNameOf, type TransferProtocol, type TransferRecords } from './records.js';

export interface HttpFilesOptions {
  records: TransferRecords;
  credentials: { username: string; password: string };
  /** HTTPS with this certificate and key (PEM text); plain HTTP without. */
  tls?: { cert: string; key: string };
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
}

export class HttpFiles {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  readonly protocol: TransferProtocol;
  private port = 0;

  constructor(private readonly options: HttpFilesOptions) {
    this.protocol = options.tls ? 'https' : 'http';
    const handler = (req: IncomingMessage, res: ServerResponse): void => void this.handle(req, res);
    this.server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, handler) : createHttpServer(handler);
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  get listening(): boolean {
    return this.server.listening;
  }

  /** The base URL (no credentials), e.g. http://127.0.0.1:40123 */
  get origin(): string {
    return `${this.protocol}://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (header === undefined) return true;
    const m = /^Basic\s+(.+)$/i.exec(header);
    if (!m?.[1]) return false;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const { username, password } = this.options.credentials;
    return decoded === `${username}:${password}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { records } = this.options;
    const url = req.url ?? '/';
    const name = fileNameOf(url);
    const kind = req.method === 'GET' || req.method === 'HEAD' ? 'download' : 'upload';
    const answer = (status: number, body?: Buffer | string): void => {
      records.attempt({ protocol: this.protocol, kind, name, ok: status < 300, status });
      res.statusCode = status;
      res.end(body);
    };
    if (!this.authorised(req)) {
      res.setHeader('WWW-Authenticate', 'Basic realm="ocpp-conform"');
      answer(401);
      return;
    }
    if (kind === 'download') {
      if (!url.startsWith('/files/')) return answer(404);
      const file = records.lookup(name);
      if (!file) return answer(404);
      if (file.failWith !== undefined) return answer(file.failWith);
      res.setHeader('Content-Type', 'application/octet-stream');
      res.setHeader('Content-Length', String(file.content.length));
      return answer(200, req.method === 'HEAD' ? undefined : file.content);
    }
    if (!url.startsWith('/upload/') || (req.method !== 'PUT' && req.method !== 'POST')) {
      req.resume();
      return answer(405);
    }
    const refusal = records.uploadRefusal(name);
    if (refusal !== undefined) {
      req.resume();
      return answer(refusal);
    }
    try {
      const got = req.method === 'PUT' ? { filename: name, content: await this.body(req) } : await this.multipart(req, name);
      if (!got) return answer(400, 'expected a multipart/form-data body with one file part');
      records.receive({ protocol: this.protocol, method: req.method, name, filename: got.filename, content: got.content });
      answer(req.method === 'PUT' ? 201 : 200);
    } catch (err) {
      answer(413, err instanceof Error ? err.message : 'upload refused');
    }
  }

  private body(req: IncomingMessage): Promise<Buffer> {
    const max = this.options.maxUploadBytes ?? 64 * 1024 * 1024;
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > max) {
          req.destroy();
          reject(new Error(`upload larger than ${max} bytes`));
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  /** The first file part of a multipart/form-data body; undefined when there is none. */
  private multipart(req: IncomingMessage, name: string): Promise<{ filename: string; content: Buffer } | undefined> {
    const max = this.options.maxUploadBytes ?? 64 * 1024 * 1024;
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: req.headers, limits: { fileSize: max, files: 1 } });
      } catch {
        req.resume();
        resolve(undefined);
        return;
      }
      let found: { filename: string; content: Buffer } | undefined;
      parser.on('file', (_field, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => reject(new Error(`upload larger than ${max} bytes`)));
        stream.on('end', () => (found = { filename: info.filename ?? name, content: Buffer.concat(chunks) }));
      });
      parser.on('error', reject);
      parser.on('close', () => resolve(found));
      req.pipe(parser);
    });
  }
}
