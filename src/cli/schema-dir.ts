/**
 * Load user-supplied OCPP JSON schemas from folders of `*.json` files (the I/O half of
 * `schemaSetFromRecord` in src/protocol/schemas.ts).
 *
 * File naming follows `parseSchemaName`: the OCA folders work as they are published —
 * 1.6 `Authorize.json` / `AuthorizeResponse.json`, 2.0.1 and 2.1 `AuthorizeRequest.json` /
 * `AuthorizeResponse.json`; `Authorize.req.json` / `Authorize.conf.json` work too. OCA 1.6 ships
 * its Security Whitepaper schemas in a second folder: pass both folders.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError } from '../errors.js';
import { parseSchemaName, schemaSetFromRecord, SchemaRecordError } from '../protocol/schemas.js';
import type { SchemaSet } from '../protocol/schemas.js';
import { compileErrors } from '../protocol/validator.js';
import type { OcppVersion } from '../protocol/versions.js';

const namingHint = 'Name schema files <Action>.json or <Action>Request.json for requests and <Action>Response.json for responses (the OCA folders work as published).';

async function listJson(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new HarnessError('E_SCHEMA_DIR', `cannot read schema folder ${dir}: ${(error as Error).message}`, {
      hint: 'Pass an existing folder of OCPP JSON schema files.',
      cause: error,
    });
  }
  return names.filter((n) => n.endsWith('.json')).sort();
}

/**
 * Read every `*.json` file of the folder(s) (not recursive) into a SchemaSet for `version`, and
 * compile each schema once so a broken file is reported now, by name, rather than mid-run.
 * Throws HarnessError('E_SCHEMA_DIR') naming the bad file and why.
 */
export async function loadSchemaDir(dir: string | readonly string[], version: OcppVersion): Promise<SchemaSet> {
  const dirs = typeof dir === 'string' ? [dir] : [...dir];
  const record: Record<string, unknown> = {};
  const fileOf = new Map<string, string>();
  for (const d of dirs) {
    for (const name of await listJson(d)) {
      const file = join(d, name);
      const base = name.slice(0, -'.json'.length);
      if (fileOf.has(base)) {
        throw new HarnessError('E_SCHEMA_DIR', `${file}: a schema named ${base} was already read from ${fileOf.get(base)}`, { hint: 'Keep one file per schema across the folders you pass.' });
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new HarnessError('E_SCHEMA_DIR', `${file}: cannot read: ${(error as Error).message}`, { hint: 'Check the file permissions.', cause: error });
      }
      try {
        // Some OCA files start with a UTF-8 byte order mark, which JSON.parse refuses.
        record[base] = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
      } catch (error) {
        throw new HarnessError('E_SCHEMA_DIR', `${file}: not valid JSON: ${(error as Error).message}`, { hint: 'Each file must hold one JSON schema object.', cause: error });
      }
      fileOf.set(base, file);
    }
  }
  if (fileOf.size === 0) {
    throw new HarnessError('E_SCHEMA_DIR', `no *.json files in ${dirs.join(', ')}`, { hint: 'Point at the folder that holds the schema files themselves.' });
  }
  let set: SchemaSet;
  try {
    set = schemaSetFromRecord(version, record, dirs.join(', '));
  } catch (error) {
    if (error instanceof SchemaRecordError) {
      throw new HarnessError('E_SCHEMA_DIR', `${fileOf.get(error.schemaName) ?? error.schemaName}: ${error.message}`, { hint: namingHint, cause: error });
    }
    throw error;
  }
  const failures = compileErrors(set);
  const first = failures[0];
  if (first) {
    const file = [...fileOf].find(([base]) => {
      const parsed = parseSchemaName(base);
      return parsed?.action === first.action && parsed.kind === first.kind;
    })?.[1];
    throw new HarnessError('E_SCHEMA_DIR', `${file ?? `${first.action} ${first.kind}`}: not a usable JSON schema: ${first.message}`, {
      hint: failures.length > 1 ? `${failures.length - 1} more schema(s) failed too. Fix the schema or remove the file.` : 'Fix the schema or remove the file.',
    });
  }
  return set;
}
