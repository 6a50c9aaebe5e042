/**
 * Golden files: the fixture run rendered in all three formats, compared byte for byte after
 * normalising what legitimately varies (timestamps, durations, ports, tool version).
 *
 * After an intended change to a format, regenerate and review the diff:
 *   npx tsc -p tsconfig.json && UPDATE_GOLDEN=1 npx mocha --no-config dist/test/reporters/golden.test.js
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHtml } from '../../src/reporters/html.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderJunit } from '../../src/reporters/junit.js';
import { fixtureRun } from './fixture.js';

// Source folder (not dist/): the golden files are committed next to this test.
const goldenDir = fileURLToPath(new URL('../../../test/reporters/golden/', import.meta.url));

export function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<time>')
    .replace(/("(?:durationMs|relMs|startedMonoMs|measuredMs)": )[\d.]+/g, '$1<ms>')
    .replace(/\btime="[\d.]+"/g, 'time="<s>"')
    .replace(/\b(?:127\.0\.0\.1|localhost|\[::1\]):\d+/g, '<host>:<port>')
    .replace(/ocpp-conform(["<\s]+(?:version["\s:]+)?"?)\d+\.\d+\.\d+(?:-[\w.]+)?/g, 'ocpp-conform$1<version>')
    .replace(/("name": "ocpp-conform",\s*"version": )"[^"]*"/g, '$1"<version>"');
}

describe('reporters: golden files', () => {
  const formats: Array<[string, () => string]> = [
    ['report.json', () => renderJson(fixtureRun())],
    ['junit.xml', () => renderJunit(fixtureRun())],
    ['report.html', () => renderHtml(fixtureRun())],
  ];
  for (const [name, render] of formats) {
    it(`${name} matches test/reporters/golden/${name}`, () => {
      const actual = normalise(render());
      const file = join(goldenDir, name);
      if (process.env['UPDATE_GOLDEN'] === '1') {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(actual).to.equal(readFileSync(file, 'utf8'));
    });
  }

  it('normalising removes times, durations, ports and the tool version (and nothing else)', () => {
    expect(normalise('"durationMs": 12.5, at 2025-03-04T10:00:00.000Z on ws://127.0.0.1:40123/ocpp time="1.532" ocpp-conform 0.1.0 ok')).to.equal(
      '"durationMs": <ms>, at <time> on ws://<host>:<port>/ocpp time="<s>" ocpp-conform <version> ok',
    );
  });
});
