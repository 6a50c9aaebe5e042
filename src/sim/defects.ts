/**
 * Every named simulator defect, of both simulators: what `ocpp-conform sim defects` lists, what
 * `--defect a,b` is checked against, and what test cases name in their `detects` lists.
 */
import { HarnessError } from '../errors.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { csmsDefects } from './csms/defects.js';
import { stationDefects } from './station/defects.js';
import type { DefectInfo } from './types.js';

export function allDefects(): DefectInfo[] {
  return [...stationDefects, ...csmsDefects];
}

/** The defect of that name (the first one when both simulators have it: pass side to choose). */
export function findDefect(name: string, side?: Role): DefectInfo | undefined {
  return allDefects().find((d) => d.name === name && (side === undefined || d.side === side));
}

const sideName = (side: Role): string => (side === 'cs' ? 'station' : 'CSMS');

/**
 * `a, b,c` → validated defect names of one simulator and version. An unknown name suggests the
 * closest known ones; a name of the other simulator or another version says so.
 */
/** `--defect a,b --defect c` → ['a', 'b', 'c']: one syntax for every command (comma-separated, repeatable). */
export function splitDefectNames(list: string | readonly string[] | undefined): string[] {
  return (typeof list === 'string' ? list.split(',') : [...(list ?? [])].flatMap((s) => s.split(',')))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Defect names that exist on some simulator (demo picks the side per run); an unknown one is refused with suggestions. */
export function checkDefectNames(names: readonly string[]): void {
  const known = allDefects().map((d) => d.name);
  for (const name of names) {
    if (known.includes(name)) continue;
    const close = suggestions(name, [...new Set(known)]);
    throw new HarnessError('E_USAGE', `unknown defect "${name}"${close.length > 0 ? ` — did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ''}`, { hint: 'ocpp-conform sim defects lists them' });
  }
}

export function parseDefects(list: string | readonly string[] | undefined, side: Role, version: OcppVersion): string[] {
  const names = splitDefectNames(list);
  const hint = { hint: `ocpp-conform sim defects --side ${side} --ocpp ${version}` };
  for (const name of names) {
    const mine = allDefects().filter((d) => d.name === name);
    if (mine.length === 0) {
      const close = suggestions(name, allDefects().filter((d) => d.side === side && d.versions.includes(version)).map((d) => d.name));
      throw new HarnessError('E_USAGE', `unknown defect "${name}"${close.length > 0 ? ` — did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : ''}`, hint);
    }
    const sameSide = mine.filter((d) => d.side === side);
    if (sameSide.length === 0) {
      throw new HarnessError('E_USAGE', `defect "${name}" belongs to the ${sideName(mine[0]?.side ?? side)} simulator, not the ${sideName(side)} simulator`, hint);
    }
    if (!sameSide.some((d) => d.versions.includes(version))) {
      throw new HarnessError('E_USAGE', `defect "${name}" exists for OCPP ${sameSide.flatMap((d) => d.versions).join(', ')}, not ${version}`, hint);
    }
  }
  return [...new Set(names)];
}

/** Up to three known names within a small edit distance, or sharing a word, closest first. */
function suggestions(name: string, known: readonly string[]): string[] {
  const words = new Set(name.split('-'));
  return known
    .map((k) => ({ k, distance: editDistance(name, k), shared: k.split('-').filter((w) => words.has(w)).length }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(name.length / 4)) || c.shared >= 2)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((c) => c.k);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
