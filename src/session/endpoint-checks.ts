/**
 * The endpoint's judging of payloads and error codes (split from endpoint.ts): the layered checks
 * of an inbound payload and of our own outbound one, and the CALLERROR code of the negotiated
 * version. Pure: they return findings, the endpoint records them.
 */
import { errorCodeFor, misspelledFor, type RpcErrorKind } from '../protocol/error-codes.js';
import { finding, type Finding } from '../protocol/findings.js';
import type { CallErrorFrame, JsonObject } from '../protocol/frames.js';
import type { OcppVersion } from '../protocol/versions.js';
import type { MessageCheck } from './types.js';

type Kind = 'request' | 'response';

/** An inbound payload's findings (with where they come from), and the CALLERROR kind a schema violation calls for. */
export function inboundFindings(
  check: MessageCheck,
  where: { action: string; kind: Kind; payload: JsonObject; messageId: string; frameSeq: number | undefined; connectionId: string },
): { findings: Finding[]; violation: { kind: RpcErrorKind; message: string } | undefined } {
  const { action, messageId, frameSeq, connectionId } = where;
  const result = check(action, where.kind, where.payload, messageId);
  // A clean payload (nearly every one) allocates nothing more.
  if (result.findings.length === 0 && result.violations.length === 0) return { findings: result.findings, violation: undefined };
  const first = result.violations[0];
  const violation = first ? { kind: first.kind, message: result.violations.map((v) => v.message).join('; ') } : undefined;
  const findings = result.findings.map((f) => ({ ...f, action, messageId, direction: 'in' as const, ...(frameSeq === undefined ? {} : { frameSeq }), connectionId }));
  return { findings, violation };
}

/** Our own frames are judged too: a simulator with a defect must show up in its own findings. */
export function outboundFindings(check: MessageCheck, action: string, kind: Kind, payload: JsonObject, messageId: string, connectionId: string): Finding[] {
  const found = check(action, kind, payload, messageId).findings;
  if (found.length === 0) return found;
  return found.map((f) => ({ ...f, action, messageId, direction: 'out' as const, connectionId }));
}

/** The RPC framework error codes of a version, built once per version. */
const errorCodeKinds: readonly RpcErrorKind[] = ['formatViolation', 'occurrenceConstraintViolation', 'typeConstraintViolation', 'propertyConstraintViolation', 'protocolError', 'rpcFrameworkError', 'messageTypeNotSupported', 'notImplemented', 'notSupported', 'internalError', 'securityError', 'genericError'];
const errorCodesByVersion = new Map<OcppVersion, ReadonlySet<string>>();
function errorCodesOf(version: OcppVersion): ReadonlySet<string> {
  let codes = errorCodesByVersion.get(version);
  if (codes === undefined) errorCodesByVersion.set(version, (codes = new Set(errorCodeKinds.map((k) => errorCodeFor(version, k)))));
  return codes;
}

/**
 * OCPP-J 1.6 §4.2.3 / 2.0.1 Part 4 §4.2.3: a CALLERROR carries one of the version's RPC framework
 * error codes; one spelled as in another version, or none at all, is a finding.
 */
export function errorCodeFinding(version: OcppVersion, frame: CallErrorFrame, action: string, frameSeq: number | undefined): Finding | undefined {
  const other = misspelledFor(version, frame.errorCode);
  if (other) {
    return finding('semantics', 'session.errorCodeOfOtherVersion', `error code "${frame.errorCode}" is spelled as in OCPP ${other}; on an OCPP ${version} link it is not a valid error code`, { frameSeq, messageId: frame.messageId, action, direction: 'in' });
  }
  if (!errorCodesOf(version).has(frame.errorCode)) {
    return finding('semantics', 'session.unknownErrorCode', `error code "${frame.errorCode}" is not an OCPP ${version} RPC framework error code`, { frameSeq, messageId: frame.messageId, action, direction: 'in' });
  }
  return undefined;
}
