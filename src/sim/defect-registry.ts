/**
 * Collects the defects of one simulator from where they are declared (its core and each of its
 * functional-block modules per version) into one list of DefectInfo. A defect both versions have
 * is declared by a block of each, with the same words; different words are our bug.
 */
import { HarnessError } from '../errors.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import type { DefectInfo, SimPicsValue } from './types.js';

/** A defect a block declares: the version is the version of the block list it is in. */
export interface DefectDecl {
  name: string;
  description: string;
  /** Quirks that are hardware variants: the PICS answers they change (DefectInfo.pics). */
  pics?: Readonly<Record<string, SimPicsValue>>;
}

export interface DeclaringBlock {
  readonly name: string;
  readonly defects: readonly DefectDecl[];
}

const versionOrder: readonly OcppVersion[] = ['1.6', '2.0.1', '2.1'];

/** One entry per name, in order of first declaration, with the versions of every declaration. */
export function collectDefects(
  side: Role,
  core: readonly DefectInfo[],
  perVersion: ReadonlyArray<{ version: OcppVersion; blocks: readonly DeclaringBlock[] }>,
): DefectInfo[] {
  const byName = new Map<string, { versions: OcppVersion[]; description: string; declaredIn: string; pics?: DefectDecl['pics'] }>();
  const add = (decl: DefectDecl, versions: readonly OcppVersion[], where: string): void => {
    const known = byName.get(decl.name);
    if (!known) {
      byName.set(decl.name, { versions: [...versions], description: decl.description, declaredIn: where, ...(decl.pics ? { pics: decl.pics } : {}) });
      return;
    }
    if (known.description !== decl.description) {
      throw new HarnessError('E_INTERNAL', `${side} defect "${decl.name}" is described differently in ${known.declaredIn} and ${where}`);
    }
    for (const v of versions) if (!known.versions.includes(v)) known.versions.push(v);
  };
  for (const d of core) add(d, d.versions, 'the core');
  for (const { version, blocks } of perVersion) for (const block of blocks) for (const d of block.defects) add(d, [version], `${version} ${block.name}`);
  return [...byName.entries()].map(([name, { versions, description, pics }]) => ({ name, side, versions: versionOrder.filter((v) => versions.includes(v)), description, ...(pics ? { pics } : {}) }));
}
