/**
 * What the endpoint records and answers for a frame that is not a valid OCPP-J message (split
 * from endpoint.ts): a binary WebSocket frame, text that does not parse as a frame, and a frame
 * nested too deep to inspect whole. Pure: the endpoint records the finding and sends the reply.
 */
import { finding, type Finding } from '../protocol/findings.js';
import { callError, MessageType, parseFrame, type FrameError, type CallErrorFrame } from '../protocol/frames.js';
import type { OcppVersion } from '../protocol/versions.js';
import { maxInspectDepth } from '../protocol/walk.js';

/**
 * OCPP-J 1.6 §4.1 / 2.0.1 Part 4 §4.1: a message MUST be valid JSON in UTF-8 — a WebSocket text
 * frame. A binary frame is a finding (issue #12: it used to get no reply and no finding). When
 * its bytes still read as a CALL, it is answered with the CALLERROR a malformed message gets, so
 * the peer is not left waiting; otherwise the connection is closed with 1003 (RFC 6455 §7.4.1:
 * a data type the endpoint cannot accept).
 */
export function binaryFrame(version: OcppVersion, bytes: Buffer, frameSeq: number): { finding: Finding; reply?: { frame: CallErrorFrame; action: string } } {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const parsed = parseFrame(text, version);
  const call = parsed.ok && parsed.frame.type === MessageType.CALL ? parsed.frame : undefined;
  const found = finding('framing', 'framing.binaryFrame', `the peer sent a binary WebSocket frame (${bytes.length} bytes); OCPP-J messages are UTF-8 JSON text frames${call ? `: answered ${call.action} with a CALLERROR` : ': connection closed'}`, {
    frameSeq,
    direction: 'in',
    ...(call ? { messageId: call.messageId, action: call.action } : {}),
  });
  if (!call) return { finding: found };
  return { finding: found, reply: { frame: callError(version, call.messageId, 'formatViolation', 'binary WebSocket frame: OCPP-J messages are UTF-8 JSON text frames'), action: call.action } };
}

/** A text that is no frame: the finding, and the CALLERROR (2.1: CALLRESULTERROR) when the frame calls for an answer. */
export function invalidFrame(version: OcppVersion, e: FrameError, frameSeq: number | undefined): { finding: Finding; reply?: CallErrorFrame } {
  const found = finding('framing', `framing.${e.kind}`, `invalid frame from the peer: ${e.message}`, {
    frameSeq,
    messageId: e.messageId,
    ...(e.action ? { action: e.action } : {}),
    direction: 'in',
  });
  if (!e.reply) return { finding: found };
  // 2.1 answers a broken CALLRESULT with CALLRESULTERROR (Part 4 §4.2.3).
  const type = e.messageTypeId === MessageType.CALLRESULT ? MessageType.CALLRESULTERROR : MessageType.CALLERROR;
  return { finding: found, reply: { ...callError(version, e.messageId, e.kind, e.message), type } };
}

/** Issue #12: past this depth the harness inspects the frame only textually (protocol/walk.ts), which the report must say. */
export function tooDeepFinding(frameSeq: number | undefined): Finding {
  return finding('framing', 'framing.tooDeep', `the frame nests deeper than ${maxInspectDepth} levels; it was judged but not inspected whole (secrets masked from its text only)`, { frameSeq, direction: 'in', severity: 'warning' });
}
