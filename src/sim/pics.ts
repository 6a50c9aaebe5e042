/**
 * A simulator's PICS: its own answers (station/pics.ts, csms/pics.ts) with the answers of the
 * hardware variants switched on (quirks with `pics`, src/sim/quirk-registry.ts). The demo runs
 * the catalogue with these, so a case applies to a simulator exactly as it would to a device
 * with that PICS; the cases of other hardware run against the variant they need.
 */
import type { OcppVersion, Role } from '../protocol/versions.js';
import { csmsPics } from './csms/pics.js';
import { allQuirks, type QuirkInfo } from './quirk-registry.js';
import { stationPics } from './station/pics.js';
import type { SimPicsValue } from './types.js';

/** The hardware variants of one simulator and version: the quirks that change PICS answers. */
export function hardwareVariants(side: Role, version: OcppVersion): QuirkInfo[] {
  return allQuirks().filter((q) => q.pics !== undefined && q.side === side && q.versions.includes(version));
}

/** The PICS items of the simulator of `side` for `version` with `quirks` on (later quirks win). */
export function simulatorPics(side: Role, version: OcppVersion, quirks: readonly string[] = []): Record<string, SimPicsValue> {
  const items = side === 'cs' ? stationPics(version) : csmsPics(version);
  // A variant both versions have names the items of both; each version takes those it answers.
  for (const variant of hardwareVariants(side, version)) {
    if (!quirks.includes(variant.name)) continue;
    for (const [item, value] of Object.entries(variant.pics ?? {})) if (item in items) items[item] = value;
  }
  return items;
}
