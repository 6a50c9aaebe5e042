/**
 * The reference charging station simulator, OCPP 2.0.1 or 1.6: the DUT every `_CS` case is proven
 * against, a standalone tool to point at a CSMS, and the harness's demo peer.
 *
 * ```ts
 * const station = createStationSimulator({ version: '2.0.1', csmsUrl: 'ws://localhost:9000/ocpp' });
 * await station.start();
 * await station.perform('plugIn', { evseId: 1 });
 * await station.perform('presentIdToken', { idToken: 'VALID-TOKEN-01', type: 'ISO14443' });
 * ```
 */
import type { StationCore, StationOptions } from './core.js';
import { Station16 } from './v16.js';
import { Station201 } from './v201.js';

export type { StationOptions, StationTimers, ConnectionState, BootState, StationVersion } from './core.js';
export { StationCore } from './core.js';
export { Station201 } from './v201.js';
export { Station16 } from './v16.js';
export { stationDefects, stationDefectNames, resolveStationDefects } from './defects.js';

export type StationSimulator = StationCore;

/** A station simulator for `options.version` (defects are validated: an unknown name throws E_USAGE). */
export function createStationSimulator(options: StationOptions): StationSimulator {
  return options.version === '1.6' ? new Station16(options) : new Station201(options);
}
