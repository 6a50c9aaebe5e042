/**
 * The reference charging station simulator, OCPP 2.0.1 or 1.6: the DUT every `_CS` case is proven
 * against, a standalone tool to point at a CSMS, and the harness's demo peer.
 *
 * ```ts
 * const station = createStationSimulator({ version: '2.0.1', csmsUrl: 'ws://localhost:9000/ocpp' });
 * await station.start();
 * await station.perform('plugIn', { evseId: 1 });
 * await station.perform('presentIdToken', { idToken: '04A1B2C3D4E5F6', type: 'ISO14443' });
 * ```
 */
import type { StationOptions } from './core/options.js';
import type { StationCore } from './core/station-core.js';
import { Station16 } from './v16/station.js';
import { Station201 } from './v201/station.js';

export type { StationOptions, StationTimers, ConnectionState, BootState, StationVersion } from './core/options.js';
export { StationCore } from './core/station-core.js';
export { Station201 } from './v201/station.js';
export { Station16 } from './v16/station.js';
export { stationDefects, stationDefectNames, resolveStationDefects } from './defects.js';

export type StationSimulator = StationCore;

/** A station simulator for `options.version` (defects are validated: an unknown name throws E_USAGE). */
export function createStationSimulator(options: StationOptions): StationSimulator {
  return options.version === '1.6' ? new Station16(options) : new Station201(options);
}
