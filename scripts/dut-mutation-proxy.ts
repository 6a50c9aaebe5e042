/**
 * The mutating proxy of the DUT-mutation score: a WebSocket relay on 127.0.0.1 between the harness
 * and the simulator under test. Every text frame is relayed unchanged except the DUT's frames,
 * which it numbers and hands to `onDutFrame` (record) and to the mutation of this run (change one
 * field, drop one frame, or swap one frame with the next).
 */
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { mutateText, sigCounter, type FrameSig, type Mutation } from './dut-mutants.js';

export interface ProxyOptions {
  /** Where the proxy relays to (ws://host:port/path prefix). */
  upstream: string;
  /** Which side is the DUT: the client that dials the proxy (a station) or the upstream (a CSMS). */
  dut: 'client' | 'upstream';
  mutation?: Mutation;
  onDutFrame?: (index: number, text: string) => void;
}

export interface MutatingProxy {
  url: string;
  /** Whether the mutation found its frame (a mutant whose frame never came did not run). */
  applied(): boolean;
  close(): Promise<void>;
}

/** How long a held frame (swap) waits for the next DUT frame before it is sent alone. */
const swapHoldMs = 1000;

export async function startMutatingProxy(options: ProxyOptions): Promise<MutatingProxy> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (offered) => [...offered][0] ?? false });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let dutIndex = 0;
  const sigOf = sigCounter();
  const same = (a: FrameSig, b: FrameSig): boolean => a.sig === b.sig && a.nth === b.nth;
  let applied = false;
  const sockets = new Set<WebSocket>();
  server.on('connection', (client, request) => {
    const protocols = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const upstream = new WebSocket(`${options.upstream}${request.url ?? ''}`, protocols);
    sockets.add(client).add(upstream);
    const pending: string[] = [];
    let held: { text: string; timer: ReturnType<typeof setTimeout> } | undefined;
    const toHarness = (text: string): void => {
      const target = options.dut === 'client' ? upstream : client;
      if (target.readyState === WebSocket.OPEN) target.send(text);
      else if (options.dut === 'client') pending.push(text);
    };
    const fromDut = (text: string): void => {
      const index = dutIndex++;
      const sig = sigOf(text);
      options.onDutFrame?.(index, text);
      const m = options.mutation;
      if (held) {
        // A swap waits for the frame it is to swap with; others pass while it waits.
        const next = m?.kind === 'swap-messages' ? m.next : undefined;
        if (next && !same(sig, next)) return toHarness(text);
        clearTimeout(held.timer);
        const release = held;
        held = undefined;
        applied = true;
        toHarness(text);
        return toHarness(release.text);
      }
      if (m && (m.at ? same(sig, m.at) : m.frame === index)) {
        if (m.kind === 'drop-message') {
          applied = true;
          return;
        }
        if (m.kind === 'swap-messages') {
          // Released alone when its partner never comes: then the swap did not run.
          held = { text, timer: setTimeout(() => (held ? (toHarness(held.text), (held = undefined)) : undefined), swapHoldMs) };
          return;
        }
        const mutated = mutateText(text, m);
        if (mutated !== text) applied = true; // a field the frame does not have: the mutant did not run
        toHarness(mutated);
      } else toHarness(text);
    };
    const text = (data: RawData): string => (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer)).toString('utf8');
    upstream.on('open', () => {
      for (const t of pending.splice(0)) upstream.send(t);
    });
    client.on('message', (data) => {
      const t = text(data);
      if (options.dut === 'client') fromDut(t);
      else if (upstream.readyState === WebSocket.OPEN) upstream.send(t);
      else upstream.once('open', () => upstream.send(t));
    });
    upstream.on('message', (data) => {
      const t = text(data);
      if (options.dut === 'upstream') fromDut(t);
      else if (client.readyState === WebSocket.OPEN) client.send(t);
    });
    const closeBoth = (code?: number): void => {
      const safe = code !== undefined && code >= 1000 && code <= 4999 && code !== 1005 && code !== 1006 ? code : 1000;
      for (const s of [client, upstream]) if (s.readyState === WebSocket.OPEN || s.readyState === WebSocket.CONNECTING) s.close(safe);
    };
    client.on('close', (code) => closeBoth(code));
    upstream.on('close', (code) => closeBoth(code));
    client.on('error', () => closeBoth());
    upstream.on('error', () => closeBoth());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}`,
    applied: () => applied,
    close: async () => {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
