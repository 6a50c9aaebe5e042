/**
 * The yardsticks of `npm run bench` (scripts/bench.ts): the ocpp-rpc library (strict and
 * non-strict) and a raw `ws` echo that only stringifies and parses, each as a "round trip"
 * function over one open loopback connection, so the bench can interleave them in rounds.
 */
import { createRequire } from 'node:module';
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
// ocpp-rpc ships no types; the few members used here are typed locally.
interface RpcClientLike {
  connect(): Promise<unknown>;
  call(action: string, payload: unknown): Promise<unknown>;
  close(opts?: unknown): Promise<unknown>;
  handle(action: string, fn: (ctx: { params: unknown }) => unknown): void;
}
interface RpcServerLike {
  on(event: 'client', fn: (client: RpcClientLike) => void): void;
  listen(port: number, host: string): Promise<{ address(): AddressInfo | string | null }>;
  close(opts?: unknown): Promise<unknown>;
}
export interface RpcValidatorLike {
  subprotocol: string;
  validate(schemaId: string, params: unknown): boolean;
}
const ocppRpc = require('ocpp-rpc') as {
  RPCServer: new (opts: Record<string, unknown>) => RpcServerLike;
  RPCClient: new (opts: Record<string, unknown>) => RpcClientLike;
};
export const rpcValidators = require('ocpp-rpc/lib/standard-validators.js') as RpcValidatorLike[];

/** One open pair: `roundTrip` sends one CALL and resolves with its answer; `close` ends both sides. */
export interface Contender {
  roundTrip(): Promise<unknown>;
  close(): Promise<void>;
}

const portOf = (address: AddressInfo | string | null): number => (typeof address === 'object' && address !== null ? address.port : 0);

export async function ocppRpcPair(strict: boolean, action: string, request: object, response: object): Promise<Contender> {
  const server = new ocppRpc.RPCServer({ protocols: ['ocpp2.0.1'], strictMode: strict });
  server.on('client', (client) => client.handle(action, () => response));
  const http = await server.listen(0, '127.0.0.1');
  const client = new ocppRpc.RPCClient({ endpoint: `ws://127.0.0.1:${portOf(http.address())}`, identity: strict ? 'RPCSTRICT' : 'RPCLAX', protocols: ['ocpp2.0.1'], strictMode: strict });
  await client.connect();
  return {
    roundTrip: () => client.call(action, request),
    close: async () => {
      await client.close({ force: true });
      await server.close({ force: true });
    },
  };
}

/** The floor: the same frames through `ws` with JSON.stringify / JSON.parse and nothing else. */
export async function rawWsPair(action: string, request: object, response: object): Promise<Contender> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const [, id] = JSON.parse((data as Buffer).toString()) as [number, string];
      socket.send(JSON.stringify([3, id, response]));
    });
  });
  const socket = new WebSocket(`ws://127.0.0.1:${portOf(wss.address())}`, 'ocpp2.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let pending: ((value: unknown) => void) | undefined;
  socket.on('message', (data) => {
    const frame = JSON.parse((data as Buffer).toString()) as unknown;
    const done = pending;
    pending = undefined;
    done?.(frame);
  });
  let next = 0;
  return {
    roundTrip: () =>
      new Promise((resolve) => {
        pending = resolve;
        socket.send(JSON.stringify([2, String(++next), action, request]));
      }),
    close: async () => {
      socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
