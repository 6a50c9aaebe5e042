/**
 * Thrown by a call handler to answer with a CALLERROR. The kind is version-neutral; the endpoint
 * spells it for the negotiated version (1.6 `FormationViolation`, 2.0.1 `FormatViolation`, …).
 */
import type { RpcErrorKind } from '../protocol/error-codes.js';
import type { JsonObject } from '../protocol/frames.js';

export class RpcError extends Error {
  readonly kind: RpcErrorKind;
  readonly details: JsonObject;

  constructor(kind: RpcErrorKind, description: string, details: JsonObject = {}) {
    super(description);
    this.name = 'RpcError';
    this.kind = kind;
    this.details = details;
  }
}

export class NotImplementedError extends RpcError {
  constructor(description = 'not implemented', details?: JsonObject) {
    super('notImplemented', description, details);
  }
}
export class NotSupportedError extends RpcError {
  constructor(description = 'not supported', details?: JsonObject) {
    super('notSupported', description, details);
  }
}
export class InternalRpcError extends RpcError {
  constructor(description = 'internal error', details?: JsonObject) {
    super('internalError', description, details);
  }
}
export class SecurityRpcError extends RpcError {
  constructor(description = 'security error', details?: JsonObject) {
    super('securityError', description, details);
  }
}
export class FormatViolationError extends RpcError {
  constructor(description = 'format violation', details?: JsonObject) {
    super('formatViolation', description, details);
  }
}
export class PropertyConstraintViolationError extends RpcError {
  constructor(description = 'property constraint violation', details?: JsonObject) {
    super('propertyConstraintViolation', description, details);
  }
}
export class OccurrenceConstraintViolationError extends RpcError {
  constructor(description = 'occurrence constraint violation', details?: JsonObject) {
    super('occurrenceConstraintViolation', description, details);
  }
}
export class TypeConstraintViolationError extends RpcError {
  constructor(description = 'type constraint violation', details?: JsonObject) {
    super('typeConstraintViolation', description, details);
  }
}
export class GenericRpcError extends RpcError {
  constructor(description = 'generic error', details?: JsonObject) {
    super('genericError', description, details);
  }
}

/**
 * Thrown by a call handler to send no answer at all (a test of the peer's message timeout and
 * retries, e.g. 2.0.1 Part 6 TC_E_41_CS). The CALL counts as settled on our side, so the peer's
 * next CALL after its own timeout is not taken for a second CALL in flight.
 */
export class NoReply extends Error {
  constructor(reason = 'no reply on purpose') {
    super(reason);
    this.name = 'NoReply';
  }
}
