/**
 * `ocpp-conform demo`: the harness against its own reference simulators over loopback, no
 * hardware. For each OCPP version and side: harness-as-CSMS against the station simulator
 * (`_CS` cases) and harness-as-station against the CSMS simulator (`_CSMS` cases). With
 * `--defect`, the simulator under test misbehaves on purpose and the cases that exist to catch
 * that defect must fail.
 */
import { mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { ExitCode, HarnessError } from '../../errors.js';
import { summarise, type RunResult } from '../../engine/run-model.js';
import { SimAdapter } from '../../dut/sim.js';
import type { OcppVersion, Role } from '../../protocol/versions.js';
import { createCsmsSimulator } from '../../sim/csms/index.js';
import { allDefects, checkDefectNames, splitDefectNames } from '../../sim/defects.js';
import { allQuirks, checkQuirkNames } from '../../sim/quirk-registry.js';
import { createStationSimulator, type StationSimulator } from '../../sim/station/station-simulator.js';
import type { ControlResult, SimControl } from '../../sim/types.js';
import type { ConfigOverrides } from '../config-file.js';
import { defaultConfiguredValues } from '../../engine/configured-values.js';
import type { CliIo } from '../io.js';
import { setExitCode } from '../exit.js';
import type { Logger } from '../../log.js';
import { addLogOptions, openLogFor, type LogFlags } from '../log-options.js';
import { prepareRun, type RunCommandOptions, type RunDeps } from './run.js';
import { executeRun, exitCodeFor } from '../run-lifecycle.js';
import { createReporters } from '../reporters.js';
import { maxShards, mergeShardRuns, planShards } from '../demo-shards.js';
import { demoTls, demoTlsProfile, needsTls } from '../demo-tls.js';
import { createPki } from '../pki.js';
import { demoFirmware } from '../demo-firmware.js';
import { loadCatalogueOf, parseCatalogueKind } from '../../catalogue/catalogues.js';
import { selectCases } from '../../catalogue/select.js';
import { simulatorPics } from '../../sim/pics.js';
import { markVariant, planVariants, variantWords } from '../demo-variants.js';

/**
 * Short simulator timers (with the shards of demo-shards.ts the demo takes under 30 s), with a tolerance tight
 * enough that timing defects (early retries, wrong heartbeat period) are still caught.
 */
export const demoTimings = {
  heartbeatIntervalS: 2,
  toleranceMs: 800,
  messageTimeoutMs: 4_000,
  connectTimeoutMs: 12_000,
  caseTimeoutMs: 90_000,
  rebootDelayMs: 300,
  // OCTT 1.6 meter value intervals: three intervals make TC_070_CS / TC_071_CS.
  meterValueSampleIntervalS: 1,
  clockAlignedDataIntervalS: 1,
  // TC_B_49_CS <Configured RetryBackOffWaitMinimum>: short, but long enough to tell from no wait at all.
  networkProfiles: { ...defaultConfiguredValues.networkProfiles, retryBackOffWaitMinimumS: 2 },
} satisfies ConfigOverrides;

/** The demo's 2.0.1 station: two EVSEs of one connector each. */
export const demoEvses201: readonly number[] = [1, 1];

/** OCPPCommCtrlr.MessageTimeout of the demo's 2.0.1 station: half the harness's wait for a message. */
const stationMessageTimeoutS = Math.round(demoTimings.messageTimeoutMs / 2000);

export interface DemoOptions {
  versions: OcppVersion[];
  suts: Role[];
  only?: string[];
  defects: string[];
  /** Compliant-but-different simulator behaviours (`sim quirks`); the cases must still pass. */
  quirks?: string[];
  reportDir: string;
  reporters?: string[];
  /** Folder of compiled test cases (default: the built-in catalogue). */
  testcases?: string;
  /** The diagnostic log every run's events go to (default: none). */
  logger?: Logger;
  /**
   * At most this many harness/simulator pairs per version and side (src/cli/demo-shards.ts).
   * Default 1: one run per version and side, in which every case follows the one before; the
   * `demo` command passes `defaultDemoShards`, the catalogue proofs 4 (each shard is still one
   * run in which a case follows the one before it).
   */
  maxShards?: number;
  /** `--catalogue official|robustness|all` (issue #16; default official). */
  catalogue?: string;
  /** `--fault NAME|SPEC`: faults on the harness's connection to the simulator (issue #16). */
  fault?: string;
  /**
   * Put something between the harness and the simulator (the DUT-mutation proxy,
   * scripts/dut-mutation.ts): given the URL one side would dial, return the URL to dial instead.
   */
  via?: (url: string, sut: Role) => Promise<string>;
  /** Run the selected cases in reverse catalogue order (issue #24: verdicts must not depend on order). */
  reverse?: boolean;
  /** Configuration keys / device-model variables of the station simulator ("Key" or "Component.Variable" → value). */
  stationSettings?: Record<string, string>;
}

/** Pairs per version/side of the `demo` command: under 30 s for the 100 built-in cases (issue #14). */
export const defaultDemoShards = maxShards;

export interface DemoRun {
  version: OcppVersion;
  sut: Role;
  defects: string[];
  exitCode: number;
  run?: RunResult;
  reportDir: string;
}

/** A SimControl whose simulator is created once the harness listens (its URL is known then). */
class LateSimControl implements SimControl {
  target: StationSimulator | undefined;
  constructor(readonly side: Role, readonly version: OcppVersion) {}
  get actions(): readonly string[] {
    return this.target?.actions ?? [];
  }
  perform(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    return this.target ? this.target.perform(action, params) : Promise.resolve({ done: false, reason: 'the station simulator has not started' });
  }
  snapshot(): unknown {
    return this.target?.snapshot();
  }
}

export async function runDemo(options: DemoOptions, io: CliIo): Promise<DemoRun[]> {
  const known = allDefects();
  checkDefectNames(options.defects);
  checkQuirkNames(options.quirks ?? []);
  const knownQuirks = allQuirks();
  const combos: Array<{ version: OcppVersion; sut: Role }> = options.versions.flatMap((version) => options.suts.map((sut) => ({ version, sut })));
  // The combinations are independent (own server, own simulator, own report folder), so they run
  // at the same time; each one's console block is printed when it completes, never interleaved.
  const concurrent = combos.length > 1;
  if (concurrent) io.out(`running ${combos.map((c) => `OCPP ${c.version} SUT=${c.sut}`).join(', ')} side by side; each block prints when it completes`);
  const results = await Promise.all(
    combos.map(async ({ version, sut }): Promise<DemoRun | undefined> => {
      const lines: string[] = [];
      const runIo: CliIo = concurrent ? { ...io, out: (t) => lines.push(t), err: (t) => lines.push(t), isTty: false } : io;
      try {
        return await runCombination(version, sut, runIo);
      } finally {
        if (concurrent && lines.length > 0) io.out(lines.join('\n'));
      }
    }),
  );
  return results.filter((r): r is DemoRun => r !== undefined);

  async function runCombination(version: OcppVersion, sut: Role, io: CliIo): Promise<DemoRun | undefined> {
    // The defects of the simulator under test: the station when SUT = cs, the CSMS when SUT = csms.
    const defects = options.defects.filter((name) => known.some((d) => d.name === name && d.side === sut && d.versions.includes(version)));
    if (options.defects.length > 0 && defects.length === 0) return undefined;
    const quirks = (options.quirks ?? []).filter((name) => knownQuirks.some((q) => q.name === name && q.side === sut && q.versions.includes(version)));
    if ((options.quirks ?? []).length > 0 && quirks.length === 0) return undefined;
    const catalogue = await loadCatalogueOf(parseCatalogueKind(options.catalogue), options.testcases, { version, sut });
    const selection = selectCases(catalogue.cases, { version, sut, ...(options.only ? { only: options.only } : {}) });
    if (selection.selected.length === 0) return undefined;
    const reportDir = path.join(options.reportDir, `ocpp${version}-${sut}`);
    io.out(`\n== OCPP ${version}, SUT = ${sut === 'cs' ? 'charging station (station simulator)' : 'CSMS (CSMS simulator)'}${defects.length ? `, defects: ${defects.join(', ')}` : ''}${quirks.length ? `, quirks: ${quirks.join(', ')}` : ''}`);
    const reporters = options.reporters ?? ['console', 'json', 'junit', 'html', 'traces'];
    const ids = selection.selected.map((tc) => tc.id);
    // The simulator's PICS decides what applies; cases for other hardware run against its variants (demo-variants.ts).
    const plan = planVariants(selection.selected, sut, version, quirks);
    // Cases whose prerequisite rules out a plain connection run in a TLS pair of their own (demo-tls.ts).
    const overTls = new Set(sut === 'cs' ? selection.selected.filter(needsTls).map((tc) => tc.id) : []);
    const tlsIds = plan.base.filter((id) => overTls.has(id));
    // A case whose prerequisite is security profile 3 gets a mutual-TLS pair of its own.
    const profile3 = new Set(selection.selected.filter((tc) => demoTlsProfile(tc) === 3).map((tc) => tc.id));
    const tlsPairs = [2, 3].map((p) => ({ only: tlsIds.filter((id) => profile3.has(id) === (p === 3)), tls: p as 2 | 3 })).filter((s) => s.only.length > 0);
    const shards: Array<{ only: string[]; tls: false | 2 | 3 }> = [...planShards(plan.base.filter((id) => !overTls.has(id)), options.maxShards ?? 1).map((only) => ({ only, tls: false as const })), ...tlsPairs];
    if (shards.length <= 1 && plan.variants.length === 0) {
      const { exitCode, result } = await runPair(version, sut, defects, quirks, { ...(options.only ? { only: options.only } : {}), reportDir, reporters, progress: !concurrent, tls: shards[0]?.tls ?? false }, io);
      return { version, sut, defects, exitCode, reportDir, ...(result ? { run: result } : {}) };
    }
    for (const v of plan.variants) io.out(`hardware variant ${v.quirk} (${variantWords(sut, version, v.quirk)}): ${v.ids.join(', ')}`);
    // Issue #14: several harness/simulator pairs at once, one report folder in the end. Each
    // shard keeps its own report.json and wire.jsonl under shards/<n>/ (seqs are per shard).
    const shardRoot = path.join(path.resolve(io.cwd, reportDir), 'shards');
    await rm(shardRoot, { recursive: true, force: true });
    const quiet: CliIo = { ...io, out: () => undefined, isTty: false };
    const pairs = [
      ...shards.map(({ only, tls }, i) => ({ only, tls, quirks, name: String(i + 1), variant: undefined })),
      ...plan.variants.map((v) => ({ only: v.ids, tls: false as const, quirks: [...quirks, v.quirk], name: `variant-${v.quirk}`, variant: v.quirk })),
    ];
    const outcomes = await Promise.all(
      pairs.map(async (p) => {
        const outcome = await runPair(version, sut, defects, p.quirks, { only: p.only, reportDir: path.join(shardRoot, p.name), reporters: ['json'], progress: false, tls: p.tls }, quiet);
        return p.variant === undefined || !outcome.result ? outcome : { ...outcome, result: markVariant(outcome.result, sut, version, p.variant) };
      }),
    );
    const runs = outcomes.flatMap((o) => (o.result ? [o.result] : []));
    const shardExit = Math.max(...outcomes.map((o) => o.exitCode));
    if (runs.length < outcomes.length) return { version, sut, defects, exitCode: Math.max(shardExit, ExitCode.harness), reportDir };
    // The PICS of the report is the simulator's own (a variant's answers are in its cases' applicability).
    const merged = { ...mergeShardRuns(runs, ids, options.only ?? []), pics: { items: simulatorPics(sut, version, quirks), claimAll: true } };
    await writeMergedReports(merged, reporters, reportDir, io, pairs.length);
    return { version, sut, defects, exitCode: Math.max(shardExit, exitCodeFor(merged)), reportDir, run: merged };
  }

  /** One harness/simulator pair running `only` (or the whole selection) into `reportDir`. */
  async function runPair(version: OcppVersion, sut: Role, defects: string[], quirks: string[], pair: { only?: string[]; reportDir: string; reporters: string[]; progress: boolean; tls?: false | 2 | 3 }, io: CliIo): Promise<{ exitCode: number; result?: RunResult }> {
    const tls = pair.tls === 2 || pair.tls === 3 ? await demoTls(demoTimings.networkProfiles, pair.tls) : undefined;
    // One test CA per pair, shared by the harness's cases and the simulator (the pki service); over TLS the pair's root.
    const pki = createPki(tls ? { ca: tls.authority } : {});
    const common = {
      ocpp: version,
      reportDir: pair.reportDir,
      dut: 'sim',
      reporter: pair.reporters,
      ...(pair.only ? { only: pair.only } : {}),
      ...(options.testcases ? { testcases: options.testcases } : {}),
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
      ...(options.fault ? { fault: options.fault } : {}),
      listen: '127.0.0.1:0',
      path: '/ocpp',
      ...(tls ? tls.run : {}),
    };
    let result: RunResult | undefined;
    let exitCode: number;
    // Each side: the CLI's flags → run options (prepareRun), the engine runs it (startRun), the
    // CLI writes the reports (executeRun); the simulator under test is the DUT.
    const runAgainst = async (runOptions: RunCommandOptions, deps: RunDeps): Promise<number> => {
      const prepared = await prepareRun(runOptions, io, deps);
      if (options.reverse) prepared.start = { ...prepared.start, cases: [...prepared.start.cases].reverse() };
      return executeRun(prepared, io, {
        ...(options.logger ? { logger: options.logger.child({ run: `ocpp${version}-${sut}` }) } : {}),
        ...(deps.onListening ? { onListening: deps.onListening } : {}),
        onResult: (run) => (result = run),
      });
    };
    if (sut === 'cs') {
      const control = new LateSimControl('cs', version);
      const firmware = demoFirmware();
      try {
        exitCode = await runAgainst({ ...common, sut }, {
          pics: { items: simulatorPics(sut, version, quirks), claimAll: true },
          simAdapter: new SimAdapter(control),
          extraDefaults: firmware.extra,
          // The 2.0.1 station has two EVSEs (TC_B_41_CS and the other multi-EVSE cases need a second one).
          configOverrides: { ...demoTimings, ...tls?.config, ...(version === '1.6' ? {} : { numberOfEvses: demoEvses201.length }) },
          pki,
          progress: pair.progress,
          onListening: (harnessUrl) => {
            void (async () => {
              const url = options.via ? await options.via(harnessUrl, sut) : harnessUrl;
              control.target = createStationSimulator({
                version: version === '1.6' ? '1.6' : '2.0.1',
                csmsUrl: url,
                defects,
                quirks,
                timers: { reconnectBackoffMs: 500, rebootMs: 300 },
                firmwareRoots: firmware.firmwareRoots,
                ...(version === '1.6' ? {} : { evses: demoEvses201 }),
                // The station's own CALL timeout, short like the harness's: retry cases (TC_E_41_CS) wait for it.
                settings: { ...(version === '1.6' ? {} : { 'OCPPCommCtrlr.MessageTimeout.Default': String(stationMessageTimeoutS) }), ...tls?.station.settings, ...options.stationSettings },
                ...(tls ? { tls: tls.station.tls, basicAuthPassword: tls.station.basicAuthPassword } : {}),
                pki,
              });
              void control.target.start();
            })();
          },
        });
      } finally {
        await control.target?.stop();
        await tls?.close();
      }
    } else {
      // The retry interval a Pending boot hands out is short like the heartbeat (TC_B_02_CSMS waits it out).
      const csms = createCsmsSimulator({ version: version === '1.6' ? '1.6' : '2.0.1', port: 0, defects, quirks, heartbeatIntervalS: demoTimings.heartbeatIntervalS, retryIntervalS: 1, pki });
      const started = await csms.start();
      const url = options.via ? await options.via(started.url, sut) : started.url;
      try {
        exitCode = await runAgainst({ ...common, sut, csmsUrl: url }, {
          pics: { items: simulatorPics(sut, version, quirks), claimAll: true },
          simAdapter: new SimAdapter(csms),
          // The station plays no download here: a scheduled installation 1 s ahead keeps TC_L_02_CSMS short.
          extraDefaults: { ...demoFirmware().extra, firmwareInstallOffsetS: '1' },
          configOverrides: demoTimings,
          pki,
          progress: pair.progress,
        });
      } finally {
        await csms.close();
      }
    }
    return { exitCode, ...(result ? { result } : {}) };
  }
}

/**
 * The merged run written and shown as an unsharded run would have been: the console lines case
 * by case and its summary, then every report file, then the `report:` line.
 */
async function writeMergedReports(run: RunResult, names: readonly string[], reportDir: string, io: CliIo, shardCount: number): Promise<void> {
  const dir = path.resolve(io.cwd, reportDir);
  await mkdir(dir, { recursive: true });
  const output = createReporters(names, { reportDir: dir, io });
  const { tests, ...info } = run;
  for (const r of output.reporters) await r.onRunBegin?.(info, tests.length);
  for (let i = 0; i < tests.length; i++) {
    const sofar = tests.slice(0, i + 1);
    const snapshot: RunResult = { ...run, partial: true, tests: sofar, summary: summarise(sofar) };
    for (const r of output.reporters) await r.onCaseEnd?.(tests[i] as RunResult['tests'][number], snapshot);
  }
  for (const r of output.reporters) await r.onRunEnd?.(run);
  const written = await output.finish(run);
  const show = (f: string): string => (path.isAbsolute(reportDir) ? f : path.relative(io.cwd, f) || f);
  const shown = written.filter((f) => !f.includes(`${path.sep}traces${path.sep}`)).map(show);
  if (written.length > shown.length) shown.push(`${show(path.join(dir, 'traces'))}/ (${written.length - shown.length} files)`);
  io.out(`report: ${shown.join(', ')} (${shardCount} harness/simulator pair${shardCount === 1 ? '' : 's'} in parallel; theirs in ${show(path.join(dir, 'shards'))}/)`);
}


export function registerDemoCommand(program: Command, io: CliIo): void {
  const command = program
    .command('demo')
    .description('run the catalogue against the built-in simulators over loopback, no hardware needed')
    .addHelpText('after', "\nExamples:\n  ocpp-conform demo\n  ocpp-conform demo --ocpp 2.0.1 --sut cs --only 'TC_B_0*'\n  ocpp-conform demo --ocpp 2.0.1 --sut cs --only TC_B_01_CS --defect no-status-after-boot   # must fail")
    .addOption(new Option('--ocpp <version>', 'only this OCPP version (default: 1.6 and 2.0.1)').choices(['1.6', '2.0.1']))
    .addOption(new Option('--sut <side>', 'only this side: cs = station simulator under test, csms = CSMS simulator under test').choices(['cs', 'csms']))
    .option('--only <glob...>', 'only case ids matching these globs')
    .option('--fault <profile-or-spec>', 'inject faults on the harness\'s connection (see `run --help`)')
    .addOption(new Option('--catalogue <which>', 'official cases, the robustness catalogue beyond them (RB_ ids), or all').choices(['official', 'robustness', 'all']))
    .option('--defect <names...>', 'simulator defects to switch on, comma-separated or repeated (see `ocpp-conform sim defects`)')
    .option('--quirk <names...>', 'compliant-but-different simulator behaviours, comma-separated or repeated (see `ocpp-conform sim quirks`); cases must still pass')
    .option('--report-dir <dir>', 'where reports go (one folder per version and side)', 'reports/demo')
    .option('--testcases <dir>', 'your own compiled test cases instead of the built-in catalogue (see `run --help`)')
    .option('--shards <n>', `harness/simulator pairs per version and side, run at the same time (1 = one run, every case after the one before)`, String(defaultDemoShards));
  addLogOptions(command).action(async (o: { ocpp?: OcppVersion; sut?: Role; only?: string[]; defect?: string[]; quirk?: string[]; reportDir: string; testcases?: string; catalogue?: string; fault?: string; shards: string } & LogFlags, command: Command) => {
    const shards = Number(o.shards);
    if (!Number.isInteger(shards) || shards < 1) throw new HarnessError('E_USAGE', `--shards must be a positive integer, got "${o.shards}"`);
    const log = openLogFor(o, io.cwd);
    let runs: DemoRun[];
    try {
      runs = await runDemo(
        {
          versions: o.ocpp ? [o.ocpp] : ['1.6', '2.0.1'],
          suts: o.sut ? [o.sut] : ['cs', 'csms'],
          ...(o.only ? { only: o.only } : {}),
          defects: splitDefectNames(o.defect),
          quirks: splitDefectNames(o.quirk),
          // As given: a relative folder is resolved against the working directory by each run and printed relative.
          reportDir: o.reportDir,
          ...(o.testcases ? { testcases: o.testcases } : {}),
          ...(o.catalogue ? { catalogue: o.catalogue } : {}),
          ...(o.fault ? { fault: o.fault } : {}),
          logger: log.logger,
          maxShards: shards,
        },
        io,
      );
    } finally {
      log.close();
    }
    if (runs.length === 0) throw new HarnessError('E_USAGE', 'nothing to run: no test case matches the selection (and defects)', { hint: 'ocpp-conform list --ocpp 2.0.1 --sut cs shows the catalogue' });
    const worst = Math.max(...runs.map((r) => r.exitCode));
    io.out(`\ndemo: ${runs.map((r) => `OCPP ${r.version} ${r.sut}: ${r.run ? `${r.run.summary.byVerdict.pass}/${r.run.summary.total} passed` : `exit ${r.exitCode}`}`).join('; ')}`);
    setExitCode(command, worst === ExitCode.ok ? ExitCode.ok : worst);
  });
}
