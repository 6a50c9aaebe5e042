/**
 * Trace replay (issue #16): read a captured exchange into a replay script. Two formats, one
 * JSON value per line:
 *
 * - our traces (`reports/…/traces/<id>.jsonl`): `{ seq, connectionId, direction, wallTime, relMs, text }`;
 * - the plain form other tools export: `[direction, timestamp, frame]`, the timestamp an RFC 3339
 *   string or milliseconds, the frame an OCPP-J array or its text.
 *
 * Directions are the recording harness's: `in` = from the device under test, `out` = from the
 * peer that is replayed (`received` / `sent` are read as the same).
 */
import { HarnessError } from '../errors.js';

export interface ReplayStep {
  direction: 'in' | 'out';
  /** Milliseconds since the first frame of the recording. */
  atMs: number;
  /** The frame as recorded (an OCPP-J array), or undefined when its text is not JSON. */
  frame: unknown[] | undefined;
  text: string;
  /** The recorded connection (our traces): a change means the recording reconnected there. */
  connection?: string;
}

export interface ReplayScript {
  /** What it was read from, for messages. */
  source: string;
  steps: ReplayStep[];
  /** Payload fields never compared (leaf names or dotted paths), besides the built-in tolerances. */
  ignore: string[];
}

function directionOf(value: unknown, line: number, source: string): 'in' | 'out' {
  if (value === 'in' || value === 'received' || value === 'recv') return 'in';
  if (value === 'out' || value === 'sent' || value === 'send') return 'out';
  throw new HarnessError('E_USAGE', `${source}:${line}: direction ${JSON.stringify(value)} is not in/out (received/sent)`);
}

function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function frameOf(text: string): unknown[] | undefined {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Parse JSONL text (either format, or a saved replay case: a JSON object with `steps`). */
export function parseTrace(text: string, source: string): ReplayScript {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && trimmed.includes('"replayFormat"')) return parseSavedCase(trimmed, source);
  const steps: ReplayStep[] = [];
  let first: number | undefined;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new HarnessError('E_USAGE', `${source}:${i + 1}: not a JSON line`, { hint: 'a trace is JSON Lines: traces/<id>.jsonl of a report, or [direction, timestamp, frame] per line' });
    }
    // A connection event of our traces (issue #24): not a frame to play.
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as Record<string, unknown>)['event'] === 'string' && !('text' in value)) continue;
    let step: Omit<ReplayStep, 'atMs'> & { at: number | undefined };
    let connection: string | undefined;
    if (Array.isArray(value)) {
      const [dir, ts, frame] = value as unknown[];
      const frameText = typeof frame === 'string' ? frame : JSON.stringify(frame);
      step = { direction: directionOf(dir, i + 1, source), at: timeOf(ts), text: frameText, frame: frameOf(frameText) };
    } else if (value !== null && typeof value === 'object' && typeof (value as Record<string, unknown>)['text'] === 'string') {
      const o = value as Record<string, unknown>;
      const frameText = o['text'] as string;
      step = { direction: directionOf(o['direction'], i + 1, source), at: timeOf(o['relMs']) ?? timeOf(o['wallTime']), text: frameText, frame: frameOf(frameText) };
      if (typeof o['connectionId'] === 'string') connection = o['connectionId'];
    } else {
      throw new HarnessError('E_USAGE', `${source}:${i + 1}: neither a trace frame object nor [direction, timestamp, frame]`);
    }
    first ??= step.at;
    steps.push({ direction: step.direction, atMs: step.at === undefined || first === undefined ? 0 : Math.max(0, step.at - first), text: step.text, frame: step.frame, ...(connection === undefined ? {} : { connection }) });
  }
  if (steps.length === 0) throw new HarnessError('E_USAGE', `${source}: no frames to replay`);
  return { source, steps, ignore: [] };
}

/** The file `--save-case` writes: the script, its tolerances and where it came from. */
export interface SavedReplayCase {
  replayFormat: 1;
  name: string;
  version: string;
  sut: 'cs' | 'csms';
  source: string;
  ignore: string[];
  steps: ReplayStep[];
}

function parseSavedCase(text: string, source: string): ReplayScript {
  const saved = JSON.parse(text) as Partial<SavedReplayCase>;
  if (saved.replayFormat !== 1 || !Array.isArray(saved.steps)) throw new HarnessError('E_USAGE', `${source}: not a saved replay case (replayFormat 1)`);
  return { source, steps: saved.steps, ignore: saved.ignore ?? [] };
}
