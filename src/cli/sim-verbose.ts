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

export function describeEntry(entry: WireEntry): string | undefined {
  const time = isoWall(entry.wallMs).slice(11, 23);
  switch (entry.kind) {
    case 'frame': {
      const arrow = entry.direction === 'in' ? '←' : '→';
      const text = entry.text.length > maxShownChars ? `${entry.text.slice(0, maxShownChars)}…` : entry.text;
      return `${time} ${entry.connectionId} ${arrow} ${frameLabel(entry.text)}  ${text}`;
    }
    case 'open':
      return `${time} ${entry.connectionId} open${entry.identity ? ` ${entry.identity}` : ''}${entry.url ? ` ${entry.url}` : ''} (subprotocol ${entry.subprotocol ?? 'none'})`;
    case 'close':
      return `${time} ${entry.connectionId} closed by ${entry.initiator === 'local' ? 'us' : 'the peer'}, code ${entry.code}${entry.reason ? ` (${entry.reason})` : ''}`;
    case 'rejected':
      return `${time} refused${entry.status ? ` HTTP ${entry.status}` : ''}${entry.path ? ` ${entry.path}` : ''}: ${entry.reason}`;
    case 'error':
      return `${time} ${entry.connectionId} error: ${entry.message}`;
    case 'fault':
      return `${time} ${entry.connectionId} fault ${entry.fault}: ${entry.detail}`;
  }
}

/** A wire log for the simulator that prints every entry through `io`. */
export function verboseWireLog(io: CliIo, secrets: readonly (string | undefined)[]): WireLog {
  const redactor = createSecretRedactor([...secrets]);
  const log = new WireLog({ redact: redactor.frame, maxStoredFrameBytes: 4096 });
  log.onEntry((entry) => {
    const line = describeEntry(entry);
    if (line !== undefined) io.out(redactor.scrub(line));
  });
  return log;
}
