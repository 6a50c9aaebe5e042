/**
 * Fault injection on any case (issue #16): the run's fault plan installed on every connection the
 * harness has with the DUT, and the faults that hit each case recorded in its result, so the
 * report shows what was injected and where (wire-log sequence numbers, direction, what happened).
 *
 * Each connection gets its own random source, seeded with the run's seed plus the connection's
 * number: the same seed and the same traffic give the same faults, connection after connection.
 */
import type { Clock } from '../clock.js';
import type { OcppEndpoint } from '../session/endpoint.js';
import { Connection } from '../transport/connection.js';
import { injectFaults, type FaultPlan } from '../transport/faults.js';
import type { WireLog } from '../transport/wire-log.js';
import type { Reporter } from './reporter.js';
import type { FaultRecord } from './run-model.js';

export interface RunFaults {
  /** The profile name, or the spec itself when none was named: what JUnit names and the report show. */
  profile: string;
  spec: string;
  seed: number;
  plan: FaultPlan;
}

/** Install the plan on each endpoint's connection (a real transport connection; in-memory pairs are left alone). */
export function faultInstaller(faults: RunFaults, clock: Clock): (endpoint: OcppEndpoint) => void {
  let connections = 0;
  return (endpoint) => {
    const connection = endpoint.connection;
    if (!(connection instanceof Connection)) return;
    injectFaults(connection, faults.plan, { seed: faults.seed + connections++, clock });
  };
}

/**
 * A reporter placed first: it writes the faults of the wire log during each case into its result.
 * It collects them as they are recorded, not by reading the log back at the case's end: with a
 * sink the case's entries have already left memory by then (issue #14: retention per case).
 */
export function faultRecorder(wireLog: WireLog): Reporter {
  let current: FaultRecord[] | undefined;
  wireLog.onEntry((e) => {
    if (current && e.kind === 'fault') current.push({ seq: e.seq, connectionId: e.connectionId, direction: e.direction, fault: e.fault, detail: e.detail, wallTime: e.wallTime });
  });
  return {
    onCaseBegin: () => {
      current = [];
    },
    onCaseEnd: (result) => {
      result.faults = current ?? [];
      current = undefined;
    },
  };
}
