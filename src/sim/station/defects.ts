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
import type { DefectDecl } from './core/block.js';
import { coreDefects } from './core/defects.js';
import { blocks16 } from './v16/blocks.js';
import { blocks201 } from './v201/blocks.js';

/** One entry per name: the versions of every declaration; two declarations must agree on the words. */
export function collectDefects(core: readonly DefectInfo[], perVersion: ReadonlyArray<{ version: OcppVersion; blocks: ReadonlyArray<{ name: string; defects: readonly DefectDecl[] }> }>): DefectInfo[] {
  const byName = new Map<string, { name: string; side: 'cs'; versions: OcppVersion[]; description: string; declaredIn: string }>();
  const add = (decl: DefectDecl, versions: readonly OcppVersion[], where: string): void => {
    const known = byName.get(decl.name);
    if (!known) {
      byName.set(decl.name, { name: decl.name, side: 'cs', versions: [...versions], description: decl.description, declaredIn: where });
      return;
    }
    if (known.description !== decl.description) {
      throw new HarnessError('E_INTERNAL', `station defect "${decl.name}" is described differently in ${known.declaredIn} and ${where}`);
    }
    for (const v of versions) if (!known.versions.includes(v)) known.versions.push(v);
  };
  for (const d of core) add(d, d.versions, 'the station core');
  for (const { version, blocks } of perVersion) for (const block of blocks) for (const d of block.defects) add(d, [version], `${version} ${block.name}`);
  const order: readonly OcppVersion[] = ['1.6', '2.0.1'];
  return [...byName.values()].map(({ name, side, versions, description }) => ({ name, side, versions: order.filter((v) => versions.includes(v)), description }));
}

export const stationDefects: readonly DefectInfo[] = collectDefects(coreDefects, [
  { version: '2.0.1', blocks: blocks201 },
  { version: '1.6', blocks: blocks16 },
]);

export const stationDefectNames: readonly string[] = stationDefects.map((x) => x.name);

/** The defects valid for `version`; an unknown name is a usage error, never silently ignored. */
export function resolveStationDefects(version: OcppVersion, names: readonly string[] = []): ReadonlySet<string> {
  for (const name of names) {
    const info = stationDefects.find((x) => x.name === name);
    if (!info) throw new HarnessError('E_USAGE', `unknown station defect "${name}"`, { hint: `known: ${stationDefectNames.join(', ')}` });
    if (!info.versions.includes(version)) throw new HarnessError('E_USAGE', `station defect "${name}" does not exist for OCPP ${version}`);
  }
  return new Set(names);
}
