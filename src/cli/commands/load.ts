/**
 * `ocpp-conform load`: the common case of load mode (issue #14) without Artillery — N virtual
 * stations run a scenario (an Artillery script with `engine: ocpp`, or a list of steps) against
 * a CSMS, through the same engine `artillery run` uses (src/load/engine.ts). Writes
 * `load-report.json` (per step pass/fail and latency, per message latency percentiles) and
 * `junit.xml` (one test per step kind), and prints the table. Exit 1 when a step failed.
 */
import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { ExitCode, HarnessError } from '../../errors.js';
import { parseScenario, runLoad, type LoadReport, type LoadStep } from '../../load/index.js';
import { writeFileAtomic } from '../../reporters/json.js';
import { setExitCode } from '../exit.js';
import type { CliIo } from '../io.js';
import { parseCsmsUrl } from '../preflight.js';
import { formatTable, tableWidth } from '../text-table.js';

interface LoadFlags {
  csmsUrl?: string;
  stations: string;
  scenario?: string;
  rampPerS: string;
  ocpp?: '1.6' | '2.0.1';
  idPrefix: string;
  reportDir: string;
}

/** Without --scenario: every station boots, heartbeats and charges once. */
export const defaultLoadFlow: readonly LoadStep[] = [{ boot: {} }, { heartbeat: {} }, { transaction: { meterValues: 2 } }];

export function registerLoadCommand(program: Command, io: CliIo): void {
  program
    .command('load')
    .description('load mode: N virtual stations run a scenario against a CSMS; per-step pass/fail and latency percentiles per message')
    .addHelpText('after', '\nExamples:\n  ocpp-conform load --csms-url ws://127.0.0.1:9000/ocpp --stations 1000 --ramp-per-s 200\n  ocpp-conform load --scenario examples/load/transaction.yml --stations 200\n  artillery run examples/load/transaction.yml   # the same engine under Artillery (README "Load mode")')
    .option('--csms-url <url>', 'CSMS endpoint URL (default: the scenario\'s config.target)')
    .option('--stations <n>', 'virtual stations, each runs the scenario once', '100')
    .option('--scenario <file>', 'an Artillery script (engine: ocpp) or a YAML/JSON list of steps (default: boot, heartbeat, a transaction)')
    .option('--ramp-per-s <n>', 'stations started per second', '100')
    .addOption(new Option('--ocpp <version>', 'OCPP version (default: the scenario\'s config.ocpp.version, else 2.0.1)').choices(['1.6', '2.0.1']))
    .option('--id-prefix <prefix>', 'station identity prefix', 'LOAD')
    .option('--report-dir <dir>', 'where load-report.json and junit.xml go', 'reports/load')
    .action(async (flags: LoadFlags, command: Command) => {
      const report = await runLoadCommand(flags, io);
      const failed = Object.values(report.steps).some((s) => s.fail > 0) || report.failedUsers > 0;
      setExitCode(command, failed ? ExitCode.failed : ExitCode.ok);
    });
}

async function runLoadCommand(flags: LoadFlags, io: CliIo): Promise<LoadReport> {
  const stations = Number(flags.stations);
  if (!Number.isInteger(stations) || stations < 1) throw new HarnessError('E_USAGE', `--stations must be a positive integer, got "${flags.stations}"`);
  const rampPerS = Number(flags.rampPerS);
  if (!Number.isFinite(rampPerS) || rampPerS <= 0) throw new HarnessError('E_USAGE', `--ramp-per-s must be a positive number, got "${flags.rampPerS}"`);
  const scenario = flags.scenario === undefined ? { flow: [...defaultLoadFlow] } : await readScenario(path.resolve(io.cwd, flags.scenario));
  const rawUrl = flags.csmsUrl ?? scenario.target;
  if (rawUrl === undefined) throw new HarnessError('E_USAGE', 'no CSMS URL: pass --csms-url or set config.target in the scenario');
  // parseCsmsUrl drops any user:password@, so the URL is safe to print and report.
  const endpoint = parseCsmsUrl(rawUrl);
  if (endpoint.password !== undefined) throw new HarnessError('E_USAGE', 'load mode does not do HTTP Basic auth yet: give the CSMS URL without user:password@', { hint: 'run it against a CSMS endpoint without Basic auth (security profile 0)' });
  const url = endpoint.url;
  const shown = url;
  const version = flags.ocpp ?? scenario.version ?? '2.0.1';
  io.out(`load: ${stations} stations (OCPP ${version}) → ${shown}, ${rampPerS}/s, ${scenario.flow.length} steps each`);
  const report = await runLoad({ target: url, stations, rampPerS, flow: scenario.flow, version, idPrefix: flags.idPrefix });
  const dir = path.resolve(io.cwd, flags.reportDir);
  await mkdir(dir, { recursive: true });
  const stored: LoadReport = { ...report, target: shown };
  await writeFileAtomic(path.join(dir, 'load-report.json'), `${JSON.stringify(stored, null, 2)}\n`);
  await writeFileAtomic(path.join(dir, 'junit.xml'), loadJunit(stored));
  io.out(formatLoad(stored, tableWidth(io)));
  io.out(`report: ${path.relative(io.cwd, path.join(dir, 'load-report.json')) || 'load-report.json'}, ${path.relative(io.cwd, path.join(dir, 'junit.xml'))}`);
  return stored;
}

async function readScenario(file: string): Promise<ReturnType<typeof parseScenario>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new HarnessError('E_USAGE', `cannot read the scenario ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    return parseScenario(file.endsWith('.json') ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown));
  } catch (err) {
    throw new HarnessError('E_USAGE', `scenario ${file}: ${(err as Error).message}`, { hint: 'steps: boot, heartbeat, authorize, transaction, call {action, payload}, case <TC_..._CSMS id>, think <seconds>' });
  }
}

export function formatLoad(report: LoadReport, width?: number): string {
  const steps = [['STEP', 'PASS', 'FAIL', 'P50 ms', 'P95 ms', 'P99 ms'], ...Object.entries(report.steps).map(([k, s]) => [k, String(s.pass), String(s.fail), String(s.latencyMs.p50), String(s.latencyMs.p95), String(s.latencyMs.p99)])];
  const messages = [['MESSAGE', 'COUNT', 'P50 ms', 'P95 ms', 'P99 ms', 'MAX ms'], ...Object.entries(report.messages).map(([k, m]) => [k, String(m.count), String(m.p50), String(m.p95), String(m.p99), String(m.max)])];
  const opts = width === undefined ? {} : { width };
  const errors = report.errors.samples.map((e) => `  ${e.count}× ${e.message}`).join('\n');
  return [
    formatTable(steps, opts),
    formatTable(messages, opts),
    `stations: ${report.completed} completed, ${report.failedUsers} failed; connect p50 ${report.connectMs.p50} ms p99 ${report.connectMs.p99} ms; ${report.messagesSent} messages in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(errors ? [`errors (${report.errors.count}):\n${errors}`] : []),
  ].join('\n');
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One testcase per step kind: failed when any station's step failed, with the first causes. */
function loadJunit(report: LoadReport): string {
  const entries = Object.entries(report.steps);
  const failures = entries.filter(([, s]) => s.fail > 0).length;
  const cases = entries.map(([kind, s]) => {
    const head = `    <testcase classname="load.ocpp${report.version}" name="${xml(kind)} x${s.pass + s.fail} (p99 ${s.latencyMs.p99} ms)" time="${(s.latencyMs.p50 / 1000).toFixed(3)}">`;
    if (s.fail === 0) return `${head}</testcase>`;
    const causes = report.errors.samples.filter((e) => e.message.startsWith(`${kind}:`)).map((e) => `${e.count}× ${e.message}`).join('\n');
    return `${head}\n      <failure message="${xml(`${s.fail} of ${s.pass + s.fail} stations failed ${kind}`)}">${xml(causes)}</failure>\n    </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="ocpp-conform load" tests="${entries.length}" failures="${failures}" time="${(report.durationMs / 1000).toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
