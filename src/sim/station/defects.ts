/**
 * The named non-conformances of the reference charging station, collected from where they are
 * declared: the station core (core/defects.ts) and each functional-block module of each version
 * (v201/blocks.ts, v16/blocks.ts). Each one is a plausible real-world bug, changes what the
 * simulator puts on the wire, and exists so that at least one `_CS` test case can prove it
 * catches it. A defect both versions have is declared by a block of each, with the same words.
 */
import { HarnessError } from '../../errors.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { DefectInfo } from '../types.js';
import { collectDefects } from '../defect-registry.js';
import { coreDefects } from './core/defects.js';
import { blocks16 } from './v16/blocks.js';
import { blocks201 } from './v201/blocks.js';

export const stationDefects: readonly DefectInfo[] = collectDefects('cs', coreDefects, [
  { version: '2.0.1', blocks: blocks201 },
  { version: '1.6', blocks: blocks16 },
]);

export const stationDefectNames: readonly string[] = stationDefects.map((x) => x.name);

/** One empty set for every station without defects (issue #14: a fleet of compliant stations). */
const noDefects: ReadonlySet<string> = new Set();

/** The defects valid for `version`; an unknown name is a usage error, never silently ignored. */
export function resolveStationDefects(version: OcppVersion, names: readonly string[] = []): ReadonlySet<string> {
  for (const name of names) {
    const info = stationDefects.find((x) => x.name === name);
    if (!info) throw new HarnessError('E_USAGE', `unknown station defect "${name}"`, { hint: `known: ${stationDefectNames.join(', ')}` });
    if (!info.versions.includes(version)) throw new HarnessError('E_USAGE', `station defect "${name}" does not exist for OCPP ${version}`);
  }
  return names.length === 0 ? noDefects : new Set(names);
}
