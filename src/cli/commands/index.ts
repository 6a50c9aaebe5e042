/** Every command, registered in the order `--help` lists them. */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerCertsCommand } from './certs.js';
import { registerConfigCommand } from './config.js';
import { registerDemoCommand } from './demo.js';
import { registerDiffCommand } from './diff.js';
import { registerListCommand } from './list.js';
import { registerLoadCommand } from './load.js';
import { registerPicsCommand } from './pics.js';
import { registerReplayCommand } from './replay.js';
import { registerReportCommand } from './report.js';
import { registerRunCommand } from './run.js';
import { registerSimCommand } from './sim.js';

export function registerCommands(program: Command, io: CliIo): void {
  registerRunCommand(program, io);
  registerReportCommand(program, io);
  registerDiffCommand(program, io);
  registerListCommand(program, io);
  registerPicsCommand(program, io);
  registerConfigCommand(program, io);
  registerDemoCommand(program, io);
  registerReplayCommand(program, io);
  registerSimCommand(program, io);
  registerLoadCommand(program, io);
  registerCertsCommand(program, io);
}
