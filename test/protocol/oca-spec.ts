/**
 * Where the OCA originals live for the tests that compare against them: ../shared/spec next to
 * the repository (../shared/spec/README.md). Tests run from dist/test/protocol/, three levels
 * below the repository root.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcppVersion } from '../../src/protocol/versions.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const specRoot = path.resolve(repoRoot, '..', 'shared', 'spec');

/** The OCA schema folders of each version (1.6 ships the Security Whitepaper schemas apart). */
export const ocaSchemaDirs: Record<OcppVersion, string[]> = {
  '1.6': [path.join(specRoot, 'ocpp-1.6', 'schemas'), path.join(specRoot, 'ocpp-1.6', 'security-schemas')],
  '2.0.1': [path.join(specRoot, 'ocpp-2.0.1', 'schemas')],
  '2.1': [path.join(specRoot, 'ocpp-2.1', 'schemas')],
};

export const specPresent = (): boolean => Object.values(ocaSchemaDirs).flat().every((d) => existsSync(d));
export const specMissingMessage = '../shared/spec not found: schema equivalence with the OCA originals not checked';
