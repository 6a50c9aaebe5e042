/**
 * OCPP-J RPC framework error codes, spelled per version.
 *
 * The harness reasons in version-neutral *kinds*; the wire spelling depends on the negotiated
 * version:
 * - 1.6 (OCPP-J 1.6 §4.2.3 table 7): `FormationViolation`, `OccurenceConstraintViolation` (sic; the
 *   OCPP-J 1.6 errata §5.1 keeps the typo on purpose), no `RpcFrameworkError` nor
 *   `MessageTypeNotSupported`.
 * - 2.0.1 (Part 4 §4.3 table 8): `FormatViolation`, `OccurrenceConstraintViolation`,
 *   `RpcFrameworkError`, `MessageTypeNotSupported`.
 * - 2.1 (Part 4 §4.3): as 2.0.1.
 */
import type { OcppVersion } from './versions.js';

export type RpcErrorKind =
  | 'formatViolation'
  | 'occurrenceConstraintViolation'
  | 'typeConstraintViolation'
  | 'propertyConstraintViolation'
  | 'protocolError'
  | 'rpcFrameworkError'
  | 'messageTypeNotSupported'
  | 'notImplemented'
  | 'notSupported'
  | 'internalError'
  | 'securityError'
  | 'genericError';

const common = {
  typeConstraintViolation: 'TypeConstraintViolation',
  propertyConstraintViolation: 'PropertyConstraintViolation',
  protocolError: 'ProtocolError',
  notImplemented: 'NotImplemented',
  notSupported: 'NotSupported',
  internalError: 'InternalError',
  securityError: 'SecurityError',
  genericError: 'GenericError',
} as const;

const spelling: Record<OcppVersion, Record<RpcErrorKind, string>> = {
  '1.6': {
    ...common,
    formatViolation: 'FormationViolation',
    occurrenceConstraintViolation: 'OccurenceConstraintViolation',
    // 1.6 has no RpcFrameworkError: an unreadable frame is "syntactically incorrect or not
    // conform the PDU structure" (table 7, FormationViolation).
    rpcFrameworkError: 'FormationViolation',
    // 1.6 has no MessageTypeNotSupported: "any other error" is GenericError.
    messageTypeNotSupported: 'GenericError',
  },
  '2.0.1': {
    ...common,
    formatViolation: 'FormatViolation',
    occurrenceConstraintViolation: 'OccurrenceConstraintViolation',
    rpcFrameworkError: 'RpcFrameworkError',
    messageTypeNotSupported: 'MessageTypeNotSupported',
  },
  '2.1': {
    ...common,
    formatViolation: 'FormatViolation',
    occurrenceConstraintViolation: 'OccurrenceConstraintViolation',
    rpcFrameworkError: 'RpcFrameworkError',
    messageTypeNotSupported: 'MessageTypeNotSupported',
  },
};

/** The wire spelling of an error kind in a version. */
export function errorCodeFor(version: OcppVersion, kind: RpcErrorKind): string {
  return spelling[version][kind];
}

/** Every error code a peer may legally put in a CALLERROR on a link of this version. */
export function validErrorCodes(version: OcppVersion): ReadonlySet<string> {
  return new Set(Object.values(spelling[version]));
}

/** Codes that are valid in some other version but not this one: the typical cross-version mistake. */
export function misspelledFor(version: OcppVersion, code: string): OcppVersion | undefined {
  if (validErrorCodes(version).has(code)) return undefined;
  return (['1.6', '2.0.1', '2.1'] as const).find((v) => v !== version && validErrorCodes(v).has(code));
}
