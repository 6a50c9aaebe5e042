import { expect } from 'chai';
import { Command } from 'commander';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { registerPicsCommand } from '../../src/cli/commands/pics.js';
import type { CliIo } from '../../src/cli/io.js';
import { exitFor } from '../../src/cli/main.js';
import { loadPics } from '../../src/cli/pics-file.js';

interface Captured {
  io: CliIo;
  out: string[];
  err: string[];
}

function captureIo(cwd: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false, env: {}, cwd } };
}

/** The CLI as main.ts wires it, with only the pics command: returns the exit code. */
async function cli(args: string[], captured: Captured): Promise<number> {
  const program = new Command()
    .name('ocpp-conform')
    .exitOverride()
    .configureOutput({ writeOut: (s) => captured.io.out(s), writeErr: (s) => captured.io.err(s) });
  registerPicsCommand(program, captured.io);
  try {
    await program.parseAsync(['node', 'ocpp-conform', ...args]);
    return 0;
  } catch (error) {
    return exitFor(error, captured.io);
  }
}

describe('cli/commands/pics', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ocpp-conform-pics-cmd-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('pics init writes pics.yaml in the working directory, and it loads', async () => {
    const c = captureIo(dir);
    expect(await cli(['pics', 'init', '--ocpp', '2.0.1', '--sut', 'cs'], c)).to.equal(0);
    const written = await readFile(path.join(dir, 'pics.yaml'), 'utf8');
    expect(written).to.contain('ocpp: "2.0.1"');
    expect(written).to.contain('# C-01: true if the charging station');
    expect(c.out.join('')).to.contain('pics.yaml');
    const pics = await loadPics(path.join(dir, 'pics.yaml'), { ocpp: '2.0.1', sut: 'cs' });
    expect(pics.items['C-01']).to.equal(false);
  });

  it('writes to --out and refuses to overwrite without --force', async () => {
    const target = path.join(dir, 'dut.yaml');
    await writeFile(target, 'keep me\n');
    const c = captureIo(dir);
    expect(await cli(['pics', 'init', '--ocpp', '1.6', '--sut', 'csms', '--out', 'dut.yaml'], c)).to.equal(2);
    expect(await readFile(target, 'utf8')).to.equal('keep me\n');
    const message = c.err.join('');
    expect(message).to.contain('dut.yaml already exists');
    expect(message).to.contain('fix: pass --force');

    expect(await cli(['pics', 'init', '--ocpp', '1.6', '--sut', 'csms', '--out', 'dut.yaml', '--force'], captureIo(dir))).to.equal(0);
    expect(await readFile(target, 'utf8')).to.contain('sut: csms');
    expect((await loadPics(target, { ocpp: '1.6', sut: 'csms' })).ocpp).to.equal('1.6');
  });

  it('prints the template to stdout with --out - and writes no file', async () => {
    const c = captureIo(dir);
    expect(await cli(['pics', 'init', '--ocpp', '2.1', '--sut', 'csms', '--out', '-'], c)).to.equal(0);
    const text = c.out.join('');
    expect(text).to.contain('ocpp: "2.1"');
    expect(text).to.contain('sut: csms');
    expect(text).to.contain('AQ-6');
    await writeFile(path.join(dir, 'from-stdout.yaml'), text);
    expect((await loadPics(path.join(dir, 'from-stdout.yaml'), { ocpp: '2.1', sut: 'csms' })).sut).to.equal('csms');
    let exists = true;
    await readFile(path.join(dir, 'pics.yaml')).catch(() => (exists = false));
    expect(exists).to.equal(false);
  });

  it('rejects a bad --ocpp or --sut, and a missing one, as usage errors', async () => {
    let c = captureIo(dir);
    expect(await cli(['pics', 'init', '--ocpp', '3.0', '--sut', 'cs'], c)).to.equal(2);
    expect(c.err.join('')).to.contain("argument '3.0' is invalid. Allowed choices are 1.6, 2.0.1, 2.1");

    c = captureIo(dir);
    expect(await cli(['pics', 'init', '--ocpp', '2.0.1', '--sut', 'station'], c)).to.equal(2);
    expect(c.err.join('')).to.contain('Allowed choices are cs, csms');

    c = captureIo(dir);
    expect(await cli(['pics', 'init', '--sut', 'cs'], c)).to.equal(2);
    expect(c.err.join('')).to.contain("required option '--ocpp <version>' not specified");
  });
});
