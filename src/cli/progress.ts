/**
 * Live progress of a run on the console: which case runs, for how long, and what it waits for
 * (a message and its deadline, a quiet period, an operator, the DUT's connection). On a terminal
 * one status line is redrawn in place; elsewhere (CI logs) a plain line is printed whenever
 * nothing else was printed for `quietMs`, so a long wait is never silent. Refused connections are
 * always printed: they are why a run cannot proceed.
 */
import { systemClock, type Clock } from '../clock.js';
import type { RunHandle } from '../engine/start-run.js';
import type { CliIo } from './io.js';

export const progressQuietMs = 5_000;
const redrawMs = 250;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export interface Progress {
  /** The io to give everything else that prints, so the status line is cleared before it does. */
  readonly io: CliIo;
  follow(handle: RunHandle): void;
  stop(): void;
}

export function createProgress(io: CliIo, options: { clock?: Clock; quietMs?: number; tickMs?: number } = {}): Progress {
  const clock = options.clock ?? systemClock;
  const quietMs = options.quietMs ?? progressQuietMs;
  const live = io.isTty && io.write !== undefined;
  let current: { id: string; index: number; total: number; sinceMono: number } | undefined;
  let waiting: { what: string; sinceMono: number; untilMono?: number } | undefined;
  let connection = '';
  let lastOutputMono = clock.monoMs();
  let drawn = false;
  let timer: NodeJS.Timeout | undefined;

  const clear = (): void => {
    if (drawn) io.write?.('\r\u001b[2K');
    drawn = false;
  };
  const printed = (): void => {
    lastOutputMono = clock.monoMs();
  };
  const wrapped: CliIo = {
    ...io,
    out: (text) => {
      clear();
      io.out(text);
      printed();
    },
    err: (text) => {
      clear();
      io.err(text);
      printed();
    },
  };

  const status = (): string | undefined => {
    if (!current) return undefined;
    const now = clock.monoMs();
    const head = `[${current.index}/${current.total}] ${current.id} ${seconds(now - current.sinceMono)}`;
    if (!waiting) return `${head}${connection ? ` · ${connection}` : ''}`;
    const deadline = waiting.untilMono === undefined ? '' : ` (${seconds(Math.max(0, now - waiting.sinceMono))} of ${seconds(waiting.untilMono - waiting.sinceMono)})`;
    return `${head} · waiting for ${waiting.what}${deadline}${connection ? ` · ${connection}` : ''}`;
  };

  const tick = (): void => {
    const line = status();
    if (line === undefined) return;
    if (live) {
      const columns = io.columns?.() ?? 0;
      const width = Math.max(20, (columns > 0 ? columns : 100) - 1);
      io.write?.(`\r\u001b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    } else if (clock.monoMs() - lastOutputMono >= quietMs) {
      wrapped.out(`… ${line}`);
    }
  };

  return {
    io: wrapped,
    follow(handle) {
      handle.on('caseStart', (info) => {
        current = { id: info.id, index: info.index + 1, total: info.total, sinceMono: clock.monoMs() };
        waiting = undefined;
      });
      handle.on('wait', ({ wait }) => {
        waiting = wait;
      });
      handle.on('step', () => {
        waiting = undefined;
      });
      handle.on('caseEnd', () => {
        clear();
        current = undefined;
        waiting = undefined;
      });
      handle.on('connection', (entry) => {
        if (entry.kind === 'open') connection = `connected${entry.identity ? ` (${entry.identity})` : ''}`;
        else if (entry.kind === 'close') connection = `connection closed by ${entry.initiator === 'local' ? 'the harness' : 'the DUT'} (code ${entry.code})`;
        else {
          connection = `connection refused (HTTP ${entry.status})`;
          wrapped.err(`connection refused${entry.path ? ` at ${entry.path}` : ''}: HTTP ${entry.status} ${entry.reason}`);
        }
      });
      timer = setInterval(tick, options.tickMs ?? (live ? redrawMs : 1000));
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      clear();
    },
  };
}
