import { expect } from 'chai';
import { Command } from 'commander';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { registerCertsCommand } from '../../src/cli/commands/certs.js';
import type { CliIo } from '../../src/cli/io.js';

describe('cli certs init', () => {
  let dir: string;
  let out: string[];
  let io: CliIo;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ocpp-certs-cli-'));
    out = [];
    io = { out: (t) => out.push(t), err: (t) => out.push(t), isTty: false, env: {}, cwd: dir };
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  function program(): Command {
    const p = new Command().exitOverride().configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    registerCertsCommand(p, io);
    return p;
  }

  it('writes the files under certs/, keys mode 0600, prints paths and never key material', async () => {
    await program().parseAsync(['node', 'ocpp-conform', 'certs', 'init', '--key-type', 'ec', '--station-id', 'CP9', '--cpo', 'Acme']);
    const files = await readdir(path.join(dir, 'certs'));
    expect(files).to.include.members(['ca.pem', 'csms.pem', 'csms.key.pem', 'station.pem', 'station.key.pem', 'station-expired.pem']);
    expect((await stat(path.join(dir, 'certs', 'csms.key.pem'))).mode & 0o777).to.equal(0o600);
    const printed = out.join('\n');
    expect(printed).to.contain(path.join('certs', 'station.key.pem'));
    expect(printed).not.to.contain('PRIVATE KEY');
    expect(printed).to.contain('CN=CP9');
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    await program().parseAsync(['node', 'x', 'certs', 'init', '--key-type', 'ec', '--no-variants']);
    let refused: unknown;
    try {
      await program().parseAsync(['node', 'x', 'certs', 'init', '--key-type', 'ec', '--no-variants']);
    } catch (err) {
      refused = err;
    }
    expect(refused).to.have.property('code', 'E_USAGE');
    expect(refused).to.have.property('exitCode', 2);
    await program().parseAsync(['node', 'x', 'certs', 'init', '--key-type', 'ec', '--no-variants', '--force']);
  });

  it('rejects an unknown key type', async () => {
    let caught: unknown;
    try {
      await program().parseAsync(['node', 'x', 'certs', 'init', '--key-type', 'dsa']);
    } catch (err) {
      caught = err;
    }
    expect(caught).to.have.property('code', 'commander.invalidArgument');
  });
});
