/**
 * The official catalogue tables (../shared/catalogue/ocpp-2.0.1.csv, ocpp-1.6-octt-2024-04.csv) as data, and
 * the checks of our test cases against them (id exists, official title, block, certification).
 *
 * Used by the harness's own test suite and by tooling only: at run time an official id is just
 * data and the tables are not shipped, so no runtime code path (runner, CLI run/list) imports this.
 */
import { promises as fs } from 'node:fs';
import type { CertificationEntry, TestCase } from '../engine/define.js';
import { HarnessError } from '../errors.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { part5ProfileAbbreviations } from './profiles.js';

export type OfficialStatus = 'not-in-part5' | 'removed-by-errata-2025-02';

export interface OfficialEntry {
  id: string;
  version: OcppVersion;
  /** The SUT: `cs` = a charging station, `csms` = a CSMS. */
  side: Role;
  /** 2.0.1: block letter (`B`); 1.6: the group of the OCTT 1.6 document (`Cold Boot Charge Point`). */
  block: string;
  /** 1.6 only: the section of the OCTT 1.6 document the case is in (`2.1`). */
  section?: string;
  /** 1.6 only: the feature profile the case belongs to (`Core`, `LocalAuthListManagement`). */
  featureProfile?: string;
  /** 2.0.1 only: `Provisioning`. */
  blockName?: string;
  title: string;
  /** Part 5 profiles with M/C; empty for 1.6 (its table has no certification column) and for `status` rows. */
  certification: CertificationEntry[];
  /** PICS items named by the table (C-xx, AQ-x, HFS-x …). */
  featureRefs: string[];
  useCases: string[];
  status?: OfficialStatus;
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): fields separated by commas, records by CRLF or LF; a field in double quotes
// may hold commas, line breaks and doubled quotes ("") standing for one quote.

/** Parse CSV text into records of fields. Throws on an unterminated quoted field. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new HarnessError('E_CONFIG', 'CSV ends inside a quoted field (a " is not closed)');
  if (fieldStarted || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Records as objects keyed by the header row; blank lines are skipped. */
export function parseCsvWithHeader(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new HarnessError('E_CONFIG', `CSV record ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, k) => [name, row[k] ?? '']));
  });
}

// ---------------------------------------------------------------------------------------------
// The catalogue tables.

const statuses: readonly OfficialStatus[] = ['not-in-part5', 'removed-by-errata-2025-02'];

/**
 * Parse a certification cell: `Core:M`, `Core:C ADM:M` (profile abbreviation : M|C, space
 * separated), or a status (`not-in-part5`, `removed-by-errata-2025-02`).
 */
export function parseCertification(cell: string): { certification: CertificationEntry[]; status?: OfficialStatus } {
  const trimmed = cell.trim();
  const status = statuses.find((s) => s === trimmed);
  if (status) return { certification: [], status };
  if (trimmed === '') return { certification: [] };
  const certification = trimmed.split(/\s+/).map((token): CertificationEntry => {
    const match = /^([A-Za-z0-9]+):([MC])$/.exec(token);
    const abbr = match?.[1];
    const need = match?.[2];
    if (abbr === undefined || (need !== 'M' && need !== 'C')) throw new HarnessError('E_CONFIG', `certification ${JSON.stringify(token)} is not <profile>:M or <profile>:C`);
    const profile = part5ProfileAbbreviations[abbr];
    if (profile === undefined) {
      throw new HarnessError('E_CONFIG', `unknown certification profile abbreviation ${JSON.stringify(abbr)} (known: ${Object.keys(part5ProfileAbbreviations).join(', ')})`);
    }
    return { profile, need };
  });
  return { certification };
}

const splitList = (cell: string | undefined): string[] => (cell ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/** Parse the text of one official catalogue CSV (2.0.1 or 1.6 layout, told apart by its header). */
export function parseOfficialCatalogue(text: string, version: OcppVersion, sourceName = 'catalogue CSV'): OfficialEntry[] {
  const rows = parseCsvWithHeader(text);
  return rows.map((row, index) => {
    const where = `${sourceName} record ${index + 2} (${row.id ?? '?'})`;
    try {
      return entryOf(row, version);
    } catch (err) {
      throw new HarnessError('E_CONFIG', `${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  });
}

function entryOf(row: Record<string, string>, version: OcppVersion): OfficialEntry {
  const id = row.id?.trim() ?? '';
  if (id === '') throw new Error('id is empty');
  if (row.version !== undefined && row.version.trim() !== version) throw new Error(`version column is ${row.version}, expected ${version}`);
  const sideCell = row.side?.trim();
  const side: Role | undefined = sideCell === 'CS' ? 'cs' : sideCell === 'CSMS' ? 'csms' : undefined;
  if (side === undefined) throw new Error(`side must be CS or CSMS, got ${JSON.stringify(sideCell)}`);
  const block = (row.block ?? row.group)?.trim();
  if (block === undefined || block === '') throw new Error('block/group is empty');
  const title = row.title?.trim() ?? '';
  if (title === '') throw new Error('title is empty');
  const { certification, status } = parseCertification(row.certification ?? '');
  const entry: OfficialEntry = { id, version, side, block, title, certification, featureRefs: splitList(row.feature_refs), useCases: splitList(row.use_cases) };
  const blockName = row.block_name?.trim();
  if (blockName) entry.blockName = blockName;
  if (status) entry.status = status;
  const section = row.section?.trim();
  if (section) entry.section = section;
  const featureProfile = row.feature_profile?.trim();
  if (featureProfile) entry.featureProfile = featureProfile;
  return entry;
}

/** Read and parse an official catalogue CSV file. */
export async function readOfficialCatalogue(csvPath: string, version: OcppVersion): Promise<OfficialEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(csvPath, 'utf8');
  } catch (err) {
    throw new HarnessError('E_CONFIG', `cannot read the official catalogue ${csvPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return parseOfficialCatalogue(text, version, csvPath);
}

// ---------------------------------------------------------------------------------------------
// Checks against the catalogue.

export interface OfficialProblem {
  id: string;
  /** The file the case was loaded from, when known. */
  source?: string;
  problem: string;
}

/** Ids shaped like the official ones of a version; other ids (harness extras) are not checked. */
const officialIdShape: Record<OcppVersion, RegExp> = {
  '1.6': /^TC_\d{3}(_\d+)?_(CS|CSMS)$/,
  '2.0.1': /^TC_[A-Z]_\d{2,3}_(CS|CSMS)$/,
  '2.1': /^TC_[A-Z]_\d{2,3}_(CS|CSMS)$/,
};

export function hasOfficialIdShape(id: string, version: OcppVersion): boolean {
  return officialIdShape[version].test(id);
}

// The OCTT 1.6 document sets the same separator as a hyphen in some titles and an en dash in
// others ("Remote Start Charging Session – Rejected"): both compare equal.
const normaliseTitle = (title: string): string => title.replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
const certificationText = (c: readonly CertificationEntry[]): string =>
  c.length === 0 ? '(none)' : [...c].map((e) => `${e.profile}:${e.need}`).sort().join(' ');

/**
 * Check each case with an official id against the catalogue entries of its version. Cases of a
 * version with no entries given (e.g. 2.1 before its table exists) are not checked.
 */
export function checkAgainstOfficial(cases: readonly TestCase[], entries: readonly OfficialEntry[]): OfficialProblem[] {
  const byKey = new Map(entries.map((e) => [`${e.version} ${e.id}`, e]));
  const versionsWithTable = new Set(entries.map((e) => e.version));
  const problems: OfficialProblem[] = [];
  for (const tc of cases) {
    if (!versionsWithTable.has(tc.version) || !hasOfficialIdShape(tc.id, tc.version)) continue;
    const report = (problem: string): void => {
      problems.push(tc.source === undefined ? { id: tc.id, problem } : { id: tc.id, source: tc.source, problem });
    };
    const entry = byKey.get(`${tc.version} ${tc.id}`);
    if (!entry) {
      report(`${tc.id} is not in the official OCPP ${tc.version} catalogue`);
      continue;
    }
    if (entry.status === 'removed-by-errata-2025-02') report(`${tc.id} was removed by the 2025-02 errata`);
    if (entry.side !== tc.sut) report(`sut is '${tc.sut}' but the catalogue lists the SUT as '${entry.side}'`);
    if (normaliseTitle(tc.title) !== normaliseTitle(entry.title)) {
      report(`title differs from the official one:\n    ours:     ${JSON.stringify(normaliseTitle(tc.title))}\n    official: ${JSON.stringify(entry.title)}`);
    }
    if (tc.block !== entry.block) {
      report(`block is ${JSON.stringify(tc.block)}, the catalogue says ${JSON.stringify(entry.block)}${entry.blockName ? ` (${entry.blockName})` : ''}`);
    }
    // The 1.6 table has no certification column: nothing to compare there.
    if (tc.version !== '1.6' && certificationText(tc.certification) !== certificationText(entry.certification)) {
      const official = entry.status === 'not-in-part5' ? '(none: not in Part 5)' : certificationText(entry.certification);
      report(`certification is ${certificationText(tc.certification)}, the catalogue says ${official}`);
    }
  }
  return problems;
}

/** One line per problem, for test failure messages. */
export function formatOfficialProblems(problems: readonly OfficialProblem[]): string {
  return problems.map((p) => `${p.source ?? p.id}: ${p.problem}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Coverage: how much of the official catalogue we implement.

export interface BlockCoverage {
  block: string;
  blockName?: string;
  official: number;
  implemented: number;
}

export interface Coverage {
  version: OcppVersion;
  sut: Role;
  /** Official cases, not counting those removed by the errata. */
  official: number;
  /** Of those, how many we have a test case for. */
  implemented: number;
  /** Our cases of this version and side whose id is not an official one. */
  notInCatalogue: string[];
  blocks: BlockCoverage[];
}

/** Per version and side: official count, implemented count, and the same per block (catalogue order). */
export function coverage(cases: readonly TestCase[], entries: readonly OfficialEntry[]): Coverage[] {
  const implementedIds = new Set(cases.map((tc) => `${tc.version} ${tc.id}`));
  const result: Coverage[] = [];
  const find = (version: OcppVersion, sut: Role): Coverage => {
    let c = result.find((r) => r.version === version && r.sut === sut);
    if (!c) {
      c = { version, sut, official: 0, implemented: 0, notInCatalogue: [], blocks: [] };
      result.push(c);
    }
    return c;
  };
  for (const e of entries) {
    if (e.status === 'removed-by-errata-2025-02') continue;
    const c = find(e.version, e.side);
    let b = c.blocks.find((x) => x.block === e.block);
    if (!b) {
      b = e.blockName === undefined ? { block: e.block, official: 0, implemented: 0 } : { block: e.block, blockName: e.blockName, official: 0, implemented: 0 };
      c.blocks.push(b);
    }
    c.official += 1;
    b.official += 1;
    if (implementedIds.has(`${e.version} ${e.id}`)) {
      c.implemented += 1;
      b.implemented += 1;
    }
  }
  const officialIds = new Set(entries.filter((e) => e.status !== 'removed-by-errata-2025-02').map((e) => `${e.version} ${e.id}`));
  const versionsWithTable = new Set(entries.map((e) => e.version));
  for (const tc of cases) {
    if (!versionsWithTable.has(tc.version) || officialIds.has(`${tc.version} ${tc.id}`)) continue;
    find(tc.version, tc.sut).notInCatalogue.push(tc.id);
  }
  return result;
}
