/**
 * Block L `_CS` helpers: the configured firmware material and the UpdateFirmware / status steps the
 * secure firmware cases share (Part 6 TC_L_01…18_CS).
 *
 * Configured values (config `extra`; the demo makes them per run with src/security):
 * - firmwareLocation: <Configured firmware_location>, a lab's own file server; when absent the
 *   harness serves `firmwareImage` (base64) itself on its transfer service (HTTP, loopback: for a
 *   real station on another host configure firmwareLocation).
 * - firmwareSigningCertificate / firmwareSignature: <Configured signingCertificate> / <Configured signature>.
 * - firmwareInvalidSigningCertificate: <Generated invalid firmware signingCertificate> (TC_L_05_CS).
 * - firmwareInvalidSignature: <Configured invalid firmware signature>, a real signature (TC_L_06_CS).
 * - firmwareStepTimeoutS: how long one firmware step (a download, an installation) may take (default 600 s).
 * - firmwareDownloadOffsetS / firmwareInstallOffsetS: <Configured Download Offset Period> /
 *   <Configured Install Offset Period>, how far in the future a scheduled download / installation is (default 60 s).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/case-support.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** A configured value the case cannot do without: inconclusive when it is missing. */
export function required(ctx: TestContext, name: string, what: string): string {
  const v = text(ctx, name);
  if (v === undefined) ctx.inconclusive(`${what} is not configured (config extra.${name})`);
  return v;
}

export function stepTimeoutMs(ctx: TestContext): number {
  const s = Number(ctx.config.extra['firmwareStepTimeoutS']);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 600_000;
}

/** <Configured firmware_location> (+ suffix): the lab's, or the harness's own file server serving the configured image. */
export async function firmwareLocation(ctx: TestContext, suffix = ''): Promise<string> {
  const configured = text(ctx, 'firmwareLocation');
  if (configured !== undefined) return configured + suffix;
  const image = required(ctx, 'firmwareImage', 'Neither a firmware location nor a firmware image');
  const transfer = await ctx.transfer();
  return transfer.serve('firmware.bin', Buffer.from(image, 'base64')) + suffix;
}

/** <Configured Download Offset Period> ('download') or <Configured Install Offset Period> ('install'), in ms. */
export function offsetMs(ctx: TestContext, which: 'download' | 'install'): number {
  const s = Number(ctx.config.extra[which === 'download' ? 'firmwareDownloadOffsetS' : 'firmwareInstallOffsetS']);
  return (Number.isFinite(s) && s > 0 ? s : 60) * 1000;
}

/** Now ± hours, as the DateTime Part 6 writes "<Current DateTime - 2 hours>". */
export function hoursFromNow(ctx: TestContext, hours: number): string {
  return new Date(ctx.clock.wallMs() + hours * 3600_000).toISOString();
}

/**
 * Step 1-2: send UpdateFirmware and check the response status is one of `expected` (step `step`);
 * the case stops when it is not. From here the cursor only sees what the station sends after it.
 */
export async function updateFirmware(ctx: TestContext, firmware: JsonObject, expected: readonly string[], step: number): Promise<{ requestId: number; status: string | undefined }> {
  const requestId = Math.floor(Math.random() * 1_000_000) + 1;
  fromNow(ctx);
  const outcome = await ctx.call('UpdateFirmware', { requestId, firmware });
  const raw = outcome.status === 'result' ? outcome.payload['status'] : undefined;
  const status = typeof raw === 'string' ? raw : undefined;
  const frames = ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === outcome.messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
  const ok = status !== undefined && expected.includes(status);
  ctx.check(`UpdateFirmwareResponse status is ${expected.join(' or ')}`, ok, { expected: `status ${expected.join(' or ')}`, actual: outcome.status === 'result' ? `status ${status ?? 'absent'}` : outcomeWords(outcome), frames, step });
  if (!ok) ctx.fail(`UpdateFirmware was answered ${status ?? outcomeWords(outcome)}: the following steps cannot be run`);
  return { requestId, status };
}

const framesOf = (call: ObservedCall): number[] => (call.frameSeq === undefined ? [] : [call.frameSeq]);

/** The station's next FirmwareStatusNotification (any status), failing the case at the deadline. */
export function nextFirmwareStatus(ctx: TestContext, withinMs: number, step: number): Promise<ObservedCall> {
  return ctx.expectCall('FirmwareStatusNotification', { withinMs, match: () => true, describe: 'any FirmwareStatusNotification', step });
}

/** Check that `call` reports `status`, for official step `step`. */
export function checkStatus(ctx: TestContext, call: ObservedCall, status: string, step: number): boolean {
  const actual = call.payload['status'];
  const ok = actual === status;
  ctx.check(`FirmwareStatusNotificationRequest status is ${status}`, ok, { expected: `status ${status}`, actual: `status ${String(actual)}`, frames: framesOf(call), step });
  return ok;
}

/** The next FirmwareStatusNotification must say `status` (a different status fails the case). */
export async function expectStatus(ctx: TestContext, status: string, step: number, requestId?: number): Promise<ObservedCall> {
  const call = await nextFirmwareStatus(ctx, stepTimeoutMs(ctx), step);
  if (!checkStatus(ctx, call, status, step)) ctx.fail(`the station reported ${String(call.payload['status'])} where Part 6 expects ${status}`);
  if (requestId !== undefined) {
    ctx.check('FirmwareStatusNotificationRequest requestId is that of the running UpdateFirmware', call.payload['requestId'] === requestId, { expected: `requestId ${requestId}`, actual: `requestId ${JSON.stringify(call.payload['requestId'] ?? 'absent')}`, frames: framesOf(call), step });
  }
  return call;
}

/** A SecurityEventNotification of `type` (step `step`). */
export function expectSecurityEvent(ctx: TestContext, type: string, step: number, withinMs = ctx.config.messageTimeoutMs): Promise<ObservedCall> {
  return ctx.expectCall('SecurityEventNotification', { withinMs, match: { type }, step });
}
