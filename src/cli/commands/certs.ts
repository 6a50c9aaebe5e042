/**
 * `ocpp-conform certs init`: create a test CA, a CSMS server certificate and a charging-station
 * client certificate (plus broken variants for the negative security cases) as PEM files.
 * Prints the paths written, never key contents (DESIGN.md: secrets never appear in output).
 */
import * as path from 'node:path';
import { type Command, Option } from 'commander';
import { HarnessError } from '../../errors.js';
import {
  createCertificateSet,
  defaultCertificateHost,
  defaultCpoName,
  defaultStationId,
  type KeySpec,
} from '../../security/certificates.js';
import { writeCertificateSet } from '../../security/certificate-files.js';
import type { CliIo } from '../io.js';

export const defaultCertsDir = 'certs';

interface CertsInitOptions {
  out: string;
  host: string;
  stationId: string;
  cpo: string;
  keyType: 'rsa' | 'ec';
  rsaBits: string;
  force: boolean;
  variants: boolean;
}

export function registerCertsCommand(program: Command, io: CliIo): void {
  const certs = program.command('certs').description('test certificates for security profiles 2 and 3');
  certs
    .command('init')
    .description('create a CA, a CSMS server certificate and a charging-station client certificate (PEM)')
    .addHelpText('after', '\nExamples:\n  ocpp-conform certs init --out certs --host csms.lab.local --station-id CP001\n  ocpp-conform certs init --key-type ec --no-variants --force')
    .option('--out <dir>', 'output directory', defaultCertsDir)
    .option('--host <name>', 'CSMS host name or IP: server certificate CN and subjectAltName', defaultCertificateHost)
    .option('--station-id <id>', 'station serial number / identity: client certificate CN', defaultStationId)
    .option('--cpo <name>', 'CPO name: client certificate O (organizationName)', defaultCpoName)
    .addOption(new Option('--key-type <type>', 'key algorithm').choices(['rsa', 'ec']).default('rsa'))
    .addOption(new Option('--rsa-bits <bits>', 'RSA key size').choices(['2048', '3072', '4096']).default('2048'))
    .option('--no-variants', 'skip the deliberately broken certificates (expired, other CA, wrong CN, weak key)')
    .option('--force', 'overwrite existing files', false)
    .action(async (options: CertsInitOptions) => {
      await certsInit(options, io);
    });
}

async function certsInit(options: CertsInitOptions, io: CliIo): Promise<void> {
  if (options.host.trim() === '' || options.stationId.trim() === '') {
    throw new HarnessError('E_USAGE', '--host and --station-id must not be empty');
  }
  const key: KeySpec =
    options.keyType === 'ec' ? { type: 'ec', curve: 'prime256v1' } : { type: 'rsa', bits: Number(options.rsaBits) as 2048 | 3072 | 4096 };
  const dir = path.resolve(io.cwd, options.out);
  const set = createCertificateSet({
    host: options.host,
    stationId: options.stationId,
    cpoName: options.cpo,
    key,
    withVariants: options.variants,
  });
  const written = await writeCertificateSet(dir, set, { force: options.force });
  io.out(`certificates written to ${dir} (${options.keyType === 'ec' ? 'EC prime256v1' : `RSA ${options.rsaBits}`}):`);
  for (const file of written) {
    io.out(`  ${path.relative(io.cwd, file.path) || file.path}  ${file.kind} (mode ${file.mode.toString(8)})`);
  }
  io.out(`CSMS certificate CN=${options.host}; station certificate CN=${options.stationId} O=${options.cpo}`);
}
