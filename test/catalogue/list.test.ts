import { expect } from 'chai';
import { Command, CommanderError } from 'commander';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describeCases, formatListCount, verdictToBe, type ListEntry } from '../../src/catalogue/list.js';
import { formatListTable } from '../../src/cli/commands/list.js';
import { loadTestCases } from '../../src/catalogue/loader.js';
import { selectCases } from '../../src/catalogue/select.js';
import { registerListCommand } from '../../src/cli/commands/list.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Pics } from '../../src/engine/pics-condition.js';
import { fixture } from './support.js';
import { TempDirs } from '../helpers/temp.js';

const temp = new TempDirs();

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false, env: {}, cwd: process.cwd() };
}

async function runList(args: string[], root = fixture('good')): Promise<{ out: string; err: string }> {
  const io = captureIo();
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerListCommand(program, io, { testcasesRoot: root });
  await program.parseAsync(['node', 'ocpp-conform', 'list', ...args]);
  return { out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** Claims Core only, with C-09.1 false: B cases run, E_01 is not applicable, K_01 is another profile. */
const corePics: Pics = { items: { 'C-09.1': false }, certificationProfiles: ['Core'] };

describe('catalogue/list', () => {
  after(() => temp.removeAll());
  let entries: ListEntry[] = [];
  before(async () => {
    const cases = await loadTestCases(fixture('good'), { version: '2.0.1', sut: 'cs' });
    entries = describeCases(selectCases(cases, { version: '2.0.1', sut: 'cs', only: ['TC_B_01*', 'TC_E_*', 'TC_K_*'] }), corePics);
  });

  it('describes every case, selected or not, with applicability from the PICS', () => {
    expect(entries.map((e) => [e.id, verdictToBe(e)])).to.deep.equal([
      ['TC_B_01_CS', 'runs'],
      ['TC_B_09_CS', 'not selected: id does not match --only TC_B_01* TC_E_* TC_K_*'],
      ['TC_E_01_CS', 'n/a: PICS C-09.1 = false (needs true)'],
      ['TC_K_01_CS', 'n/a: certification profile not claimed (case belongs to: Smart Charging, ISO 15118 Support)'],
    ]);
    const b01 = entries[0]!;
    expect(b01).to.deep.include({ title: 'Cold Boot Charging Station - Accepted', block: 'B', version: '2.0.1', sut: 'cs', selected: true, states: ['Booted'], detects: ['fixture-defect'] });
    expect(b01.applicability).to.deep.equal({ applies: true, reason: 'mandatory for Core' });
    expect(b01).to.not.have.property('excludedBecause');
    expect(entries[1]!.selected).to.be.false;
  });

  it('formats an aligned table and a count line', () => {
    const lines = formatListTable(entries).split('\n');
    expect(lines).to.have.length(5);
    // A PICS column, since TC_E_01_CS has a condition: the condition in words.
    expect(lines[0]).to.match(/^ID\s+STATUS\s+TITLE\s+PICS$/);
    expect(lines[3]).to.match(/\sC-09\.1$/);
    expect(entries[2]!.condition).to.equal('C-09.1');
    expect(entries[0]).to.not.have.property('condition');
    // The title column starts at the same place on every line.
    const titleAt = lines[0]!.indexOf('TITLE');
    expect(lines[1]!.slice(titleAt).trimEnd()).to.equal('Cold Boot Charging Station - Accepted');
    expect(lines[3]!.slice(titleAt).trimEnd()).to.match(/^Start transaction options - PowerPathClosed\s+C-09\.1$/);
    expect(lines[1]!.indexOf('runs')).to.equal(lines[0]!.indexOf('STATUS'));
    expect(formatListCount(entries)).to.equal('1 of 4 cases run; 2 not applicable; 1 not selected');
  });

  it('`list --json` prints one object per case', async () => {
    const { out } = await runList(['--ocpp', '2.0.1', '--sut', 'cs', '--block', 'B,E', '--json']);
    const parsed = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(parsed.map((p) => p.id)).to.deep.equal(['TC_B_01_CS', 'TC_B_09_CS', 'TC_E_01_CS', 'TC_K_01_CS']);
    const k01 = parsed[3]!;
    expect(k01).to.deep.include({ selected: false, excludedBecause: 'block K not selected', block: 'K', title: 'Set Charging Profile - TxDefaultProfile - Specific EVSE', detects: ['fixture-defect'] });
    expect(k01.certification).to.deep.equal([{ profile: 'Smart Charging', need: 'M' }, { profile: 'ISO 15118 Support', need: 'M' }]);
    // No PICS: every selected case runs, except where a condition names a declared item (none here).
    expect(parsed[0]!.applicability).to.deep.equal({ applies: true, reason: 'no PICS given: every selected case runs' });
  });

  it('`list` prints the table and the count line, and only the chosen version and side', async () => {
    const { out, err } = await runList(['--ocpp', '2.0.1', '--sut', 'csms']);
    // Then (SUT = CSMS) the idTokens the CSMS must provision (issue #11).
    expect(out).to.match(/^ID\s+STATUS\s+TITLE\nTC_B_01_CSMS\s+runs\s+Cold Boot Charging Station - Accepted\n1 of 1 case run; 0 not applicable; 0 not selected\ntokens: provision these idTokens/);
    expect(err).to.equal('');
  });

  it('`list --pics` decides applicability from the PICS file', async () => {
    const dir = temp.make('ocpp-list-');
    const picsFile = path.join(dir, 'pics.json');
    writeFileSync(picsFile, JSON.stringify({ ocpp: '2.0.1', sut: 'cs', certificationProfiles: ['Core'], securityProfile: 1, items: { 'C-09.1': false } }));
    const { out } = await runList(['--ocpp', '2.0.1', '--sut', 'cs', '--pics', picsFile, '--only', 'TC_E_01_CS', 'TC_K_*', 'TC_B_01_CS']);
    const lines = out.split('\n');
    expect(lines[1]).to.match(/^TC_B_01_CS\s+runs\s+Cold Boot/);
    expect(lines[2]).to.match(/^TC_B_09_CS\s+not selected: id does not match --only TC_E_01_CS TC_K_\* TC_B_01_CS\s+Set Variables/);
    expect(lines[3]).to.match(/^TC_E_01_CS\s+n\/a: PICS C-09\.1 = false \(needs true\)\s+Start transaction/);
    expect(lines[4]).to.match(/^TC_K_01_CS\s+n\/a: certification profile not claimed \(case belongs to: Smart Charging, ISO 15118 Support\)\s+Set Charging Profile/);
    expect(lines[5]).to.equal('1 of 4 cases run; 2 not applicable; 1 not selected');
  });

  it('`list` warns on stderr about a glob that matches nothing and a missing folder', async () => {
    const typo = await runList(['--ocpp', '2.0.1', '--sut', 'cs', '--only', 'TC_Q_*', '--profile', 'ADM']);
    expect(typo.out).to.contain('0 of 4 cases run; 0 not applicable; 4 not selected');
    expect(typo.err).to.contain('warning: --only TC_Q_* matches no OCPP 2.0.1 cs test case');
    const empty = await runList(['--ocpp', '2.1', '--sut', 'cs', '--json']);
    expect(JSON.parse(empty.out)).to.deep.equal([]);
    expect(empty.err).to.match(/note: folder ocpp2\.1[/\\]cs does not exist/);
  });

  it('`list` requires --ocpp and checks --ocpp and --sut values', async () => {
    for (const args of [['--sut', 'cs'], ['--ocpp', '3.0', '--sut', 'cs'], ['--ocpp', '2.0.1', '--sut', 'both']]) {
      let caught: unknown;
      try {
        await runList(args);
      } catch (err) {
        caught = err;
      }
      expect(caught, args.join(' ')).to.be.instanceOf(CommanderError);
    }
  });

  it('`list` without --sut lists both sides of the version; --pics then needs --sut', async () => {
    const io = await runList(['--ocpp', '2.0.1', '--json']);
    const entries = JSON.parse(io.out) as Array<{ sut: string }>;
    expect(new Set(entries.map((e) => e.sut))).to.deep.equal(new Set(['cs', 'csms']));
    let caught: unknown;
    try {
      await runList(['--ocpp', '2.0.1', '--pics', 'pics.yaml']);
    } catch (err) {
      caught = err;
    }
    expect(caught).to.have.property('code', 'E_USAGE');
  });
});
