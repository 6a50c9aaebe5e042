/**
 * The shape of a CSMS functional-block module: the answers to the station → CSMS CALLs of its
 * block (responders) and the CALLs it builds when the engine triggers it (triggers), plus the
 * defects that break them. Blocks share only the responder host and the trigger context the
 * core gives them; adding a block touches no other block's file.
 */
import type { JsonObject } from '../../protocol/frames.js';
import { PropertyConstraintViolationError } from '../../session/rpc-error.js';
import type { DefectDecl } from '../defect-registry.js';
import type { Params } from './params.js';
import type { Responder, ResponderHost } from './responses.js';
import type { CsmsTriggerAction, TriggerContext } from './triggers.js';

/** A CALL the CSMS sends; `then`: further CALLs of the same request, sent one after the other (e.g. a request split by the station's ItemsPerMessage). */
export type Call = { action: string; payload: JsonObject; then?: ReadonlyArray<{ action: string; payload: JsonObject }> };
export type TriggerBuilder = (ctx: TriggerContext, p: Params) => Call;

export interface CsmsBlock {
  /** The testcases/ folder name without its letter (2.0.1) or the 1.6 feature profile. */
  readonly name: string;
  readonly defects: readonly DefectDecl[];
  /** Compliant-but-different behaviours of this block (src/sim/quirk-registry.ts). */
  readonly quirks?: readonly DefectDecl[];
  responders?(host: ResponderHost): Record<string, Responder>;
  readonly triggers?: Partial<Record<CsmsTriggerAction, TriggerBuilder>>;
  /** What the block learns about a station from the answer to a CALL the CSMS sent it (e.g. device-model values). */
  learn?(memory: StationMemory, call: { action: string; payload: JsonObject }, response: JsonObject): void;
}

/** What the CSMS remembers of one station's device model ("Component.Variable[Instance]" → value). */
export interface StationMemory {
  remember(key: string, value: string): void;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
export const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);

/** An acknowledgement with an empty payload (notifications the simulator only takes note of). */
export const empty: Responder = () => ({});

/** MeterValues for the main meter (both versions), declared by the meter-values blocks. */
export const meterValuesEvse0Error = { name: 'meter-values-evse0-error', description: 'answers MeterValues for evseId / connectorId 0 (the main meter) with CALLERROR PropertyConstraintViolation' } as const;

/** The meter-values-evse0-error defect. */
export function checkMeterId(has: (defect: string) => boolean, meterId: number | undefined): void {
  if (meterId === 0 && has('meter-values-evse0-error')) throw new PropertyConstraintViolationError('evseId 0 is not a valid EVSE');
}
