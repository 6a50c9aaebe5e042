/**
 * How the CSMS simulator answers every station → CSMS CALL of a version: the responders of the
 * version's block modules (csms/v201/blocks.ts, csms/v16/blocks.ts), each a schema-valid
 * response from its tokens, boot policy and transaction bookkeeping, or the CALLERROR the spec
 * asks for. test/sim/csms/responses.test.ts checks that every action the station may send has
 * an answer here and that every answer passes our own schema checks.
 */
import { HarnessError } from '../../errors.js';
import type { JsonObject } from '../../protocol/frames.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { Pki } from '../../protocol/pki.js';
import type { OcppEndpoint } from '../../session/endpoint.js';
import type { BootStatus, CsmsState, StationRecord } from './state.js';
import type { TokenBook } from './tokens.js';
import type { CsmsTriggerAction } from './triggers.js';
import { csmsBlocksOf } from './version-blocks.js';

export interface ResponderHost {
  version: OcppVersion;
  state: CsmsState;
  tokens: TokenBook;
  has(defect: string): boolean;
  /** A compliant-but-different behaviour switched on (src/sim/quirk-registry.ts). */
  hasQuirk?(quirk: string): boolean;
  /** The boot status for the station's next BootNotification (the boot policy). */
  bootStatusFor(station: StationRecord): BootStatus;
  heartbeatIntervalS: number;
  retryIntervalS: number;
  /** Vendor ids whose DataTransfer we accept; any other gets UnknownVendorId. */
  acceptedVendorIds: readonly string[];
  wallMs(): number;
  /** Certificate operations (sign a station's CSR), when the simulator was given them. */
  pki?: Pki;
}

/** What a responder may do once its answer is on the wire: send the station CALLs of its own (e.g. CertificateSigned after SignCertificate). */
export interface ResponderFollowUp {
  after(fn: (endpoint: OcppEndpoint) => Promise<void>): void;
  /** Run one of the simulator's triggers for this station once the answer is out (2.0.1 K15: a charging profile for the EV's charging needs). */
  trigger(action: CsmsTriggerAction, params: Record<string, unknown>): void;
}

export type Responder = (station: StationRecord, payload: JsonObject, followUp?: ResponderFollowUp) => JsonObject | Promise<JsonObject>;

export { currentTime } from './registration.js';

export function csmsResponders(host: ResponderHost): Record<string, Responder> {
  const out: Record<string, Responder> = {};
  const owner = new Map<string, string>();
  for (const block of csmsBlocksOf(host.version)) {
    for (const [action, respond] of Object.entries(block.responders?.(host) ?? {})) {
      const first = owner.get(action);
      if (first !== undefined) throw new HarnessError('E_INTERNAL', `CSMS blocks ${first} and ${block.name} both answer ${action}`);
      owner.set(action, block.name);
      out[action] = respond;
    }
  }
  return out;
}
