/**
 * Quirks: compliant-but-different behaviours of the reference simulators (a station that reports
 * Charging in its Started event, a first heartbeat right after the boot, a slow reboot …). A
 * defect makes a simulator wrong so a case can prove it fails; a quirk keeps it right in a way
 * real devices are, so the suite can prove the harness accepts everything the spec allows.
 * Declared like defects: by the station core and by each block module (`quirks: [...]`), listed by
 * `ocpp-conform sim quirks`, switched on with `--quirk` on `sim` and `demo`.
 */
import { HarnessError } from '../errors.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { csmsBlocks16 } from './csms/v16/blocks.js';
import { csmsBlocks201 } from './csms/v201/blocks.js';
import { collectDefects, type DefectDecl } from './defect-registry.js';
import { allDefects } from './defects.js';
import { coreQuirks } from './station/core/quirks.js';
import { blocks16 } from './station/v16/blocks.js';
import { blocks201 } from './station/v201/blocks.js';
import type { DefectInfo } from './types.js';

/** Same shape as a defect: name, simulator side, versions, one line of what it does. */
export type QuirkInfo = DefectInfo;

const asDeclaring = (blocks: ReadonlyArray<{ name: string; quirks?: readonly DefectDecl[] }>): Array<{ name: string; defects: readonly DefectDecl[] }> =>
  blocks.map((b) => ({ name: b.name, defects: b.quirks ?? [] }));

/** CSMS core quirks (simulator.ts). */
const csmsCoreQuirks: readonly DefectInfo[] = [];

export function allQuirks(): QuirkInfo[] {
  return [
    ...collectDefects('cs', coreQuirks, [
      { version: '2.0.1', blocks: asDeclaring(blocks201) },
      { version: '1.6', blocks: asDeclaring(blocks16) },
    ]),
    ...collectDefects('csms', csmsCoreQuirks, [
      { version: '2.0.1', blocks: asDeclaring(csmsBlocks201) },
      { version: '1.6', blocks: asDeclaring(csmsBlocks16) },
    ]),
  ];
}

/** Quirk names of one simulator and version; an unknown one, or a defect's name, is a usage error. */
export function parseQuirks(names: readonly string[], side: Role, version: OcppVersion): string[] {
  const hint = { hint: `ocpp-conform sim quirks --side ${side} --ocpp ${version}` };
  for (const name of names) {
    const mine = allQuirks().filter((x) => x.name === name && x.side === side);
    if (mine.length === 0) {
      const isDefect = allDefects().some((d) => d.name === name);
      throw new HarnessError('E_USAGE', isDefect ? `"${name}" is a defect, not a quirk: pass it with --defect` : `unknown ${side === 'cs' ? 'station' : 'CSMS'} quirk "${name}"`, hint);
    }
    if (!mine.some((x) => x.versions.includes(version))) throw new HarnessError('E_USAGE', `quirk "${name}" exists for OCPP ${mine.flatMap((x) => x.versions).join(', ')}, not ${version}`, hint);
  }
  return [...new Set(names)];
}

/** Names that exist on some simulator (demo picks the side per run). */
export function checkQuirkNames(names: readonly string[]): void {
  const known = new Set(allQuirks().map((x) => x.name));
  for (const name of names) if (!known.has(name)) throw new HarnessError('E_USAGE', `unknown quirk "${name}"`, { hint: 'ocpp-conform sim quirks lists them' });
}
