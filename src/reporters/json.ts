/**
 * report.json, the canonical view (schemas/report.schema.json): the run model as it is, plus the
 * per-profile and per-block summaries every other view shows. Rewritten atomically (tmp + rename)
 * after every case, so a crash or Ctrl-C leaves a valid report that says `partial: true`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import type { Reporter } from '../engine/reporter.js';
import type { RunResult, RunSummary } from '../engine/run-model.js';
import { blockSummaries, profileSummaries, type BlockSummary, type ProfileSummary } from './summary.js';

/** Bumped when a field changes meaning or goes away; adding optional fields keeps it. */
export const reportFormatVersion = 1;

export interface ReportDocument extends RunResult {
  reportFormat: number;
  summary: RunSummary & { byProfile: ProfileSummary[]; byBlock: BlockSummary[] };
}

export function reportDocument(run: RunResult): ReportDocument {
  return {
    reportFormat: reportFormatVersion,
    ...run,
    summary: { ...run.summary, byProfile: profileSummaries(run), byBlock: blockSummaries(run) },
  };
}

export function renderJson(run: RunResult): string {
  return [...renderJsonChunks(run)].join('');
}

/** Arrays written item by item: the cases of a run and the frames of a case. */
const chunkedArrays = new Set(['tests', 'trace']);

/**
 * report.json in pieces, byte for byte what `JSON.stringify(document, null, 2)` gives, but with
 * every case and every frame serialised on its own (issue #12: one string of a whole run can
 * pass V8's string limit — "Invalid string length at renderJson" — and lose the report).
 */
export function* renderJsonChunks(run: RunResult): Generator<string> {
  yield* chunksOf(reportDocument(run), '');
  yield '\n';
}

function* chunksOf(value: unknown, pad: string): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    yield indented(value, pad);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  const inner = `${pad}  `;
  yield '{';
  for (const [i, [key, v]] of entries.entries()) {
    yield `${i === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    if (chunkedArrays.has(key) && Array.isArray(v) && v.length > 0) {
      yield '[';
      for (const [j, item] of v.entries()) {
        yield `${j === 0 ? '' : ','}\n${inner}  `;
        yield* chunksOf(item, `${inner}  `);
      }
      yield `\n${inner}]`;
    } else yield indented(v, inner);
  }
  yield `\n${pad}}`;
}

function indented(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  return pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}

/** report.json written chunk by chunk through one file handle, then renamed into place. */
export async function writeJsonReport(file: string, run: RunResult): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w');
    try {
      let buffered = '';
      for (const chunk of renderJsonChunks(run)) {
        buffered += chunk;
        if (buffered.length >= 1 << 20) {
          await handle.write(buffered);
          buffered = '';
        }
      }
      await handle.write(buffered);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** The same, synchronously, for the forced exit. */
export function writeJsonReportSync(file: string, run: RunResult): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const chunk of renderJsonChunks(run)) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    throw err;
  }
}

/** Write via a temporary file in the same folder and rename, so readers never see half a file. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

export function jsonReporter(file: string): Reporter {
  return {
    onCaseEnd: (_result, run) => writeJsonReport(file, run),
    onRunEnd: (run) => writeJsonReport(file, run),
  };
}
