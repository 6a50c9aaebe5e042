/**
 * OCPP-J framing: parse and serialize the RPC frames of every version.
 *
 * - CALL        [2, messageId, action, payload]                    (all versions)
 * - CALLRESULT  [3, messageId, payload]                            (all versions)
 * - CALLERROR   [4, messageId, errorCode, errorDescription, errorDetails] (all versions)
 * - CALLRESULTERROR [5, …same as CALLERROR]                        (2.1 Part 4 §4.2.3)
 * - SEND        [6, messageId, action, payload]                    (2.1 Part 4 §4.2.4)
 *
 * `parseFrame` never throws for any input string: it returns a frame or a `FrameError` carrying
 * the error kind the receiver must answer with, spelled for the negotiated version. Limits that
 * are about *values* (message id length, identifier strings) belong to the format layer.
 */
import { errorCodeFor, type RpcErrorKind } from './error-codes.js';
import type { OcppVersion } from './versions.js';

export const MessageType = {
  CALL: 2,
  CALLRESULT: 3,
  CALLERROR: 4,
  CALLRESULTERROR: 5,
  SEND: 6,
} as const;
export type MessageTypeId = (typeof MessageType)[keyof typeof MessageType];

export type JsonObject = { [key: string]: unknown };

export interface CallFrame {
  type: typeof MessageType.CALL;
  messageId: string;
  action: string;
  payload: JsonObject;
}
export interface CallResultFrame {
  type: typeof MessageType.CALLRESULT;
  messageId: string;
  payload: JsonObject;
}
export interface CallErrorFrame {
  type: typeof MessageType.CALLERROR | typeof MessageType.CALLRESULTERROR;
  messageId: string;
  errorCode: string;
  errorDescription: string;
  errorDetails: JsonObject;
}
export interface SendFrame {
  type: typeof MessageType.SEND;
  messageId: string;
  action: string;
  payload: JsonObject;
}
export type Frame = CallFrame | CallResultFrame | CallErrorFrame | SendFrame;

/** Why a text is not a frame, and what the receiver answers. */
export interface FrameError {
  kind: RpcErrorKind;
  /** The error code spelled for the version in use. */
  errorCode: string;
  message: string;
  /** The message id when readable, else "-1" (2.0.1 Part 4 §4.2.3: an unreadable id is answered with "-1"). */
  messageId: string;
  /** The message type number when readable. */
  messageTypeId?: number;
  /** The action when readable (CALL / SEND). */
  action?: string;
  /**
   * Whether the receiver is expected to answer with a CALLERROR: true for anything that is (or may
   * be) a CALL; false for a broken CALLRESULT/CALLERROR, which gets no reply in 1.6/2.0.1.
   */
  reply: boolean;
}

export type ParseResult = { ok: true; frame: Frame } | { ok: false; error: FrameError };

export const unreadableMessageId = '-1';

export function supportedMessageTypes(version: OcppVersion): readonly number[] {
  return version === '2.1' ? [2, 3, 4, 5, 6] : [2, 3, 4];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseFrame(text: string, version: OcppVersion): ParseResult {
  const fail = (kind: RpcErrorKind, message: string, extra: Partial<FrameError> = {}): ParseResult => ({
    ok: false,
    error: { kind, errorCode: errorCodeFor(version, kind), message, messageId: unreadableMessageId, reply: true, ...extra },
  });

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail('rpcFrameworkError', `not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(value)) return fail('rpcFrameworkError', `an OCPP-J frame is a JSON array, got ${describe(value)}`);
  if (value.length === 0) return fail('rpcFrameworkError', 'an OCPP-J frame must not be an empty array');

  const typeId: unknown = value[0];
  const rawId: unknown = value[1];
  const messageId = typeof rawId === 'string' ? rawId : unreadableMessageId;
  if (typeof typeId !== 'number' || !Number.isInteger(typeId)) {
    return fail('rpcFrameworkError', `the message type must be an integer, got ${describe(typeId)}`, { messageId });
  }
  if (!supportedMessageTypes(version).includes(typeId)) {
    // 2.0.1 Part 4 §4.4: an unknown message type is answered with MessageTypeNotSupported.
    return fail('messageTypeNotSupported', `message type ${typeId} is not defined in OCPP ${version}`, { messageId, messageTypeId: typeId });
  }
  const isRequest = typeId === MessageType.CALL || typeId === MessageType.SEND;
  // A broken response is never answered in 1.6/2.0.1; 2.1 answers a broken CALLRESULT with
  // CALLRESULTERROR (Part 4 §4.2.3), a broken SEND is never answered (§4.2.4).
  const reply = typeId === MessageType.CALL || (version === '2.1' && typeId === MessageType.CALLRESULT);
  const base = { messageId, messageTypeId: typeId, reply };
  if (typeof rawId !== 'string') {
    return fail('rpcFrameworkError', `the message id must be a string, got ${describe(rawId)}`, base);
  }

  if (isRequest) {
    if (value.length !== 4) return fail('rpcFrameworkError', `a ${typeName(typeId)} has 4 elements, got ${value.length}`, base);
    const action: unknown = value[2];
    const payload: unknown = value[3];
    if (typeof action !== 'string' || action.length === 0) {
      return fail('rpcFrameworkError', `the action must be a non-empty string, got ${describe(action)}`, base);
    }
    if (!isObject(payload)) return fail('formatViolation', `the payload of ${action} must be a JSON object, got ${describe(payload)}`, { ...base, action });
    return { ok: true, frame: { type: typeId, messageId: rawId, action, payload } };
  }
  if (typeId === MessageType.CALLRESULT) {
    if (value.length !== 3) return fail('rpcFrameworkError', `a CALLRESULT has 3 elements, got ${value.length}`, base);
    const payload: unknown = value[2];
    if (!isObject(payload)) return fail('formatViolation', `the payload of a CALLRESULT must be a JSON object, got ${describe(payload)}`, base);
    return { ok: true, frame: { type: MessageType.CALLRESULT, messageId: rawId, payload } };
  }
  // CALLERROR / CALLRESULTERROR
  if (value.length !== 5) return fail('rpcFrameworkError', `a ${typeName(typeId)} has 5 elements, got ${value.length}`, base);
  const [, , errorCode, errorDescription, errorDetails] = value as unknown[];
  if (typeof errorCode !== 'string') return fail('rpcFrameworkError', `the errorCode must be a string, got ${describe(errorCode)}`, base);
  if (typeof errorDescription !== 'string') return fail('formatViolation', `the errorDescription must be a string, got ${describe(errorDescription)}`, base);
  if (!isObject(errorDetails)) return fail('formatViolation', `the errorDetails must be a JSON object, got ${describe(errorDetails)}`, base);
  return {
    ok: true,
    frame: { type: typeId as CallErrorFrame['type'], messageId: rawId, errorCode, errorDescription, errorDetails },
  };
}

export function serializeFrame(frame: Frame): string {
  switch (frame.type) {
    case MessageType.CALL:
    case MessageType.SEND:
      return JSON.stringify([frame.type, frame.messageId, frame.action, frame.payload]);
    case MessageType.CALLRESULT:
      return JSON.stringify([frame.type, frame.messageId, frame.payload]);
    case MessageType.CALLERROR:
    case MessageType.CALLRESULTERROR:
      return JSON.stringify([frame.type, frame.messageId, frame.errorCode, frame.errorDescription, frame.errorDetails]);
  }
}

/** OCPP-J 2.1 Part 4 §4.2.3: errorDescription is a string[255]; we never send a longer one. */
export const maxErrorDescriptionLength = 255;

export function callError(
  version: OcppVersion,
  messageId: string,
  kind: RpcErrorKind,
  description: string,
  details: JsonObject = {},
): CallErrorFrame {
  return {
    type: MessageType.CALLERROR,
    messageId,
    errorCode: errorCodeFor(version, kind),
    errorDescription: description.slice(0, maxErrorDescriptionLength),
    errorDetails: details,
  };
}

export function typeName(typeId: number): string {
  switch (typeId) {
    case 2: return 'CALL';
    case 3: return 'CALLRESULT';
    case 4: return 'CALLERROR';
    case 5: return 'CALLRESULTERROR';
    case 6: return 'SEND';
    default: return `type ${typeId}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value}`;
  return typeof value;
}
