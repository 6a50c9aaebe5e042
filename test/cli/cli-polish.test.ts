/** The CLI's small promises: examples in every --help, one --defect syntax with suggestions, 2.1 said to be framing-only. */
import { expect } from 'chai';
import type { CliIo } from '../../src/cli/io.js';
import { buildProgram, main } from '../../src/cli/main.js';
import type { Command } from 'commander';

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => void out.push(t), err: (t) => void err.push(t), isTty: false, env: {}, cwd: process.cwd() }, out, err };
}

/** Every command that does something (leaves of the command tree). */
function leaves(command: Command, prefix: string[] = []): string[][] {
  const subs = command.commands;
  if (subs.length === 0) return [prefix];
  return subs.flatMap((c) => leaves(c, [...prefix, c.name()]));
}

describe('cli: help, defects, 2.1', () => {
  it('every command shows examples in its --help', async () => {
    const commands = leaves(buildProgram(capture().io));
    expect(commands.length).to.be.greaterThan(10);
    const missing: string[] = [];
    for (const path of commands) {
      const c = capture();
      await main(['node', 'ocpp-conform', ...path, '--help'], c.io);
      if (!c.out.join('').includes('Examples:')) missing.push(path.join(' '));
    }
    expect(missing, 'commands whose --help has no examples').to.deep.equal([]);
  });

  it('demo takes --defect comma-separated or repeated, and suggests the name for a typo', async () => {
    const c = capture();
    expect(await main(['node', 'ocpp-conform', 'demo', '--defect', 'no-status-after-bot'], c.io)).to.equal(2);
    expect(c.err.join('\n')).to.include('unknown defect "no-status-after-bot" — did you mean "no-status-after-boot"');
    const both = capture();
    expect(await main(['node', 'ocpp-conform', 'demo', '--defect', 'no-status-after-boot,invalid-boot-payload', '--defect', 'nope-nope'], both.io)).to.equal(2);
    expect(both.err.join('\n')).to.include('unknown defect "nope-nope"');
  });

  it('list --ocpp 2.1 says once that 2.1 is framing-only', async () => {
    const c = capture();
    expect(await main(['node', 'ocpp-conform', 'list', '--ocpp', '2.1'], c.io)).to.equal(0);
    expect(c.err.filter((l) => l.includes('OCPP 2.1 is framing-only'))).to.have.length(1);
    expect(c.err.join('\n')).to.not.include('no TC_*.js files under  in');
  });
});
