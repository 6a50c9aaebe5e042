/**
 * The DUT's PICS file (schemas/pics.schema.json), JSON or YAML: its OCPP version and side, the
 * certification profiles claimed and the answers to the PICS items of src/catalogue/pics-items.ts.
 * Checked for the run's version and side, unknown ids (with the nearest known ones) and value
 * types; derived items (SecurityProfile, 1.6 FP-*, "any sub-option" features) are filled in.
 */
import { findPicsItem, hasPicsType, knownPicsIds, picsItemsFor, type PicsItem } from '../catalogue/pics-items.js';
import type { Pics, PicsValue } from '../engine/pics-condition.js';
import type { OcppVersion, Role } from '../protocol/versions.js';
import { closestNames, dataFileError, describeSchemaErrors, harnessSchema, problemsError, readDataFile } from './config-file.js';

export interface LoadedPics extends Pics {
  /** The file it came from; absent when no PICS was given (claimAll). */
  file?: string;
  ocpp?: OcppVersion;
  sut?: Role;
  vendor?: string;
  model?: string;
  firmwareVersion?: string;
  securityProfile?: 0 | 1 | 2 | 3;
}

interface PicsDocument {
  ocpp: OcppVersion;
  sut: Role;
  vendor?: string;
  model?: string;
  firmwareVersion?: string;
  certificationProfiles: string[];
  securityProfile: 0 | 1 | 2 | 3;
  items: Record<string, PicsValue>;
}

const sideWords: Record<Role, string> = { cs: 'a charging station', csms: 'a CSMS' };

function initCommand(expected: { ocpp: OcppVersion; sut: Role }, out = 'pics.yaml'): string {
  return `ocpp-conform pics init --ocpp ${expected.ocpp} --sut ${expected.sut} --out ${out}`;
}

/** Ids compared loosely: case, "_" for "-", leading zeros ("c_1" is C-01). */
function looseId(id: string): string {
  return id.toUpperCase().replace(/_/g, '-').replace(/(^|[^\d])0+(\d)/g, '$1$2');
}

/** The known ids an unknown id most likely meant. */
export function nearestPicsIds(id: string, version: OcppVersion): string[] {
  const known = [...knownPicsIds(version)];
  const loose = known.filter((k) => looseId(k) === looseId(id));
  return loose.length > 0 ? loose : closestNames(id, known, 3);
}

function exampleOf(item: PicsItem): string {
  switch (item.type) {
    case 'boolean':
      return `${item.id}: true (or false)`;
    case 'number':
      return `${item.id}: ${JSON.stringify(item.initial ?? 1)}`;
    case 'string':
      return `${item.id}: "…"`;
    case 'string[]':
      return `${item.id}: ${JSON.stringify(item.initial ?? ['…'])}`;
  }
}

const typeWords: Record<PicsItem['type'], string> = {
  boolean: 'true or false',
  number: 'a number',
  string: 'a string',
  'string[]': 'a list of strings',
};

/**
 * Load the PICS for a run of `expected.ocpp` against `expected.sut`. No path: no PICS, every
 * selected case runs (`{ items: {}, claimAll: true }`). Throws HarnessError('E_PICS') naming the
 * field or item and the fix.
 */
export async function loadPics(path: string | undefined, expected: { ocpp: OcppVersion; sut: Role }): Promise<LoadedPics> {
  if (path === undefined) return { items: {}, claimAll: true };
  const { value, secrets } = await readDataFile(path, 'E_PICS', 'PICS file');
  const source = { code: 'E_PICS' as const, subject: `PICS file ${path}`, secrets };
  if (value === null || value === undefined) {
    throw dataFileError(source, 'is empty', `write one with: ${initCommand(expected, path)} --force`);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw dataFileError(source, `must hold a map of fields at the top level (got ${Array.isArray(value) ? 'a list' : typeof value})`, `start from the template: ${initCommand(expected)}`);
  }
  // YAML reads an unquoted `ocpp: 1.6` as the number 1.6: take it as the version it spells.
  const fields = value as Record<string, unknown>;
  if (typeof fields['ocpp'] === 'number') fields['ocpp'] = String(fields['ocpp']);
  const { schema, validate } = await harnessSchema('pics.schema.json');
  if (!validate(value)) throw problemsError(source, describeSchemaErrors(schema, validate.errors ?? [], value));
  const doc = value as PicsDocument;

  if (doc.ocpp !== expected.ocpp) {
    throw dataFileError(
      source,
      `field "ocpp" is "${doc.ocpp}" but this run tests OCPP ${expected.ocpp}`,
      `run against OCPP ${doc.ocpp}, or use a PICS written for OCPP ${expected.ocpp} (create one with: ${initCommand(expected)})`,
    );
  }
  if (doc.sut !== expected.sut) {
    throw dataFileError(
      source,
      `field "sut" is "${doc.sut}" (${sideWords[doc.sut]}) but this run tests ${sideWords[expected.sut]} (sut "${expected.sut}")`,
      `use the PICS of the ${expected.sut === 'cs' ? 'charging station' : 'CSMS'} under test (create one with: ${initCommand(expected)}), or run the ${doc.sut === 'cs' ? '_CS' : '_CSMS'} cases`,
    );
  }
  if (!doc.certificationProfiles.includes('Core')) {
    throw dataFileError(source, 'field "certificationProfiles" must include "Core"', `add Core: every certification includes it (${doc.ocpp === '1.6' ? 'OCPP 1.6 §3: the Core feature profile is mandatory' : 'OCPP 2.0.1 Part 5 §2'})`);
  }

  const unknown = Object.keys(doc.items).filter((id) => findPicsItem(id, doc.ocpp, doc.sut) === undefined);
  if (unknown.length > 0) {
    const described = unknown.map((id) => {
      const near = nearestPicsIds(id, doc.ocpp);
      return `"${id}"${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`;
    });
    const [firstId] = unknown;
    const firstNear = firstId === undefined ? [] : nearestPicsIds(firstId, doc.ocpp);
    throw dataFileError(
      source,
      `unknown PICS item${unknown.length > 1 ? 's' : ''} for OCPP ${doc.ocpp}: ${described.join(', ')}`,
      `${firstNear.length === 1 && firstId !== undefined ? `rename "${firstId}" to "${firstNear[0]}"; ` : ''}use the ids of ${doc.ocpp === '1.6' ? 'our OCPP 1.6 item list' : 'OCPP 2.0.1 Part 5'}: \`ocpp-conform pics init --ocpp ${doc.ocpp} --sut ${doc.sut} --out -\` prints every item with its meaning`,
    );
  }

  const items: Record<string, PicsValue> = { ...doc.items };
  for (const [id, itemValue] of Object.entries(doc.items)) {
    const item = findPicsItem(id, doc.ocpp, doc.sut);
    if (item && !hasPicsType(item, itemValue)) {
      throw dataFileError(
        source,
        `item "${id}" (${item.title}) must be ${typeWords[item.type]} (got ${JSON.stringify(itemValue)})`,
        `write it as ${exampleOf(item)}`,
      );
    }
  }

  fillDerived(items, doc, source);

  const loaded: LoadedPics = {
    file: path,
    ocpp: doc.ocpp,
    sut: doc.sut,
    certificationProfiles: [...doc.certificationProfiles],
    securityProfile: doc.securityProfile,
    items,
  };
  if (doc.vendor !== undefined) loaded.vendor = doc.vendor;
  if (doc.model !== undefined) loaded.model = doc.model;
  if (doc.firmwareVersion !== undefined) loaded.firmwareVersion = doc.firmwareVersion;
  return loaded;
}

/** Items the file need not answer: they follow other fields, and must agree with them if answered. */
function fillDerived(items: Record<string, PicsValue>, doc: PicsDocument, source: Parameters<typeof dataFileError>[0]): void {
  const all = picsItemsFor(doc.ocpp, doc.sut);
  for (const item of all) {
    const declared = items[item.id];
    if (item.derived === 'securityProfile') {
      if (declared !== undefined && declared !== doc.securityProfile) {
        throw dataFileError(source, `item "${item.id}" is ${JSON.stringify(declared)} but securityProfile is ${doc.securityProfile}`, `remove the item ${item.id}: it follows securityProfile`);
      }
      items[item.id] = doc.securityProfile;
    } else if (item.derived === 'certificationProfiles' && item.profile !== undefined) {
      const claimed = doc.certificationProfiles.includes(item.profile);
      if (declared !== undefined && declared !== claimed) {
        throw dataFileError(
          source,
          `item "${item.id}" is ${JSON.stringify(declared)} but certificationProfiles ${claimed ? 'lists' : 'does not list'} "${item.profile}"`,
          `remove the item ${item.id} (it follows certificationProfiles) and ${claimed ? 'remove' : 'add'} "${item.profile}" in certificationProfiles if that is what you meant`,
        );
      }
      items[item.id] = claimed;
    }
  }
  // "At least one of the sub-options" features: true when any declared sub-option is supported.
  for (const item of all) {
    if (item.derived !== 'subOptions' || items[item.id] !== undefined) continue;
    const answers = all.filter((i) => i.parent === item.id).map((i) => items[i.id]).filter((v) => v !== undefined);
    if (answers.length > 0) items[item.id] = answers.some((v) => v === true || (Array.isArray(v) && v.length > 0));
  }
}

