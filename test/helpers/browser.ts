/**
 * Debian's Chromium for the browser tests (`.ci/run` installs it). In CI a missing browser is a
 * failure, elsewhere the browser tests are skipped with this message.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumMissing = 'chromium not found: install it (apt-get install -y chromium) to run the browser tests';

export function findChromium(): string | undefined {
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found === '' ? undefined : found;
}

export const inCi = process.env.CI === 'true' || process.env.CI === '1';
