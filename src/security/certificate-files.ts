/**
 * Writing a certificate set to disk: PEM files (1.6 Security Whitepaper A00.FR.507: certificates
 * are exchanged as PEM), private keys readable by the owner only, never overwriting silently.
 */
import { constants as fsConstants } from 'node:fs';
import { chmod, mkdir, open } from 'node:fs/promises';
import * as path from 'node:path';
import { HarnessError } from '../errors.js';
import type { CertificateSet, IssuedCertificate } from './certificates.js';

export const privateKeyFileMode = 0o600;
export const certificateFileMode = 0o644;

export interface WrittenFile {
  path: string;
  kind: 'certificate' | 'private-key';
  mode: number;
}

/**
 * Write `<stem>.pem` and `<stem>.key.pem` for ca, csms, station and every variant (the CA key is
 * written too, so the user can issue more certificates). Refuses to overwrite an existing file
 * unless `force`; the check happens for all files before anything is written.
 */
export async function writeCertificateSet(
  dir: string,
  set: CertificateSet,
  options: { force?: boolean } = {},
): Promise<WrittenFile[]> {
  const items: Array<[string, IssuedCertificate]> = [
    ['ca', set.ca],
    ['csms', set.csms],
    ['station', set.station],
    ...Object.entries(set.variants ?? {}),
  ];
  const planned: Array<{ file: WrittenFile; content: string }> = [];
  for (const [stem, cert] of items) {
    planned.push({ file: { path: path.join(dir, `${stem}.pem`), kind: 'certificate', mode: certificateFileMode }, content: cert.certPem });
    planned.push({ file: { path: path.join(dir, `${stem}.key.pem`), kind: 'private-key', mode: privateKeyFileMode }, content: cert.keyPem });
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new HarnessError('E_CERTS', `cannot create directory ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if (options.force !== true) {
    const existing = [];
    for (const { file } of planned) if (await exists(file.path)) existing.push(file.path);
    if (existing.length > 0) {
      // Asking for files that are already there is a usage error (exit 2), not the harness failing.
      throw new HarnessError('E_USAGE', `refusing to overwrite existing files: ${existing.join(', ')}`, {
        hint: 'pass --force to replace them, or choose another --out directory',
      });
    }
  }
  for (const { file, content } of planned) await writeWithMode(file, content, options.force === true);
  return planned.map((p) => p.file);
}

async function writeWithMode(file: WrittenFile, content: string, force: boolean): Promise<void> {
  // Create with the final mode so a key is never readable by others, not even for an instant;
  // O_EXCL without force closes the race between the existence check and the write.
  const flags = fsConstants.O_WRONLY | fsConstants.O_CREAT | (force ? fsConstants.O_TRUNC : fsConstants.O_EXCL);
  try {
    const handle = await open(file.path, flags, file.mode);
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    // open() honours the umask and keeps the mode of an existing file: set it explicitly.
    await chmod(file.path, file.mode);
  } catch (err) {
    throw new HarnessError('E_CERTS', `cannot write ${file.path}: ${(err as Error).message}`, { cause: err });
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    const handle = await open(p, fsConstants.O_RDONLY);
    await handle.close();
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
