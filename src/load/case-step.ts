/**
 * Load step `case: <id>` (issue #14: any catalogue case by id as a load step): one virtual
 * station runs one `_CSMS` case of the official catalogue against the CSMS under load, through
 * the one programmatic run entry (src/engine/start-run.ts, DESIGN.md "One programmatic entry to
 * a run"), with the station's own identity. The step passes only when the case's verdict is
 * `pass`; any other verdict (fail, inconclusive, error, notApplicable) fails it and names the
 * verdict and its reason.
 *
 * Under load nobody can make the CSMS act on request, so the DUT adapter here performs nothing:
 * a case that needs a `trigger…` action ends inconclusive, which fails the step (never a silent
 * pass, DESIGN.md "Honesty rules").
 */
import { loadCatalogue } from '../catalogue/loader.js';
import { defaultConfiguredValues, type ConfiguredValues } from '../engine/configured-values.js';
import type { TestCase } from '../engine/define.js';
import type { DutActionResult, DutAdapter } from '../engine/dut-adapter.js';
import { startRun } from '../engine/start-run.js';
import type { StateModule } from '../engine/states.js';
import type { Verdict } from '../engine/verdict.js';
import type { LoadVersion } from './steps.js';

/** A `_CSMS` id of the 1.6 or 2.0.1 catalogue, as a step names it (Part 6 ids, 1.6 TC_nnn ids). */
const caseIdPattern = /^TC_[A-Z0-9_]+_CSMS$/;

export function isCaseId(id: unknown): id is string {
  return typeof id === 'string' && caseIdPattern.test(id);
}

/** What the engine hands a `case` step: where, as whom, and how long a message may take. */
export interface CaseStepOptions {
  caseId: string;
  version: LoadVersion;
  target: string;
  identity: string;
  /** "Configured message timeout" of the run (Part 6); default the configured values' own. */
  messageTimeoutMs?: number;
  /** Deadline of the whole case; default the configured values' own. */
  caseTimeoutMs?: number;
  toolVersion?: string;
}

export interface CaseStepOutcome {
  ok: boolean;
  verdict: Verdict;
  why?: string;
  durationMs: number;
}

interface VersionCatalogue {
  cases: ReadonlyMap<string, TestCase>;
  stateModules: readonly StateModule[];
}

/** The catalogue is loaded once per process and version, not once per virtual station. */
const catalogues = new Map<LoadVersion, Promise<VersionCatalogue>>();

function catalogueOf(version: LoadVersion): Promise<VersionCatalogue> {
  let loaded = catalogues.get(version);
  if (loaded === undefined) {
    loaded = loadCatalogue(undefined, { version, sut: 'csms' }).then((c) => ({ cases: new Map(c.cases.map((t) => [t.id, t])), stateModules: c.stateModules }));
    // A failed load is not cached, so a later step may try again.
    loaded.catch(() => catalogues.delete(version));
    catalogues.set(version, loaded);
  }
  return loaded;
}

/** Looks the case up without running it (the runner checks a flow before the first station starts). */
export async function findLoadCase(version: LoadVersion, caseId: string): Promise<TestCase | undefined> {
  return (await catalogueOf(version)).cases.get(caseId);
}

/** Nobody stands at a CSMS under load: every DUT action is "not done", so such a case is inconclusive. */
const noDutAdapter: DutAdapter = {
  kind: 'load (no DUT actions)',
  perform: async (request): Promise<DutActionResult> => ({ done: false, reason: `load mode cannot make the CSMS act (${request.action})` }),
};

export async function runCaseStep(options: CaseStepOptions, signal?: AbortSignal): Promise<CaseStepOutcome> {
  const started = performance.now();
  const catalogue = await catalogueOf(options.version);
  const testCase = catalogue.cases.get(options.caseId);
  if (testCase === undefined) {
    return { ok: false, verdict: 'error', why: `${options.caseId} is not a ${options.version} _CSMS case of the catalogue`, durationMs: performance.now() - started };
  }
  const config: ConfiguredValues = {
    ...defaultConfiguredValues,
    stationId: options.identity,
    ...(options.messageTimeoutMs === undefined ? {} : { messageTimeoutMs: options.messageTimeoutMs }),
    ...(options.caseTimeoutMs === undefined ? {} : { caseTimeoutMs: options.caseTimeoutMs }),
  };
  const handle = startRun({
    version: options.version,
    endpoint: { sut: 'csms', csmsUrl: options.target },
    cases: [testCase],
    stateModules: catalogue.stateModules,
    adapter: noDutAdapter,
    config,
    // The PICS claims everything: under load the question is whether the CSMS still passes, not what it supports.
    pics: { items: {}, claimAll: true },
    tool: { name: 'ocpp-conform load', version: options.toolVersion ?? '0' },
    ...(signal === undefined ? {} : { signal }),
  });
  const run = await handle.result;
  const result = run.tests.find((t) => t.id === options.caseId);
  const verdict: Verdict = result?.verdict ?? 'error';
  const durationMs = performance.now() - started;
  if (verdict === 'pass') return { ok: true, verdict, durationMs };
  const why = `${options.caseId} ${verdict}${result?.message ? `: ${handle.scrub(result.message)}` : ''}`;
  return { ok: false, verdict, why, durationMs };
}
