/**
 * Select the cases of a run by version, SUT side, id globs, blocks and certification profiles.
 * Every case left out says why in words, so `list` and the report can show it.
 */
import picomatch from 'picomatch';
import type { TestCase } from '../engine/define.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { sameProfile } from './profiles.js';

export interface SelectOptions {
  version?: OcppVersion;
  sut?: Role;
  /** Id globs (`*` any run, `?` one character, `[12]` a class, `{a,b}`), matched case-insensitively against the whole id. */
  only?: string[];
  /** Blocks (2.0.1 letter `B`; 1.6 group `01 Cold Boot`, or just its first word `01`). */
  blocks?: string[];
  /** Certification profiles, full name or abbreviation (`Smart Charging`, `SmartCh`, `SmartCharging`). */
  profiles?: string[];
}

export interface Exclusion {
  testCase: TestCase;
  reason: string;
}

export interface Selection {
  /** In natural order: by version, side, block, then id (TC_B_2_CS before TC_B_10_CS). */
  selected: TestCase[];
  excluded: Exclusion[];
  /** --only globs that matched no case at all (likely a typo). */
  unmatchedGlobs: string[];
}

const roleNames: Record<Role, string> = { cs: 'charging station', csms: 'CSMS' };

export function selectCases(cases: readonly TestCase[], options: SelectOptions = {}): Selection {
  const globs = (options.only ?? []).map((g) => ({ glob: g, pattern: globToRegExp(g), used: false }));
  const blocks = options.blocks ?? [];
  const profiles = options.profiles ?? [];
  const selected: TestCase[] = [];
  const excluded: Exclusion[] = [];
  const sorted = [...cases].sort(compareCases);
  for (const tc of sorted) {
    // Mark every glob a case matches, even when another filter excludes it, so "matched nothing" is true.
    const matching = globs.filter((g) => g.pattern.test(tc.id));
    for (const g of matching) g.used = true;
    const reason = exclusionReason(tc, options, matching.length > 0, blocks, profiles);
    if (reason === undefined) selected.push(tc);
    else excluded.push({ testCase: tc, reason });
  }
  return { selected, excluded, unmatchedGlobs: globs.filter((g) => !g.used).map((g) => g.glob) };
}

function exclusionReason(tc: TestCase, options: SelectOptions, matchesOnly: boolean, blocks: readonly string[], profiles: readonly string[]): string | undefined {
  if (options.version !== undefined && tc.version !== options.version) return `OCPP ${tc.version} case, run is ${options.version}`;
  if (options.sut !== undefined && tc.sut !== options.sut) return `SUT is a ${roleNames[tc.sut]}, run tests a ${roleNames[options.sut]}`;
  if (options.only !== undefined && options.only.length > 0 && !matchesOnly) return `id does not match --only ${options.only.join(' ')}`;
  if (blocks.length > 0 && !blocks.some((b) => blockMatches(tc.block, b))) return `block ${tc.block} not selected`;
  if (profiles.length > 0 && !tc.certification.some((c) => profiles.some((p) => sameProfile(c.profile, p)))) {
    if (tc.certification.length === 0) return 'no certification profile (not in Part 5) and --profile given';
    return `profile${tc.certification.length === 1 ? '' : 's'} ${tc.certification.map((c) => c.profile).join(', ')} not selected`;
  }
  return undefined;
}

/** `B` matches block B; `01` or `01 cold boot` matches the 1.6 group `01 Cold Boot`. */
export function blockMatches(block: string, wanted: string): boolean {
  const b = block.trim().toLowerCase();
  const w = wanted.trim().toLowerCase();
  return b === w || (w !== '' && b.startsWith(`${w} `));
}

/**
 * A glob as an anchored, case-insensitive regular expression, by picomatch (the matcher of
 * micromatch / chokidar): `*`, `?`, character classes (`TC_00[12]_CS`), ranges, braces
 * (`TC_{B,C}_0*`) and `!` negation behave as a shell user expects (issue #11).
 */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob.trim(), { nocase: true, dot: true });
}

/**
 * Natural order: digit runs compare by value, so TC_B_2_CS < TC_B_10_CS and TC_004_1_CS < TC_004_2_CS.
 * Ties on value (01 vs 1) fall back to plain comparison so the order is total.
 */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const diff = Number(x) - Number(y);
      if (diff !== 0) return diff;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const versionRank = (v: OcppVersion): number => (v === '1.6' ? 0 : v === '2.0.1' ? 1 : 2);

/** Catalogue order: version, SUT side (cs first), block, then natural id order. */
export function compareCases(a: TestCase, b: TestCase): number {
  return versionRank(a.version) - versionRank(b.version)
    || (a.sut === b.sut ? 0 : a.sut === 'cs' ? -1 : 1)
    || compareNatural(a.block, b.block)
    || compareNatural(a.id, b.id);
}
