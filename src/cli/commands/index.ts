/** Every command, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export function registerCommands(_program: Command, _io: CliIo): void {
  // Filled as commands land: run, list, demo, sim, pics, report, certs.
}
