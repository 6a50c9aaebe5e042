/**
 * Issue #12: report.json is written case by case and frame by frame (renderJsonChunks), so no
 * single string of a long run approaches V8's limit; the bytes are exactly JSON.stringify's.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarise } from '../../src/engine/run-model.js';
import { renderJsonChunks, reportDocument, writeJsonReport } from '../../src/reporters/json.js';
import { tempDirs } from '../hostile/cli-process.js';
import { fixtureRun } from './fixture.js';

describe('reporters/json: chunked report.json', () => {
  const dirs = tempDirs();
  after(() => dirs.cleanup());

  it('gives the same bytes as JSON.stringify for finished, partial, empty and many-frame runs', async () => {
    const many = fixtureRun();
    many.tests[0]!.trace = Array.from({ length: 500 }, (_, i) => ({ seq: i + 1, connectionId: 'c1', direction: 'in' as const, wallTime: '2024-01-01T00:00:00.000Z', relMs: i, text: `[2,"${i}","Heartbeat",{}]`, ...(i === 3 ? { stored: { length: 9, bytes: 9, sha256: 'a'.repeat(64), headLength: 4 } } : {}) }));
    const empty = { ...fixtureRun(), tests: [], summary: summarise([]) };
    for (const run of [fixtureRun(), fixtureRun({ partial: true, interrupted: true }), empty, many]) {
      const chunks = [...renderJsonChunks(run)];
      expect(chunks.join('')).to.equal(`${JSON.stringify(reportDocument(run), null, 2)}\n`);
      if (run === many) expect(Math.max(...chunks.map((c) => c.length))).to.be.below(20_000);
      const file = join(dirs.make(), 'report.json');
      await writeJsonReport(file, run);
      expect(readFileSync(file, 'utf8')).to.equal(chunks.join(''));
    }
  });
});
