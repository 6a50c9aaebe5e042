/**
 * Generates the committed facts the catalogue needs from the official documents in `../shared/spec`
 * (run: `npm run build && node dist/scripts/gen-spec-data.js [--shared ../shared]`):
 * - `src/catalogue/data/official-validations.json`: per case id, the step numbers its tool
 *   validations cover and whether it has post-scenario validations (2.0.1 Part 6, OCTT 1.6 document);
 * - `testcases/ocpp2.0.1/_data/dm-variables.json`: the 2.0.1 device-model variables of Part 2
 *   `dm_components_vars.csv` (component, variable, instance, required, data type, unit; the CSV
 *   has no mutability column).
 * Facts only (names, numbers, flags), never the documents' wording. The project never reads
 * `../shared` at run time: it reads these files.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officialValidations } from '../src/catalogue/official-text.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const sharedAt = args.indexOf('--shared');
const shared = resolve(root, (sharedAt >= 0 ? args[sharedAt + 1] : undefined) ?? '../shared');
const outDir = join(root, 'src', 'catalogue', 'data');

const docs = [
  join(shared, 'spec', 'ocpp-2.0.1', 'OCPP-2.0.1_edition3_part6-testcases.txt'),
  join(shared, 'spec', 'ocpp-1.6', 'ocpp-1.6-octt-test-case-document-2024-04.txt'),
];

const validations: Record<string, { steps: number[]; post: boolean }> = {};
for (const doc of docs) {
  for (const [id, v] of officialValidations(readFileSync(doc, 'utf8'))) validations[id] = { steps: v.steps, post: v.post };
}

/** Part 2 appendix CSV: a small RFC 4180 reader (quoted fields, doubled quotes). */
function csvRows(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const csv = csvRows(readFileSync(join(shared, 'spec', 'ocpp-2.0.1', 'appendices-csv', 'dm_components_vars.csv'), 'utf8'), ';');
const header = (csv[0] ?? []).map((h) => h.trim().toLowerCase());
const col = (name: RegExp): number => header.findIndex((h) => name.test(h));
// Columns (facts only; the description column is left out): component, variable, instance, required, data type, unit.
const at = { component: col(/component/), variable: col(/^variable$/), instance: col(/^instance$/), required: col(/required/), dataType: col(/data ?type/), unit: col(/^unit$/) };
const variables = csv.slice(1).flatMap((r) => {
  const component = r[at.component]?.trim();
  const variable = r[at.variable]?.trim();
  if (!component || !variable) return [];
  const instance = r[at.instance]?.trim() ?? '';
  const unit = r[at.unit]?.trim() ?? '';
  return [{ component, variable, ...(instance ? { instance } : {}), required: /^(yes|y|true|required)$/i.test(r[at.required]?.trim() ?? ''), dataType: r[at.dataType]?.trim() ?? '', ...(unit ? { unit } : {}) }];
});

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'official-validations.json'), `${JSON.stringify(validations, null, 0).replace(/\},"/g, '},\n"')}\n`);
const dataDir = join(root, 'testcases', 'ocpp2.0.1', '_data');
mkdirSync(dataDir, { recursive: true });
writeFileSync(join(dataDir, 'dm-variables.json'), `[\n${variables.map((v) => JSON.stringify(v)).join(',\n')}\n]\n`);
process.stdout.write(`official-validations.json: ${Object.keys(validations).length} cases; dm-variables.json: ${variables.length} variables (${variables.filter((v) => v.required).length} required)\n`);
