/**
 * traces/<caseId>.jsonl: the frames of each case, one JSON object per line (JSON Lines), as the
 * run model holds them (secrets already redacted by the wire log's redactor). Written when the
 * case ends, so a crash keeps the traces of every finished case.
 */
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Reporter } from '../engine/reporter.js';
import type { CaseResult, RunResult } from '../engine/run-model.js';
import { writeFileAtomic } from './json.js';
import { traceFileName } from './junit.js';

/** Frames and connection events (issue #24) in wire-log order; an event line has `event` and no `text`. */
export function renderTrace(result: Pick<CaseResult, 'trace' | 'events'>): string {
  const lines: Array<{ seq: number }> = [...result.trace, ...(result.events ?? [])].sort((a, b) => a.seq - b.seq);
  return lines.map((f) => `${JSON.stringify(f)}\n`).join('');
}

/** Write one case's trace; returns the file written. */
export async function writeTrace(dir: string, result: Pick<CaseResult, 'id' | 'trace' | 'events'>): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, traceFileName(result.id));
  await writeFileAtomic(file, renderTrace(result));
  return file;
}

/** Write every case's trace of a run; returns the files written. */
export async function writeTraces(dir: string, run: Pick<RunResult, 'tests'>): Promise<string[]> {
  const files: string[] = [];
  for (const t of run.tests) files.push(await writeTrace(dir, t));
  return files;
}

export function tracesReporter(dir: string): Reporter {
  return {
    onCaseEnd: async (result) => {
      await writeTrace(dir, result);
    },
  };
}
