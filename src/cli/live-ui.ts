/**
 * `--ui [host:port]`: serve the live web page for a run. Wires the three feeds of the hub — the
 * run's reporter hooks, the wire log's frames and connection events, and the `ui` adapter's
 * operator prompts — and prints the URL to open (the token in it is the page's only credential).
 */
import type { Reporter } from '../engine/reporter.js';
import type { WireLog } from '../transport/wire-log.js';
import { LiveHub } from '../ui/live-hub.js';
import { liveReporter } from '../ui/live-reporter.js';
import { startLiveServer } from '../ui/live-server.js';
import type { CliIo } from './io.js';
import { parseListen } from './listen.js';
import { connectionWords } from './sim-verbose.js';

export const defaultUiListen = '127.0.0.1:0';

export interface LiveUi {
  hub: LiveHub;
  reporter: Reporter;
  url: string;
  /** Follow a wire log (call once it exists); returns the unsubscribe function. */
  follow(wireLog: WireLog): () => void;
  close(): Promise<void>;
}

/** `listen` is the flag's value (`true` when given without one). */
export async function startLiveUi(listen: string | true, io: CliIo, scrub?: (text: string) => string): Promise<LiveUi> {
  const where = parseListen(listen === true ? defaultUiListen : listen, '--ui');
  const hub = new LiveHub();
  const server = await startLiveServer(hub, where);
  io.out(`live UI: open ${server.url}`);
  return {
    hub,
    reporter: liveReporter(hub, scrub),
    url: server.url,
    follow: (wireLog) =>
      wireLog.onEntry((entry) => {
        if (entry.kind === 'frame') {
          if (entry.encoding === 'utf8') hub.frame(entry);
          return;
        }
        const detail = connectionWords(entry);
        if (detail === undefined || entry.kind === 'fault') return;
        hub.publish({ type: 'connection', connectionId: entry.connectionId, event: entry.kind, detail: scrub ? scrub(detail) : detail, wallTime: entry.wallTime });
      }),
    close: () => server.close(),
  };
}
