/**
 * report.json, the canonical view (schemas/report.schema.json): the run model as it is, plus the
 * per-profile and per-block summaries every other view shows. Rewritten atomically (tmp + rename)
 * after every case, so a crash or Ctrl-C leaves a valid report that says `partial: true`.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
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
  return `${JSON.stringify(reportDocument(run), null, 2)}\n`;
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

/** The same, synchronously: for the last write before a forced exit, when no await will run. */
export function writeFileAtomicSync(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, text);
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

export function jsonReporter(file: string): Reporter {
  return {
    onCaseEnd: (_result, run) => writeFileAtomic(file, renderJson(run)),
    onRunEnd: (run) => writeFileAtomic(file, renderJson(run)),
  };
}
