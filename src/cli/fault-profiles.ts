/**
 * `run --fault NAME|SPEC` and `demo --fault` (issue #16): a named profile of the project file's
 * `faults` section, a built-in profile (flaky-mobile: 300±200 ms, 1% drop …), or a spec written
 * out. The name (or the spec) becomes the run's fault profile in the report and the JUnit names.
 */
import { HarnessError } from '../errors.js';
import type { RunFaults } from '../engine/run-faults.js';
import { builtinFaultProfiles, parseFaultSpec } from '../transport/fault-spec.js';
import { findRunConfig, loadRunConfig } from './run-config.js';

/** The profiles known from `configFile` (or the project file found upward from `cwd`) and the built-ins. */
export async function faultProfiles(cwd: string, configFile?: string): Promise<Record<string, string>> {
  const file = configFile ?? findRunConfig(cwd);
  const own = file === undefined ? {} : (await loadRunConfig(file)).faults;
  return { ...builtinFaultProfiles, ...own };
}

export async function resolveFault(value: string, cwd: string, configFile?: string): Promise<RunFaults> {
  const trimmed = value.trim();
  if (!trimmed.includes('=')) {
    const profiles = await faultProfiles(cwd, configFile);
    const spec = profiles[trimmed];
    if (spec === undefined) {
      throw new HarnessError('E_USAGE', `--fault ${trimmed}: no fault profile of that name`, { hint: `known profiles: ${Object.keys(profiles).join(', ')}; or write a spec, e.g. --fault "latency=300±200,drop=1%"` });
    }
    const parsed = parseFaultSpec(spec);
    return { profile: trimmed, spec: parsed.spec, seed: parsed.seed, plan: parsed.plan };
  }
  const parsed = parseFaultSpec(trimmed);
  return { profile: parsed.spec, spec: parsed.spec, seed: parsed.seed, plan: parsed.plan };
}
