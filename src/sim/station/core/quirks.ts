/**
 * Quirks of the station core: behaviours the spec allows that our compliant simulator does not
 * show by default but real stations do. A case must pass against each of them (test/catalogue/
 * quirks.test.ts); the behaviour lives in station-core.ts beside this file.
 */
import type { OcppVersion } from '../../../protocol/versions.js';
import type { DefectInfo } from '../../types.js';

const both: readonly OcppVersion[] = ['1.6', '2.0.1'];
const q = (name: string, versions: readonly OcppVersion[], description: string): DefectInfo => ({ name, side: 'cs', versions, description });

/** How long a reboot takes with `slow-reboot`: seconds, like a real station (ours takes `rebootMs`). */
export const slowRebootMs = 3_000;

export const coreQuirks: readonly DefectInfo[] = [
  // OCPP 1.6 §4.6 / 2.0.1 B05: HeartbeatInterval bounds the time between heartbeats; no minimum delay after the boot.
  q('early-heartbeat', both, 'sends its first Heartbeat 100 ms after BootNotification Accepted, then one per interval'),
  q('slow-reboot', both, `takes ${slowRebootMs / 1000} s to come back after a Reset or power cycle, like a real station`),
];
