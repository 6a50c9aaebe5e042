/**
 * Frames as a person reads them in a report: "BootNotification", "BootNotification result",
 * "Heartbeat error: NotImplemented". Only a label is derived; the raw text is shown untouched
 * elsewhere. Frames are untrusted DUT input: nothing here assumes they are valid.
 */
import type { TraceFrame } from '../engine/run-model.js';

export interface FrameLabel {
  seq: number;
  direction: 'in' | 'out';
  relMs: number;
  /** CALL, CALLRESULT, CALLERROR, CALLRESULTERROR, SEND, or invalid. */
  kind: string;
  /** e.g. "BootNotification", "BootNotification result", "error FormatViolation". */
  label: string;
  messageId?: string;
}

const kindNames: Record<number, string> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR', 5: 'CALLRESULTERROR', 6: 'SEND' };

/** Labels for a case's frames; responses are named after the CALL with the same id (per direction pair). */
export function labelFrames(trace: readonly TraceFrame[]): FrameLabel[] {
  const actionById = new Map<string, string>();
  return trace.map((f) => {
    const base = { seq: f.seq, direction: f.direction, relMs: f.relMs };
    let parsed: unknown;
    try {
      parsed = JSON.parse(f.text);
    } catch {
      return { ...base, kind: 'invalid', label: 'invalid frame (not JSON)' };
    }
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'number' || typeof parsed[1] !== 'string') {
      return { ...base, kind: 'invalid', label: 'invalid frame (not an OCPP-J message)' };
    }
    const type = parsed[0];
    const messageId = parsed[1];
    const kind = kindNames[type] ?? 'invalid';
    // A response travels the other way from its CALL: key the CALL by the direction it went.
    const key = (dir: string): string => `${f.connectionId}|${dir}|${messageId}`;
    const callDirection = f.direction === 'in' ? 'out' : 'in';
    const action = actionById.get(key(callDirection));
    switch (type) {
      case 2:
      case 6: {
        const name = typeof parsed[2] === 'string' ? parsed[2] : '?';
        if (type === 2) actionById.set(key(f.direction), name);
        return { ...base, kind, label: type === 6 ? `${name} (SEND)` : name, messageId };
      }
      case 3:
        return { ...base, kind, label: `${action ?? 'unknown call'} result`, messageId };
      case 4:
      case 5: {
        const code = typeof parsed[2] === 'string' ? parsed[2] : '?';
        return { ...base, kind, label: `${action ?? 'unknown call'} error: ${code}`, messageId };
      }
      default:
        return { ...base, kind: 'invalid', label: `invalid frame (message type ${String(type)})`, messageId };
    }
  });
}
