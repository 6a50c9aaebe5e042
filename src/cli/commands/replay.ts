/**
 * `ocpp-conform replay TRACE --against URL | --listen HOST:PORT` (issue #16): play the recorded
 * peer's side of a captured exchange against a DUT and check the DUT's side against the
 * recording (timestamps, DUT-assigned ids and `--ignore` fields aside). The replay is one test
 * case started through engine/start-run.ts, so it reports like any run (report.json, junit.xml,
 * html, traces, wire.jsonl) and exits 0 / 1 like one. `--save-case NAME` keeps the script with its
 * tolerances as NAME.replay.json, which `replay` reads back: a regression case.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { defaultServerPath } from '../../constants.js';
import type { DutAdapter } from '../../engine/dut-adapter.js';
import type { RunEndpointOptions, StartRunOptions } from '../../engine/start-run.js';
import { HarnessError } from '../../errors.js';
import { createSecretRedactor } from '../../protocol/redact.js';
import type { OcppVersion, Role } from '../../protocol/versions.js';
import { replayCase } from '../../replay/case.js';
import { parseTrace, type SavedReplayCase } from '../../replay/trace.js';
import { openWireLogFile } from '../../transport/wire-log-file.js';
import { loadConfig } from '../config-file.js';
import { setExitCode } from '../exit.js';
import type { CliIo } from '../io.js';
import { parseListen } from '../listen.js';
import { loadPics } from '../pics-file.js';
import { createReporters, reporterNames } from '../reporters.js';
import { executeRun } from '../run-lifecycle.js';
import { toolVersion } from '../version.js';

export interface ReplayOptions {
  against?: string;
  listen?: string;
  ocpp: OcppVersion;
  stationId?: string;
  path: string;
  ignore?: string[];
  saveCase?: string;
  reportDir: string;
  reporter: string[];
  config?: string;
  /** Extra wait allowed on top of the recorded gaps (ms). */
  slack?: string;
}

/** The replay never asks the DUT to act: its stimuli are the recorded frames. */
const noActions: DutAdapter = { kind: 'replay', perform: () => Promise.resolve({ done: false, reason: 'a replay drives the DUT with recorded frames only' }) };

export async function replayCommand(trace: string, options: ReplayOptions, io: CliIo, hooks: { onListening?: (url: string) => void } = {}): Promise<number> {
  if ((options.against === undefined) === (options.listen === undefined)) {
    throw new HarnessError('E_USAGE', 'replay needs exactly one of --against URL (the DUT is a CSMS) and --listen HOST:PORT (the DUT is a station)');
  }
  const file = path.resolve(io.cwd, trace);
  const script = parseTrace(await readFile(file, 'utf8').catch((err: unknown) => {
    throw new HarnessError('E_USAGE', `cannot read ${trace}: ${err instanceof Error ? err.message : String(err)}`);
  }), path.basename(file));
  script.ignore = [...new Set([...script.ignore, ...(options.ignore ?? []).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean)])];
  const sut: Role = options.against !== undefined ? 'csms' : 'cs';
  const name = options.saveCase ?? path.basename(file).replace(/\.(replay\.json|jsonl|json)$/, '');
  const slackMs = options.slack === undefined ? 0 : Number(options.slack);
  if (!Number.isFinite(slackMs) || slackMs < 0) throw new HarnessError('E_USAGE', `--slack must be milliseconds, got "${options.slack ?? ''}"`);

  if (options.saveCase !== undefined) {
    const saved: SavedReplayCase = { replayFormat: 1, name: options.saveCase, version: options.ocpp, sut, source: script.source, ignore: script.ignore, steps: script.steps };
    const target = path.resolve(io.cwd, options.saveCase.endsWith('.json') ? options.saveCase : `${options.saveCase}.replay.json`);
    await writeFile(target, `${JSON.stringify(saved, null, 2)}\n`);
    io.out(`regression case saved: ${path.relative(io.cwd, target) || target} (replay it with: ocpp-conform replay ${path.relative(io.cwd, target)} ${sut === 'csms' ? '--against URL' : '--listen HOST:PORT'})`);
  }

  const config = await loadConfig(options.config, options.stationId ? { stationId: options.stationId } : {}, io.env);
  const pics = await loadPics(undefined, { ocpp: options.ocpp, sut });
  const endpoint: RunEndpointOptions = sut === 'csms' ? { sut, csmsUrl: options.against ?? '' } : { sut, ...parseListen(options.listen ?? ''), path: options.path };
  const reportDir = path.resolve(io.cwd, options.reportDir);
  await mkdir(reportDir, { recursive: true });
  const secrets = createSecretRedactor([config.basicAuthPassword]);
  const output = createReporters(options.reporter, { reportDir, io, scrub: secrets.scrub });
  const wireFile = openWireLogFile(path.join(reportDir, 'wire.jsonl'));
  const start: StartRunOptions = {
    version: options.ocpp,
    endpoint,
    cases: [replayCase(script, { name, version: options.ocpp, sut, slackMs })],
    adapter: noActions,
    config,
    pics,
    reporters: output.reporters,
    secrets,
    wireLogSink: wireFile,
    tool: { name: 'ocpp-conform', version: toolVersion },
    selection: { replay: script.source, ignore: script.ignore },
  };
  return executeRun({ start, output, reportDir, adapter: noActions, wireFile, absolutePaths: path.isAbsolute(options.reportDir) }, io, hooks.onListening ? { onListening: hooks.onListening } : {});
}

export function registerReplayCommand(program: Command, io: CliIo): void {
  program
    .command('replay <trace>')
    .description('play the recorded peer of a captured trace against a DUT and check the DUT against the recording')
    .option('--against <url>', 'the DUT is a CSMS at this URL: the harness replays the station')
    .option('--listen <host:port>', 'the DUT is a station that connects here: the harness replays the CSMS')
    .addOption(new Option('--ocpp <version>', 'OCPP version of the trace').choices(['1.6', '2.0.1', '2.1']).default('2.0.1'))
    .option('--station-id <id>', 'the station identity (default: the configured one, CP001)')
    .option('--path <prefix>', '--listen: WebSocket path prefix', defaultServerPath)
    .option('--ignore <fields...>', 'payload fields never compared (leaf names or dotted paths), besides timestamps and DUT-assigned ids')
    .option('--slack <ms>', 'extra wait on top of the recorded gaps between frames')
    .option('--save-case <name>', 'also save the replay (script + tolerances) as <name>.replay.json, a regression case `replay` reads back')
    .option('--config <file>', 'configured values (JSON or YAML)')
    .option('--report-dir <dir>', 'where reports go', 'reports/replay')
    .addOption(new Option('--reporter <name...>', `reporters: ${reporterNames.join(', ')}`).default([...reporterNames], 'all'))
    .addHelpText('after', '\nExamples:\n  ocpp-conform replay reports/demo/ocpp2.0.1-csms/traces/TC_B_01_CSMS.jsonl --against ws://127.0.0.1:9000/ocpp\n  ocpp-conform replay capture.jsonl --listen 0.0.0.0:9000 --ignore meterValue --save-case boot-regression')
    .action(async (trace: string, options: ReplayOptions, command: Command) => {
      setExitCode(command, await replayCommand(trace, options, io));
    });
}
