/**
 * The project file: found upward, extended, paths anchored to the file that wrote them, bad
 * files refused naming the field; `config init` writes a file that loads.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configInit } from '../../src/cli/commands/config.js';
import type { CliIo } from '../../src/cli/io.js';
import { chooseProjects, findRunConfig, loadRunConfig } from '../../src/cli/run-config.js';
import { isHarnessError } from '../../src/errors.js';

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await p;
  } catch (err) {
    if (isHarnessError(err)) return { code: err.code, message: err.message, hint: err.hint ?? '' };
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('cli: project file (ocpp-conform.config.yaml)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ocpp-runconfig-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is found in the working directory or above it', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(findRunConfig(join(dir, 'a', 'b'))).to.equal(undefined);
    writeFileSync(join(dir, 'ocpp-conform.config.json'), '{"projects": []}');
    expect(findRunConfig(join(dir, 'a', 'b'))).to.equal(join(dir, 'ocpp-conform.config.json'));
    writeFileSync(join(dir, 'a', 'ocpp-conform.config.yaml'), 'projects: []');
    expect(findRunConfig(join(dir, 'a', 'b'))).to.equal(join(dir, 'a', 'ocpp-conform.config.yaml'));
  });

  it('extends a base: defaults and same-named projects merged field by field, paths relative to their own file', async () => {
    mkdirSync(join(dir, 'base'));
    writeFileSync(
      join(dir, 'base', 'common.yaml'),
      'defaults:\n  tolerance: 2000\n  pics: pics.yaml\nprojects:\n  - name: station\n    ocpp: "2.0.1"\n    sut: cs\n    only: ["TC_B_*"]\n  - name: csms\n    ocpp: "1.6"\n    sut: csms\n    csmsUrl: ws://127.0.0.1:9000/ocpp\n',
    );
    writeFileSync(join(dir, 'ocpp-conform.config.yaml'), 'extends: base/common.yaml\ndefaults:\n  tolerance: 3000\nprojects:\n  - name: station\n    only: ["TC_E_*"]\n    reportDir: out/station\n');
    const config = await loadRunConfig(join(dir, 'ocpp-conform.config.yaml'));
    expect(config.files).to.deep.equal([join(dir, 'ocpp-conform.config.yaml'), join(dir, 'base', 'common.yaml')]);
    expect(config.projects).to.deep.equal([
      { name: 'station', ocpp: '2.0.1', sut: 'cs', only: ['TC_E_*'], tolerance: 3000, pics: join(dir, 'base', 'pics.yaml'), reportDir: join(dir, 'out', 'station') },
      { name: 'csms', ocpp: '1.6', sut: 'csms', csmsUrl: 'ws://127.0.0.1:9000/ocpp', tolerance: 3000, pics: join(dir, 'base', 'pics.yaml'), reportDir: join(dir, 'reports', 'csms') },
    ]);
  });

  it('refuses a circle of extends, a field it does not know, and two projects of one name', async () => {
    writeFileSync(join(dir, 'a.yaml'), 'extends: b.yaml\n');
    writeFileSync(join(dir, 'b.yaml'), 'extends: a.yaml\n');
    expect((await rejection(loadRunConfig(join(dir, 'a.yaml')))).message).to.match(/"extends" goes round in a circle .*a\.yaml → .*b\.yaml → .*a\.yaml/);

    writeFileSync(join(dir, 'typo.yaml'), 'projects:\n  - name: x\n    sutt: cs\n');
    const typo = await rejection(loadRunConfig(join(dir, 'typo.yaml')));
    expect(typo.code).to.equal('E_CONFIG');
    expect(`${typo.message} ${typo.hint}`).to.match(/projects\[0\]/).and.to.match(/sutt/);

    writeFileSync(join(dir, 'twice.yaml'), 'projects:\n  - name: x\n  - name: x\n');
    expect((await rejection(loadRunConfig(join(dir, 'twice.yaml')))).message).to.include('two projects are named "x"');
  });

  it('chooses projects by name, suggesting the nearest for a typo', async () => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ projects: [{ name: 'station-201' }, { name: 'csms-16' }] }));
    const config = await loadRunConfig(join(dir, 'p.json'));
    expect(chooseProjects(config, undefined).map((p) => p.name)).to.deep.equal(['station-201', 'csms-16']);
    expect(chooseProjects(config, ['csms-16']).map((p) => p.name)).to.deep.equal(['csms-16']);
    let error: unknown;
    try {
      chooseProjects(config, ['station-210']);
    } catch (err) {
      error = err;
    }
    expect(isHarnessError(error) && error.code === 'E_USAGE' && (error.hint ?? '').includes('did you mean station-201')).to.equal(true);
  });

  it('config init writes a template that loads, and will not overwrite without --force', async () => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, isTty: false, env: {}, cwd: dir };
    expect(await configInit({}, io)).to.equal(0);
    const file = join(dir, 'ocpp-conform.config.yaml');
    const config = await loadRunConfig(file);
    expect(config.projects.map((p) => [p.name, p.ocpp, p.sut])).to.deep.equal([['station-201', '2.0.1', 'cs']]);
    const again = await rejection(configInit({}, io));
    expect([again.code, again.hint]).to.deep.equal(['E_USAGE', 'pass --force to overwrite it, or --out to write elsewhere']);
    writeFileSync(file, 'changed');
    expect(await configInit({ force: true }, io)).to.equal(0);
    expect(readFileSync(file, 'utf8')).to.include('projects:');
  });
});
