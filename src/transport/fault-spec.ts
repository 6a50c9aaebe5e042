/**
 * The `--fault SPEC` language (issue #16): a fault plan for the harness's side of the connection,
 * written as comma-separated `key=value` items. Directions are the harness's: `in` = frames from
 * the DUT, `out` = frames to the DUT; without a prefix an item applies to both.
 *
 *   latency=300±200        every frame delayed 100…500 ms (uniform, seeded); also `300+-200`, `out:50`
 *   drop=1%                each frame dropped with probability 0.01
 *   drop=in:StatusNotification   every StatusNotification CALL from the DUT (and responses to one)
 *   drop=out:#2            the 2nd frame the harness sends (`#2#5`: the 2nd and the 5th)
 *   dup=out:Heartbeat      sent twice;  reorder=in:#3  held back until the next frame passed
 *   close-after=in:BootNotification   close (1001) right after that frame; `reset-after=…` drops TCP instead
 *   slow-reader=500        frames from the DUT handed on no closer than 500 ms apart
 *   seed=42                the random source (default 1): same seed + same traffic = same faults
 */
import { HarnessError } from '../errors.js';
import { defaultFaultSeed, type DirectionFaults, type FaultPlan, type FrameSelector } from './faults.js';

export interface ParsedFaults {
  plan: FaultPlan;
  seed: number;
  /** The spec as given (trimmed): what reports and JUnit names show. */
  spec: string;
}

type Dir = 'in' | 'out';

function usage(message: string): HarnessError {
  return new HarnessError('E_USAGE', `--fault: ${message}`, { hint: 'e.g. --fault "latency=300±200,drop=1%,seed=7" or --fault drop=in:StatusNotification (see README "Fault injection")' });
}

/** Split `in:rest` / `out:rest` / `rest` into the directions it names and the rest. */
function directionsOf(value: string): { dirs: Dir[]; rest: string } {
  const m = /^(in|out):(.*)$/.exec(value);
  if (m) return { dirs: [m[1] as Dir], rest: m[2] ?? '' };
  return { dirs: ['in', 'out'], rest: value };
}

function selectorOf(key: string, rest: string): FrameSelector {
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(rest);
  if (pct) {
    const p = Number(pct[1]) / 100;
    if (p > 1) throw usage(`${key}=${rest}: a probability is at most 100%`);
    return { probability: p };
  }
  if (/^(#\d+)+$/.test(rest)) {
    const nth = rest.split('#').filter((x) => x !== '').map(Number);
    if (nth.some((n) => n < 1)) throw usage(`${key}=${rest}: frame positions start at #1`);
    return { nth };
  }
  const next = /^next:(\d+)$/.exec(rest);
  if (next) return { next: Number(next[1]) };
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(rest)) return { action: rest };
  throw usage(`${key}=${rest}: expected a probability (1%), frame positions (#3), next:N or an action name`);
}

function latencyOf(rest: string): DirectionFaults['delayMs'] {
  const m = /^(\d+)(?:(?:±|\+-)(\d+))?$/.exec(rest);
  if (!m) throw usage(`latency=${rest}: expected MS or MS±JITTER, e.g. 300±200`);
  const base = Number(m[1]);
  const jitter = Number(m[2] ?? 0);
  return jitter === 0 ? base : { minMs: Math.max(0, base - jitter), maxMs: base + jitter };
}

function msOf(key: string, rest: string): number {
  if (!/^\d+$/.test(rest)) throw usage(`${key}=${rest}: expected milliseconds`);
  return Number(rest);
}

/** Parse a spec; throws E_USAGE naming the item it could not read. */
export function parseFaultSpec(spec: string): ParsedFaults {
  const plan: FaultPlan = {};
  let seed = defaultFaultSeed;
  const dir = (d: Dir): DirectionFaults => (plan[d] ??= {});
  const items = spec.split(/[,;]/).map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw usage('the spec is empty');
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw usage(`"${item}" is not key=value`);
    const key = item.slice(0, eq).trim().toLowerCase();
    const { dirs, rest } = directionsOf(item.slice(eq + 1).trim());
    switch (key) {
      case 'seed':
        if (!/^\d+$/.test(rest)) throw usage(`seed=${rest}: expected a whole number`);
        seed = Number(rest);
        break;
      case 'latency':
        for (const d of dirs) dir(d).delayMs = latencyOf(rest);
        break;
      case 'drop':
      case 'dup':
      case 'duplicate':
      case 'reorder':
      case 'corrupt': {
        const field = key === 'dup' ? 'duplicate' : key;
        for (const d of dirs) Object.assign(dir(d), { [field]: selectorOf(key, rest) });
        break;
      }
      case 'close-after':
      case 'reset-after': {
        const at = /^#(\d+)$/.exec(rest);
        if (!at && !/^[A-Za-z][A-Za-z0-9]*$/.test(rest)) throw usage(`${key}=${rest}: expected an action name or #N`);
        plan.close = {
          ...(at ? { afterFrames: Number(at[1]) } : { afterAction: rest }),
          ...(dirs.length === 1 ? { direction: dirs[0] } : {}),
          ...(key === 'reset-after' ? { abrupt: true } : {}),
        };
        break;
      }
      case 'slow-reader':
        dir('in').minGapMs = msOf(key, rest);
        break;
      case 'slow-writer':
        dir('out').minGapMs = msOf(key, rest);
        break;
      default:
        throw usage(`unknown item "${key}" (latency, drop, dup, reorder, corrupt, close-after, reset-after, slow-reader, slow-writer, seed)`);
    }
  }
  return { plan, seed, spec: items.join(',') };
}

/** Built-in named profiles; a project file's `faults` section adds its own (and may override these). */
export const builtinFaultProfiles: Readonly<Record<string, string>> = {
  'flaky-mobile': 'latency=300±200,drop=1%',
  'slow-link': 'latency=800±100',
  'lossy': 'drop=5%',
};
