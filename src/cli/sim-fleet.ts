/**
 * `sim station --count N --id-prefix CP --ramp-per-s R` (issue #14): the flags of a station
 * fleet turned into a StationFleet (src/sim/station/fleet.ts). The control API's GET /state
 * then shows the fleet's figures (connected, connect and heartbeat latencies, errors, RSS).
 */
import { HarnessError } from '../errors.js';
import { StationFleet } from '../sim/station/fleet.js';
import type { StationOptions } from '../sim/station/core/options.js';

export function createFleet(flags: { count?: string; idPrefix: string; rampPerS: string; verbose?: boolean }, station: Omit<StationOptions, 'stationId' | 'wireLog'>): StationFleet {
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1) throw new HarnessError('E_USAGE', `--count must be a positive integer, got "${flags.count ?? ''}"`);
  const rampPerS = Number(flags.rampPerS);
  if (!Number.isFinite(rampPerS) || rampPerS <= 0) throw new HarnessError('E_USAGE', `--ramp-per-s must be a positive number, got "${flags.rampPerS}"`);
  if (!/^[A-Za-z0-9*\-_=+|@.]*$/.test(flags.idPrefix)) {
    // Part 4 §3.1.1: the identity is an identifierString without ':' (it is the Basic auth username).
    throw new HarnessError('E_USAGE', `--id-prefix "${flags.idPrefix}" has characters a station identity may not contain`, { hint: 'use a-z A-Z 0-9 * - _ = + | @ .' });
  }
  if (flags.verbose) throw new HarnessError('E_USAGE', '--verbose prints one station\'s frames; it does not go with --count', { hint: 'drop --verbose, or run one station' });
  return new StationFleet({ count, idPrefix: flags.idPrefix, rampPerS, station });
}
