/**
 * Temp folders for tests that remove themselves: `make` creates one under os.tmpdir() and
 * remembers it, `removeAll` (in an `after` hook) deletes every folder made. The root guard
 * (./temp-guard.ts) fails the run if a test leaves one behind anyway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempDirs {
  private readonly made: string[] = [];

  make(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.made.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.made.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
