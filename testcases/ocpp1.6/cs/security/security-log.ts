/**
 * OCPP 1.6 Security Whitepaper log upload, `_CS` side (OCTT 1.6 TC_079_CS): where the charge point
 * uploads its log and how long an upload may take.
 *
 * Configured values (config `extra`):
 * - logLocation: <Configured log location>, a lab's own file server; when absent the harness hands out
 *   an upload URL of its own transfer service (loopback HTTP: for a charge point on another host
 *   configure logLocation) and then also sees whether the file arrived.
 * - logUploadTimeoutS: how long the upload may take from Uploading to Uploaded (default 300 s).
 */
import type { TestContext, TransferService } from '../../../../src/engine/authoring.js';

export interface LogTarget {
  remoteLocation: string;
  /** The harness's own upload service, when it serves the location. */
  own?: { transfer: TransferService; name: string };
}

export async function logTarget(ctx: TestContext, name: string): Promise<LogTarget> {
  const configured = ctx.config.extra['logLocation'];
  if (typeof configured === 'string' && configured.trim() !== '') return { remoteLocation: configured };
  const transfer = await ctx.transfer();
  return { remoteLocation: transfer.uploadUrl(name), own: { transfer, name } };
}

export function logUploadTimeoutMs(ctx: TestContext): number {
  const s = Number(ctx.config.extra['logUploadTimeoutS']);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 300_000;
}
