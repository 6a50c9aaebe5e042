/**
 * Which catalogue a run, list or demo draws from (issue #16): the official one (`testcases/
 * <version>/<side>/`, TC_ ids) or the robustness catalogue beyond it (`testcases/robustness/
 * <version>/<side>/`, RB_ ids, cases that carry `robustness` metadata), or both. The default is
 * official, so certification summaries never count a robustness case unless asked to.
 *
 * Robustness cases start from the official reusable states (Booted …) and the official restore,
 * so the state modules always come from the official folder.
 */
import * as path from 'node:path';
import { HarnessError } from '../errors.js';
import { defaultTestcasesRoot, loadCatalogue, robustnessFolder, type LoadedCatalogue, type LoadFilter } from './loader.js';

export const catalogueKinds = ['official', 'robustness', 'all'] as const;
export type CatalogueKind = (typeof catalogueKinds)[number];

export function parseCatalogueKind(value: string | undefined): CatalogueKind {
  if (value === undefined) return 'official';
  if ((catalogueKinds as readonly string[]).includes(value)) return value as CatalogueKind;
  throw new HarnessError('E_USAGE', `--catalogue must be one of ${catalogueKinds.join(', ')}, got "${value}"`);
}

/** The cases of `kind` under `root` (default: the built-in catalogue), with the official states. */
export async function loadCatalogueOf(kind: CatalogueKind, root: string = defaultTestcasesRoot, filter: LoadFilter = {}): Promise<LoadedCatalogue> {
  const official = await loadCatalogue(root, filter);
  if (kind === 'official') return official;
  const rbRoot = path.join(path.resolve(root), robustnessFolder);
  const robustness = await loadCatalogue(rbRoot, filter);
  const problems = [
    ...robustness.cases.filter((tc) => tc.robustness === undefined).map((tc) => `${robustnessFolder}/${tc.source ?? tc.id}: a case of the robustness catalogue needs robustness metadata (ib, clause, severity)`),
    ...official.cases.filter((tc) => tc.robustness !== undefined).map((tc) => `${tc.source ?? tc.id}: a robustness case belongs under ${robustnessFolder}/`),
  ];
  if (problems.length > 0) throw new HarnessError('E_TESTCASE_METADATA', problems.join('\n'));
  return {
    root: official.root,
    cases: kind === 'all' ? [...official.cases, ...robustness.cases] : robustness.cases,
    stateModules: official.stateModules,
    notes: [...(kind === 'all' ? official.notes : []), ...robustness.notes],
  };
}

/** "official" for a case of the official catalogue, "robustness" for one beyond it. */
export function catalogueOf(tc: { robustness?: unknown }): 'official' | 'robustness' {
  return tc.robustness === undefined ? 'official' : 'robustness';
}
