/**
 * Endpoints over real connections: the layered protocol checks wired in, the version taken from
 * the negotiated subprotocol, the direction table from the action catalogue.
 */
import type { Clock } from '../clock.js';
import { senderOf } from '../protocol/actions.js';
import { checkMessage } from '../protocol/checks.js';
import { builtinSchemaSet, type SchemaSet } from '../protocol/schemas.js';
import { versionOfSubprotocol, type OcppVersion, type Role } from '../protocol/versions.js';
import { HarnessError } from '../errors.js';
import { OcppEndpoint } from './endpoint.js';
import type { MessageCheck, SessionConnection } from './types.js';

/** Schema → format → semantics checks of one version, as the session layer calls them. */
export function messageCheckFor(version: OcppVersion, set: SchemaSet = builtinSchemaSet(version)): MessageCheck {
  return (action, kind, payload) => {
    const result = checkMessage({ set, version, action, kind, payload });
    return { findings: result.findings, violations: result.violations.map((v) => ({ kind: v.kind, message: v.message })) };
  };
}

export interface OpenEndpointOptions {
  role: Role;
  /** Version to speak; default: the negotiated subprotocol. */
  version?: OcppVersion;
  schemas?: SchemaSet;
  clock?: Clock;
  callTimeoutMs?: number;
  newMessageId?: () => string;
  /** Skip validation entirely (benchmarks of the bare path only). */
  validate?: boolean;
  /** How many finished message ids to remember for late answers (default 1000; the simulators keep fewer). */
  rememberedIds?: number;
}

export function openEndpoint(connection: SessionConnection & { info?: { subprotocol: string | null } }, options: OpenEndpointOptions): OcppEndpoint {
  const negotiated = connection.info?.subprotocol ? versionOfSubprotocol(connection.info.subprotocol) : undefined;
  const version = options.version ?? negotiated;
  if (!version) {
    throw new HarnessError('E_TRANSPORT', `connection ${connection.id} has no agreed OCPP subprotocol`, { hint: 'offer ocpp1.6, ocpp2.0.1 or ocpp2.1' });
  }
  return new OcppEndpoint({
    connection,
    version,
    role: options.role,
    ...(options.validate === false ? {} : { check: messageCheckFor(version, options.schemas) }),
    senderOf: (action) => senderOf(version, action),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.callTimeoutMs === undefined ? {} : { callTimeoutMs: options.callTimeoutMs }),
    ...(options.newMessageId ? { newMessageId: options.newMessageId } : {}),
    ...(options.rememberedIds === undefined ? {} : { rememberedIds: options.rememberedIds }),
  });
}
