/**
 * The published package as a user gets it: `npm pack` (prepack builds without source maps, with
 * declarations), installed into an empty project, then a team's own test case written against
 * `ocpp-conform/testing` runs from `--testcases` against the built-in station simulator, using a
 * built-in reusable state. Type-checked as a TypeScript user would import it, too.
 */
import { expect } from 'chai';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: 'true', NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const customCase = `import { defineTestCase } from 'ocpp-conform/testing';

export default defineTestCase({
  id: 'TC_X_01_CS',
  version: '2.0.1',
  sut: 'cs',
  block: 'X',
  title: 'Our own: the station heartbeats after its boot',
  certification: [],
  detects: ['no-heartbeat'],
  async run(ctx) {
    await ctx.state('Booted');
    await ctx.step('Heartbeat within twice the interval', async () => {
      await ctx.expectCall('Heartbeat', { withinMs: 2 * ctx.config.heartbeatIntervalS * 1000 + ctx.toleranceMs });
    });
  },
});
`;

const typedUse = `import { defineTestCase, type TestContext } from 'ocpp-conform/testing';
import { startRun, type RunResult } from 'ocpp-conform';
const check = async (ctx: TestContext): Promise<void> => { await ctx.expectCall('Heartbeat', { withinMs: 1000 }); };
export const tc = defineTestCase({ id: 'TC_X_02_CS', version: '2.0.1', sut: 'cs', block: 'X', title: 't', certification: [], detects: ['x'], run: check });
export type Seen = RunResult['tests'][number]['verdict'];
export const entry: typeof startRun = startRun;
`;

describe('package: npm pack, install, a custom case', function () {
  this.timeout(300_000);
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-pack-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('packs without tests or source maps, with declarations, and runs a custom case from --testcases', () => {
    // A copy of the sources, so prepack's clean build does not touch the dist/ this suite runs from.
    const stage = join(dir, 'stage');
    mkdirSync(stage);
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'testcases', 'schemas']) cpSync(join(repoRoot, f), join(stage, f), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], stage).stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const files = packed[0]!.files.map((f) => f.path);
    expect(files.filter((f) => f.endsWith('.map')), 'no dangling source maps').to.deep.equal([]);
    expect(files.filter((f) => f.startsWith('dist/test/') || f.startsWith('src/')), 'no tests, no sources').to.deep.equal([]);
    expect(files).to.include.members(['dist/src/testing.js', 'dist/src/testing.d.ts', 'dist/src/index.d.ts', 'dist/src/engine/authoring.d.ts', 'bin/ocpp-conform.js', 'schemas/config.schema.json']);

    const app = join(dir, 'app');
    mkdirSync(join(app, 'my-cases', 'ocpp2.0.1', 'cs', 'X-ours'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'lab', version: '1.0.0', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-package-lock', join(dir, packed[0]!.filename)], app);
    writeFileSync(join(app, 'my-cases', 'ocpp2.0.1', 'cs', 'X-ours', 'TC_X_01_CS.js'), customCase);

    const demo = spawnSync(process.execPath, [join(app, 'node_modules', 'ocpp-conform', 'bin', 'ocpp-conform.js'), 'demo', '--ocpp', '2.0.1', '--sut', 'cs', '--testcases', 'my-cases', '--report-dir', 'reports'], {
      cwd: app,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    expect(demo.status, `${demo.stdout}\n${demo.stderr}`).to.equal(0);
    const report = JSON.parse(readFileSync(join(app, 'reports', 'ocpp2.0.1-cs', 'report.json'), 'utf8')) as { tests: Array<{ id: string; verdict: string; steps: Array<{ title: string }> }> };
    expect(report.tests.map((t) => `${t.id} ${t.verdict}`)).to.deep.equal(['TC_X_01_CS pass']);
    expect(report.tests[0]!.steps.map((s) => s.title)).to.include('Heartbeat within twice the interval');

    // A TypeScript user: both entries resolve with their types under NodeNext.
    writeFileSync(join(app, 'use.ts'), typedUse);
    run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'use.ts'], app);
  });
});
