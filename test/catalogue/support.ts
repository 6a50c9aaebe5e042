/** Paths and builders shared by the catalogue tests. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineTestCase, type TestCase, type TestCaseDefinition } from '../../src/engine/define.js';

/** dist/test/catalogue/fixtures/testcases: the compiled fixture trees. */
export const fixturesRoot = fileURLToPath(new URL('./fixtures/testcases/', import.meta.url));
export const fixture = (...parts: string[]): string => path.join(fixturesRoot, ...parts);

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The official catalogue tables live next to the repository (../shared), not in it; users do not have them. */
export const sharedCatalogueDir = path.resolve(repoRoot, '..', 'shared', 'catalogue');
export const sharedCataloguePresent = existsSync(path.join(sharedCatalogueDir, 'ocpp-2.0.1.csv')) && existsSync(path.join(sharedCatalogueDir, 'ocpp-1.6-octt-2024-04.csv'));
export const sharedAbsentMessage = `skipped: the official catalogue is not at ${sharedCatalogueDir}`;

/** A valid in-memory case; override any field. */
export function makeCase(overrides: Partial<TestCaseDefinition> & { id: string }): TestCase {
  const sut = overrides.id.endsWith('_CSMS') ? 'csms' : 'cs';
  return defineTestCase({
    version: '2.0.1',
    sut,
    block: /^TC_([A-Z])_/.exec(overrides.id)?.[1] ?? 'Core',
    title: `title of ${overrides.id}`,
    certification: [{ profile: 'Core', need: 'M' }],
    detects: ['fixture-defect'],
    run: async () => {},
    ...overrides,
  });
}
