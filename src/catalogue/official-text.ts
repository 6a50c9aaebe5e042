/**
 * Reading the official test-case documents' text copies (2.0.1 Part 6, the OCTT 1.6 test-case
 * document): where each case's table begins, and which steps its "Tool validation(s)" and "Post
 * scenario validations" validate. Pure text in, facts out (step numbers); used by
 * `scripts/gen-spec-data.ts` and by the trace test, never at run time (the project does not read
 * `../shared` when it runs).
 */

export interface OfficialValidations {
  id: string;
  /** Step numbers with a tool validation ("* Step 3:"). */
  steps: number[];
  /** Whether the case has post-scenario validations other than "N/a". */
  post: boolean;
}

const caseStart = /^Test case Id\s+(TC_[A-Z0-9_]+)\s*$/;
/** The next case (or a reusable state) ends the current one. */
const tableStart = /^Table \d+\. (?:Test Case Id|Reusable State)/;

/** The id in a table caption ("Table 87. Test Case Id: TC_C_58_CS"). */
const captionId = /^Table \d+\. Test Case Id: (TC_[A-Z0-9_]+)/;

/**
 * Every case id in the text with the lines of its table (from "Test case Id" to the next table).
 * The caption's id wins over the table's cell: Part 6 Table 87 is captioned TC_C_58_CS while its
 * cell repeats TC_C_28_CS (the only case where the two differ in either document).
 */
export function caseSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  let caption: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const start = caseStart.exec(line);
    if (start?.[1]) {
      const id = caption ?? start[1];
      caption = undefined;
      current = [];
      if (!sections.has(id)) sections.set(id, current);
      continue;
    }
    if (tableStart.test(line)) {
      current = undefined;
      caption = captionId.exec(line)?.[1];
    }
    current?.push(line);
  }
  return sections;
}

/** A line without its list dash: Part 6 writes "- N/a" as often as "N/a" for "no post-scenario validation". */
const bare = (line: string): string => line.trim().replace(/^-\s*/, '');

/** The validated steps of one case section. */
export function validationsOf(id: string, lines: readonly string[]): OfficialValidations {
  const steps = new Set<number>();
  let inValidations = false;
  let inPost = false;
  let post = false;
  for (const line of lines) {
    if (/^Tool validation/.test(line)) inValidations = true;
    else if (/^(Expected result|Post condition|Main|Before|Prerequisite)/.test(line)) inValidations = false;
    if (/Post scenario validations?:/i.test(line)) {
      inPost = true;
      const rest = bare(line.replace(/.*Post scenario validations?:/i, ''));
      if (rest !== '' && !/^n\/?a$/i.test(rest)) post = true;
      continue;
    }
    if (inPost) {
      const t = bare(line);
      if (t === '' || /^OCPP 2\.0\.1 Edition|^Edition \d|^© Open Charge/.test(t)) continue;
      if (/^(Table \d|Post condition)/.test(t)) inPost = false;
      else if (!/^n\/?a$/i.test(t)) post = true;
      inPost = false;
    }
    if (!inValidations) continue;
    for (const m of line.matchAll(/\*\s*Steps?\s+(\d+)(?:\s*(?:-|and|&)\s*(\d+))?/gi)) {
      const a = Number(m[1]);
      const b = m[2] === undefined ? a : Number(m[2]);
      for (let s = a; s <= b && s - a < 50; s++) steps.add(s);
    }
  }
  return { id, steps: [...steps].sort((x, y) => x - y), post };
}

/** All cases of a document text. */
export function officialValidations(text: string): Map<string, OfficialValidations> {
  const out = new Map<string, OfficialValidations>();
  for (const [id, lines] of caseSections(text)) out.set(id, validationsOf(id, lines));
  return out;
}
