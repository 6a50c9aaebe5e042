/** Every command, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerCertsCommand } from './certs.js';
import { registerDemoCommand } from './demo.js';

export function registerCommands(program: Command, io: CliIo): void {
  registerDemoCommand(program, io);
  registerCertsCommand(program, io);
}
