/** Shared helpers for the transport tests: servers on 127.0.0.1 port 0, waits with deadlines. */
import { HarnessError } from '../../src/errors.js';
import type { Connection } from '../../src/transport/connection.js';
import { OcppServer, type OcppServerOptions } from '../../src/transport/server.js';

export const testWaitMs = 3_000;

export async function startServer(options: Partial<OcppServerOptions> = {}): Promise<{ server: OcppServer; url: string }> {
  const server = new OcppServer({ host: '127.0.0.1', port: 0, subprotocols: ['ocpp2.0.1', 'ocpp1.6'], ...options });
  const { url } = await server.start();
  return { server, url };
}

/** Resolve when `predicate` holds, polling; reject after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = testWaitMs): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new HarnessError('E_INTERNAL', 'waitFor timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Collect every text delivered on a connection. */
export function collectTexts(connection: Connection): string[] {
  const texts: string[] = [];
  connection.onText((text) => texts.push(text));
  return texts;
}

/** The settled error of a promise expected to reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}
