/**
 * Root mocha hooks (registered in .mocharc.json `require`): the whole suite runs with TMPDIR set
 * to one private folder, created when mocha loads this file — before any test file, so every
 * os.tmpdir() of the tests and of the CLI processes they spawn lands there. At the end the run
 * fails if anything is left in it (a test that does not remove its temp folders), naming what
 * was left; then the folder is removed either way, so the machine's temp dir stays clean and
 * parallel suites on the same machine cannot confuse the check.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const privateTmp = mkdtempSync(join(tmpdir(), 'ocpp-conform-tests-'));
process.env['TMPDIR'] = privateTmp;

export const mochaHooks = {
  afterAll(): void {
    const left = readdirSync(privateTmp);
    rmSync(privateTmp, { recursive: true, force: true });
    if (left.length > 0) {
      throw new Error(`tests left ${left.length} temp folder${left.length === 1 ? '' : 's'} behind (remove them in an after hook or finally): ${left.sort().join(', ')}`);
    }
  },
};
