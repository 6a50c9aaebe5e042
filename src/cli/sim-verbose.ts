/**
 * `sim csms|station --verbose`: one line per frame and connection event on the console, so a
 * simulator run for minutes against a real peer is not silent. Frames are masked like every
 * other output (the password the simulator knows, and the wire log's own masking of keys).
 */
import { isoWall } from '../clock.js';
import { createSecretRedactor } from '../protocol/redact.js';
import { WireLog, type WireEntry } from '../transport/wire-log.js';
import { frameLabel } from '../ui/live-hub.js';
import type { CliIo } from './io.js';

const maxShownChars = 160;

/** A connection event in words (open, close, refusal, error, injected fault); undefined for a frame. */
export function connectionWords(entry: WireEntry): string | undefined {
  switch (entry.kind) {
    case 'frame':
      return undefined;
    case 'open':
      return `open${entry.identity ? ` ${entry.identity}` : ''}${entry.url ? ` ${entry.url}` : ''} (subprotocol ${entry.subprotocol ?? 'none'})`;
    case 'close':
      return `closed by ${entry.initiator === 'local' ? 'us' : 'the peer'}, code ${entry.code}${entry.reason ? ` (${entry.reason})` : ''}`;
    case 'rejected':
      return `refused${entry.status ? ` HTTP ${entry.status}` : ''}${entry.path ? ` ${entry.path}` : ''}: ${entry.reason}`;
    case 'error':
      return `error: ${entry.message}`;
    case 'fault':
      return `fault ${entry.fault}: ${entry.detail}`;
  }
}

export function describeEntry(entry: WireEntry): string {
  const time = isoWall(entry.wallMs).slice(11, 23);
  // A refusal happens before any connection exists: it has no connection id to show.
  if (entry.kind === 'rejected') return `${time} ${connectionWords(entry) ?? ''}`;
  if (entry.kind !== 'frame') return `${time} ${entry.connectionId} ${connectionWords(entry) ?? ''}`;
  const arrow = entry.direction === 'in' ? '←' : '→';
  const text = entry.text.length > maxShownChars ? `${entry.text.slice(0, maxShownChars)}…` : entry.text;
  return `${time} ${entry.connectionId} ${arrow} ${frameLabel(entry.text)}  ${text}`;
}

/** A wire log for the simulator that prints every entry through `io`. */
export function verboseWireLog(io: CliIo, secrets: readonly (string | undefined)[]): WireLog {
  const redactor = createSecretRedactor([...secrets]);
  const log = new WireLog({ redact: redactor.frame, maxStoredFrameBytes: 4096 });
  log.onEntry((entry) => {
    io.out(redactor.scrub(describeEntry(entry)));
  });
  return log;
}
