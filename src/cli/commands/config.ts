/**
 * `ocpp-conform config init`: write a commented project file (ocpp-conform.config.yaml) to start
 * from — one project per side against the built-in simulators, and commented-out projects for a
 * real station and a real CSMS.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { HarnessError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../exit.js';
import { runConfigNames } from '../run-config.js';

export const runConfigTemplate = `# ocpp-conform project file: the runs this repository checks in.
# \`ocpp-conform run\` runs every project in order; \`ocpp-conform run --project NAME\` runs one.
# Command-line options win over this file. Paths are relative to this file.
# Schema: node_modules/ocpp-conform/schemas/run-config.schema.json
version: 1

# Settings every project starts from.
defaults:
  reporter: [console, json, junit, html, traces]
  # tolerance: 4000          # ms, the certification labs' figure

projects:
  # The harness plays the charging station against your CSMS.
  # - name: csms-201
  #   ocpp: "2.0.1"
  #   sut: csms
  #   csmsUrl: wss://csms.example/ocpp   # the password comes from OCPP_CONFORM_PASSWORD
  #   securityProfile: 2
  #   ca: certs/ca.pem
  #   pics: pics/csms-201.yaml           # ocpp-conform pics init --ocpp 2.0.1 --sut csms
  #   config: lab.yaml                   # configured values: idTokens, ids, timeouts
  #   dut: http-octt:https://csms.example
  #   reportDir: reports/csms-201

  # The harness plays the CSMS; your charging station connects to it.
  - name: station-201
    ocpp: "2.0.1"
    sut: cs
    listen: 0.0.0.0:9000                 # stations connect at ws://<host>:9000/ocpp/<stationId>
    stationId: CP001
    # pics: pics/station-201.yaml        # ocpp-conform pics init --ocpp 2.0.1 --sut cs
    dut: prompt                          # or ui with --ui, http:URL, exec:CMD
    only: ["TC_B_*"]
`;

interface ConfigInitOptions {
  out?: string;
  force?: boolean;
}

export function registerConfigCommand(program: Command, io: CliIo): void {
  const config = program.command('config').description('the project file (ocpp-conform.config.yaml) that `run` reads');
  config
    .command('init')
    .description('write a commented project file to start from')
    .option('--out <file>', `where to write it (default: ${runConfigNames[0]})`)
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', '\nExamples:\n  ocpp-conform config init\n  ocpp-conform config init --out ci/ocpp-conform.config.yaml --force')
    .action(async (options: ConfigInitOptions, command: Command) => {
      setExitCode(command, await configInit(options, io));
    });
}

export async function configInit(options: ConfigInitOptions, io: CliIo): Promise<number> {
  const target = path.resolve(io.cwd, options.out ?? runConfigNames[0]);
  if (existsSync(target) && !options.force) {
    throw new HarnessError('E_USAGE', `${target} exists already`, { hint: 'pass --force to overwrite it, or --out to write elsewhere' });
  }
  await writeFile(target, runConfigTemplate, 'utf8');
  io.out(`wrote ${target}: edit its projects, then run \`ocpp-conform run\` (all projects) or \`ocpp-conform run --project NAME\``);
  return 0;
}
