/**
 * The contract every reference simulator keeps, so the engine's `sim` DUT adapter, the local
 * HTTP control API and the CLI drive them the same way. The simulators speak OCPP only through
 * the session layer: everything they send is judged by our own validators.
 */
import type { Clock } from '../clock.js';
import type { OcppVersion, Role } from '../protocol/versions.js';

/** A named, deliberate non-conformance a simulator can be switched into. */
export interface DefectInfo {
  /** kebab-case, stable: it appears in test-case `detects` lists and on the command line. */
  name: string;
  /** Which simulator has it: 'cs' = the station simulator, 'csms' = the CSMS simulator. */
  side: Role;
  versions: readonly OcppVersion[];
  /** One line: what the simulator does wrong. */
  description: string;
  /**
   * Quirks only: a hardware variant (fixed cable, back-up power, a user interface …) changes the
   * simulator's answers to these PICS items (src/sim/pics.ts); the demo runs the cases that only
   * apply to that hardware with the variant switched on.
   */
  pics?: Readonly<Record<string, SimPicsValue>>;
}

/** A PICS answer a simulator gives about itself (the values of engine/pics-condition.ts, without importing it). */
export type SimPicsValue = boolean | number | string | string[];

export type ControlResult = { done: true; detail?: string } | { done: false; reason: string };

/**
 * In-process control of a simulator. Action names are the engine's DUT action vocabulary
 * (src/engine/dut-adapter.ts `dutActions`): station simulators implement the station-side ones
 * (plugIn, presentIdToken, powerCycle, …), the CSMS simulator the trigger* ones.
 */
export interface SimControl {
  readonly side: Role;
  readonly version: OcppVersion;
  /** The action names this simulator implements. */
  readonly actions: readonly string[];
  perform(action: string, params: Record<string, unknown>): Promise<ControlResult>;
  /** A JSON-serialisable snapshot for the control API and for tests. */
  snapshot(): unknown;
}

/** Timers of a simulator, short in the demo and tests, realistic for standalone use. */
export interface SimTimers {
  /** Delay before a station retries a refused/failed connection (OCPP-J reconnect back-off base). */
  reconnectBackoffMs: number;
  /** How long a reboot takes (powerCycle / Reset). */
  rebootMs: number;
}

export interface SimCommonOptions {
  version: OcppVersion;
  defects?: readonly string[];
  /** Compliant-but-different behaviours (src/sim/quirk-registry.ts). */
  quirks?: readonly string[];
  clock?: Clock;
}
