/**
 * `ocpp-conform pics init`: write a commented PICS template (YAML) for one OCPP version and SUT
 * side, from the item table in src/catalogue/pics-items.ts. Every item carries its Part 5 id and
 * what answering true means; the template as written loads with `loadPics`.
 */
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { certificationProfiles, picsItemsFor, type PicsItem } from '../../catalogue/pics-items.js';
import type { PicsValue } from '../../engine/pics-condition.js';
import { HarnessError } from '../../errors.js';
import { ocppVersions, otherRole, type OcppVersion, type Role } from '../../protocol/versions.js';
import type { CliIo } from '../io.js';

export const defaultPicsFile = 'pics.yaml';

interface PicsInitOptions {
  ocpp: OcppVersion;
  sut: Role;
  out: string;
  force: boolean;
}

const commentWidth = 100;

/** `# text`, word-wrapped at commentWidth with `#   ` continuation lines, indented by `indent`. */
function comment(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = `${indent}#`;
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length > commentWidth && line !== `${indent}#` && line !== `${indent}#  `) {
      lines.push(line);
      line = `${indent}#  `;
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

function sideName(version: OcppVersion, sut: Role): string {
  if (version === '1.6') return sut === 'cs' ? 'charge point' : 'central system';
  return sut === 'cs' ? 'charging station' : 'CSMS';
}

function startingValue(item: PicsItem, sut: Role): PicsValue {
  if (item.initial !== undefined) return item.initial;
  if (item.required?.includes(sut)) return true;
  switch (item.type) {
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'string':
      return '';
    case 'string[]':
      return [];
  }
}

function itemComment(item: PicsItem, version: OcppVersion, sut: Role): string {
  // Part 5 §3.2: a CSMS's features are not configuration variables, so name them for stations only.
  const variable = item.variable && sut === 'cs' ? ` [${version === '1.6' ? 'configuration key' : 'variable'} ${item.variable}]` : '';
  const required = item.required?.includes(sut) ? ` Part 5 marks it required for a ${sideName(version, sut)}.` : '';
  const note = item.note ? ` ${item.note}` : '';
  switch (item.type) {
    case 'boolean':
      return `${item.id}: true if the ${sideName(version, sut)} ${item.title}.${variable}${required}${note}`;
    case 'number':
    case 'string':
      return `${item.id}: the ${item.title}.${variable}${note}`;
    case 'string[]':
      return `${item.id}: list the ${item.title}.${variable}${note}`;
  }
}

function yamlValue(value: PicsValue): string {
  // JSON strings, numbers, booleans and flow lists are valid YAML as they are.
  return JSON.stringify(value);
}

/** The commented YAML template for a (version, side). */
export function picsTemplate(version: OcppVersion, sut: Role): string {
  const side = sideName(version, sut);
  const items = picsItemsFor(version, sut);
  const asked = items.filter((i) => i.derived === undefined || i.derived === 'subOptions');
  const profiles = certificationProfiles[version];
  const lines: string[] = [
    ...comment(`PICS (Protocol Implementation Conformance Statement) for ocpp-conform: OCPP ${version}, the device under test is a ${side} (sut: ${sut}); the harness plays the ${sideName(version, otherRole(sut))} and runs the ${sut === 'cs' ? '_CS' : '_CSMS'} test cases.`),
    '#',
    ...comment('Answer every item for your device, then give this file to the run (--pics). How answers select test cases:'),
    ...comment('  true  = implemented / yes: the test cases that need the item run.'),
    ...comment('  false = not implemented / no: those test cases are reported notApplicable, naming the item.'),
    ...comment(
      version === '1.6'
        ? 'OCPP 1.6 has no Part 5: the items are ocpp-conform\'s own (SEC- Security Whitepaper features, HW- hardware, CFG- optional configuration-key behaviour). FP-<Profile> items follow certificationProfiles and SecurityProfile follows securityProfile; do not answer them.'
        : `Item ids are those of OCPP 2.0.1 Part 5 "Certification Profiles" (edition 3): optional features (§3.1 charging station, §3.2 CSMS), additional questions AQ-x (Appendix A) and hardware features HFS-x (Appendix B)${version === '2.1' ? '; OCPP 2.1 has no Part 5 yet, so its PICS uses the 2.0.1 ids' : ''}. A feature with sub-options (C-09 and C-09.1 ...) is derived: true when any answered sub-option is; SecurityProfile follows securityProfile.`,
    ),
    ...comment('File format: schemas/pics.schema.json in the ocpp-conform package.'),
    `ocpp: ${JSON.stringify(version)}`,
    `sut: ${sut}`,
    ...comment('For the report (optional):'),
    '# vendor: "Example Charging Ltd"',
    '# model: "EC-22"',
    '# firmwareVersion: "1.4.2"',
    '',
    ...comment(
      `Certification profiles you claim (${version === '1.6' ? 'OCPP 1.6 feature profiles' : 'Part 5 Table 1'}); the mandatory cases of each claimed profile run. Core is always required. The others: ${profiles.filter((p) => p !== 'Core').join(', ')}.`,
    ),
    'certificationProfiles:',
    '  - Core',
    '',
    ...comment('Security profile under test: 0 none, 1 Basic auth over ws, 2 Basic auth over TLS, 3 TLS with client certificates.'),
    'securityProfile: 0',
    '',
    'items:',
  ];
  let group: string | undefined;
  for (const item of asked) {
    if (item.group !== group) {
      group = item.group;
      lines.push(`  # --- ${group} ---`);
    }
    if (item.derived === 'subOptions') {
      const children = asked.filter((i) => i.parent === item.id);
      const variable = item.variable && sut === 'cs' ? ` [variable ${item.variable}]` : '';
      const when = children.every((c) => c.type === 'string[]') ? 'is a non-empty list' : 'is true';
      lines.push(...comment(`${item.id}: the ${sideName(version, sut)} ${item.title}.${variable} Derived, not answered: true when any of ${children.map((c) => c.id).join(', ')} ${when}.`, '  '));
      continue;
    }
    lines.push(...comment(itemComment(item, version, sut), '  '));
    lines.push(`  ${item.id}: ${yamlValue(startingValue(item, sut))}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerPicsCommand(program: Command, io: CliIo): void {
  const pics = program.command('pics').description('PICS files: what the device under test implements');
  pics
    .command('init')
    .description('write a commented PICS template to fill in for the device under test')
    .addHelpText('after', '\nExamples:\n  ocpp-conform pics init --ocpp 2.0.1 --sut cs --out pics.yaml\n  ocpp-conform pics init --ocpp 1.6 --sut csms --out pics/csms-16.yaml')
    .addOption(new Option('--ocpp <version>', 'OCPP version of the device under test').choices([...ocppVersions]).makeOptionMandatory())
    .addOption(new Option('--sut <side>', 'device under test: cs (charging station) or csms').choices(['cs', 'csms']).makeOptionMandatory())
    .option('--out <file>', 'file to write, or - for standard output', defaultPicsFile)
    .option('--force', 'overwrite an existing file', false)
    .action(async (options: PicsInitOptions) => {
      await picsInit(options, io);
    });
}

async function picsInit(options: PicsInitOptions, io: CliIo): Promise<void> {
  const template = picsTemplate(options.ocpp, options.sut);
  if (options.out === '-') {
    io.out(template);
    return;
  }
  const file = path.resolve(io.cwd, options.out);
  try {
    // 'wx' fails if the file exists: no check-then-write race.
    await writeFile(file, template, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new HarnessError('E_USAGE', `${options.out} already exists; not overwriting it`, {
        hint: 'pass --force to replace it, or choose another file with --out',
        cause: error,
      });
    }
    throw new HarnessError('E_USAGE', `cannot write ${options.out}: ${(error as Error).message}`, {
      hint: 'choose a writable path with --out, or --out - to print the template',
      cause: error,
    });
  }
  io.out(`PICS template for OCPP ${options.ocpp} (sut ${options.sut}) written to ${path.relative(io.cwd, file) || file}: answer each item, then give it to the run with --pics`);
}
