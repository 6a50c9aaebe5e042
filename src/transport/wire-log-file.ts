/**
 * wire.jsonl as it happens: every wire-log entry appended as one JSON line the moment it is
 * recorded (issue #12). The log in memory keeps only heads of oversized frames; this file keeps
 * every frame whole, and it survives a crash or a forced exit up to the last frame.
 *
 * Synchronous appends on purpose: nothing queues in memory when frames arrive faster than the
 * disk takes them (a write stream would buffer), and a frame is on disk before it is judged.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { WireLogSink } from './wire-log.js';

export interface WireLogFile extends WireLogSink {
  readonly file: string;
  close(): void;
}

export function openWireLogFile(file: string): WireLogFile {
  let fd: number | undefined = openSync(file, 'w');
  return {
    file,
    write(line) {
      if (fd === undefined) return;
      const bytes = Buffer.from(line, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    },
    close() {
      if (fd === undefined) return;
      closeSync(fd);
      fd = undefined;
    },
  };
}
