/**
 * Two SessionConnections joined in memory, with a transcript of what each side sent. Frames are
 * delivered asynchronously (as a socket would) so ordering bugs show up in tests.
 */
import type { SessionConnection } from '../../src/session/types.js';

export interface MemoryConnection extends SessionConnection {
  sent: string[];
  isClosed: boolean;
}

export function memoryPair(): [MemoryConnection, MemoryConnection] {
  const make = (id: string): MemoryConnection & { deliver(text: string): void; shut(code: number, reason: string): void; peer?: MemoryConnection & { deliver(text: string): void; shut(code: number, reason: string): void } } => {
    const textListeners: Array<(text: string, seq?: number) => void> = [];
    const closeListeners: Array<(code: number, reason: string) => void> = [];
    let seq = 0;
    const conn = {
      id,
      sent: [] as string[],
      isClosed: false,
      send(text: string) {
        if (conn.isClosed) throw new Error('closed');
        conn.sent.push(text);
        const peer = conn.peer;
        setImmediate(() => peer?.deliver(text));
      },
      onText(l: (text: string, seq?: number) => void) { textListeners.push(l); },
      onClose(l: (code: number, reason: string) => void) { closeListeners.push(l); },
      close(code = 1000, reason = '') {
        conn.shut(code, reason);
        conn.peer?.shut(code, reason);
      },
      deliver(text: string) {
        if (conn.isClosed) return;
        seq += 1;
        for (const l of textListeners) l(text, seq);
      },
      shut(code: number, reason: string) {
        if (conn.isClosed) return;
        conn.isClosed = true;
        for (const l of closeListeners) l(code, reason);
      },
      peer: undefined as (MemoryConnection & { deliver(text: string): void; shut(code: number, reason: string): void }) | undefined,
    };
    return conn;
  };
  const a = make('a');
  const b = make('b');
  a.peer = b;
  b.peer = a;
  return [a, b];
}
