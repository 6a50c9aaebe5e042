/**
 * The CI recipes in examples/ are run, not just read: every `npx ocpp-conform …` command they
 * contain runs here against the built-in simulators, and the JUnit paths they publish must exist
 * afterwards — so a recipe cannot drift from the CLI it documents.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(repoRoot, 'bin', 'ocpp-conform.js');

interface Recipe {
  file: string;
  commands: string[];
  junitGlobs: string[];
}

type Json = Record<string, unknown>;

function githubRecipe(): Recipe {
  const doc = parse(readFileSync(join(repoRoot, 'examples', 'github-actions.yml'), 'utf8')) as { jobs: Record<string, { steps: Json[] }> };
  const steps = Object.values(doc.jobs).flatMap((job) => job.steps);
  const commands = steps.map((s) => s.run).filter((r): r is string => typeof r === 'string');
  const junitGlobs = steps
    .map((s) => (s.with as Json | undefined)?.report_paths)
    .filter((p): p is string => typeof p === 'string');
  return { file: 'github-actions.yml', commands, junitGlobs };
}

function gitlabRecipe(): Recipe {
  const doc = parse(readFileSync(join(repoRoot, 'examples', 'gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; artifacts: { reports: { junit: string } } }>;
  const job = doc['ocpp-conformance'];
  if (!job) throw new Error('gitlab-ci.yml has no ocpp-conformance job');
  return { file: 'gitlab-ci.yml', commands: job.script, junitGlobs: [job.artifacts.reports.junit] };
}

// The files a CI glob names: "*" matches within one path segment (Node 20 has no fs.glob).
function expandGlob(pattern: string, cwd: string): string[] {
  let paths = [''];
  for (const segment of pattern.split('/')) {
    if (!segment.includes('*')) {
      paths = paths.map((p) => join(p, segment)).filter((p) => existsSync(join(cwd, p)));
      continue;
    }
    const escaped = segment.split('*').map((part) => part.replace(/[.+?^$(){}|[\]\\]/g, '\\$&'));
    const re = new RegExp('^' + escaped.join('.*') + '$');
    paths = paths.flatMap((p) => readdirSync(join(cwd, p)).filter((name) => re.test(name)).map((name) => join(p, name)));
  }
  return paths;
}

/** `npx ocpp-conform a b c` → ['a', 'b', 'c']; other commands (npm ci) are the CI's business. */
function harnessArgs(command: string): string[] | undefined {
  const words = command.trim().split(/\s+/);
  return words[0] === 'npx' && words[1] === 'ocpp-conform' ? words.slice(2) : undefined;
}

describe('examples: CI recipes', function () {
  this.timeout(240_000);
  const recipes = [githubRecipe(), gitlabRecipe()];
  let cwd = '';
  const outcome = new Map<string, { status: number | null; output: string }>();

  // The recipes share their commands: each distinct command runs once, in one folder.
  before(() => {
    cwd = mkdtempSync(join(tmpdir(), 'ocpp-recipe-'));
    for (const command of new Set(recipes.flatMap((r) => r.commands))) {
      const args = harnessArgs(command);
      if (!args) continue;
      const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, timeout: 200_000 });
      outcome.set(command, { status: r.status, output: `${r.stdout}\n${r.stderr}` });
    }
  });
  after(() => rmSync(cwd, { recursive: true, force: true }));

  for (const recipe of recipes) {
    it(`${recipe.file}: its ocpp-conform commands pass against the simulators and write the JUnit it publishes`, () => {
      const runs = recipe.commands.filter((c) => harnessArgs(c) !== undefined);
      expect(runs, 'the recipe runs the harness').to.have.length.greaterThan(0);
      for (const command of runs) {
        const r = outcome.get(command);
        expect(r?.status, `${command}\n${r?.output}`).to.equal(0);
      }
      expect(recipe.junitGlobs, 'the recipe publishes JUnit').to.have.length.greaterThan(0);
      for (const pattern of recipe.junitGlobs) {
        const found = expandGlob(pattern, cwd);
        expect(found, `${pattern} matches the JUnit files the commands wrote`).to.have.length(runs.length);
        for (const f of found) expect(readFileSync(join(cwd, f), 'utf8')).to.match(/<testsuites[\s>]/);
      }
    });
  }
});
