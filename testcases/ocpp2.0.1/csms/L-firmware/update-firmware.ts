/**
 * What the secure firmware update cases with the CSMS as SUT share (Part 6 TC_L_01..06/_CSMS, Part 2
 * L01): make the CSMS send UpdateFirmware with the firmware it is configured with, answer it with
 * the case's status, then play the station's FirmwareStatusNotification sequence and the reboot.
 *
 * Configured values (config `extra`, the same keys as the `_CS` side; a lab sets what its CSMS uses):
 * - firmwareSigningCertificate / firmwareSignature: <Configured signingCertificate> / <Configured signature>.
 * - firmwareLocation: the firmware URI the CSMS is to send (not validated by Part 6; default a placeholder).
 * - firmwareDownloadOffsetS / firmwareInstallOffsetS: how far in the future the CSMS is asked to schedule
 *   the download (TC_L_03) / the installation (TC_L_02), default 60 s.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf, nowIso, obj, reboot } from '../_shared/station.js';

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

/** The configured download ('download') or installation ('install') offset, in ms. */
export function offsetMs(ctx: TestContext, which: 'download' | 'install'): number {
  const s = Number(ctx.config.extra[which === 'download' ? 'firmwareDownloadOffsetS' : 'firmwareInstallOffsetS']);
  return (Number.isFinite(s) && s > 0 ? s : 60) * 1000;
}

export interface FirmwareRequest {
  /** Step-1 validation: signingCertificate and signature are the configured ones (TC_L_01), or the certificate only (TC_L_13). */
  checkSignature?: boolean | 'certificate';
  /** Ask for the download / installation this far in the future and validate it is (TC_L_03 / TC_L_02). */
  retrieveInMs?: number;
  installInMs?: number;
}

export interface FirmwareRequestSeen {
  call: ObservedCall;
  requestId: number;
  retrieveAtMs: number | undefined;
  installAtMs: number | undefined;
}

const timeOf = (v: unknown): number | undefined => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : undefined;
};

/** Steps 1-2: the CSMS sends UpdateFirmware (judged per `want`, step 1); the station answers `status`. */
export async function expectUpdateFirmware(ctx: TestContext, want: FirmwareRequest, status: string): Promise<FirmwareRequestSeen> {
  const signingCertificate = required(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate');
  const signature = required(ctx, 'firmwareSignature', 'The firmware signature');
  const location = text(ctx, 'firmwareLocation') ?? 'https://firmware.invalid/firmware.bin';
  const at = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ctx.clock.wallMs() + ms).toISOString());
  const retrieveDateTime = at(want.retrieveInMs);
  const installDateTime = at(want.installInMs);
  ctx.respond('UpdateFirmware', () => ({ status }));
  await ctx.dut('triggerUpdateFirmware', { location, signingCertificate, signature, ...(retrieveDateTime ? { retrieveDateTime } : {}), ...(installDateTime ? { installDateTime } : {}) });
  const call = await ctx.expectCall('UpdateFirmware', { step: 1 });
  const receivedMs = ctx.clock.wallMs();
  const frames = framesOf(call);
  const fw = obj(call.payload['firmware']);
  if (want.checkSignature) {
    // PEM and base64 text compared without surrounding whitespace / line-break differences.
    const norm = (v: unknown): string => (typeof v === 'string' ? v.replace(/\s+/g, '') : '');
    ctx.check('UpdateFirmwareRequest firmware.signingCertificate is the configured one', norm(fw?.['signingCertificate']) === norm(signingCertificate), { expected: 'the configured signing certificate', actual: fw?.['signingCertificate'] === undefined ? 'absent' : 'a different certificate', frames, step: 1 });
    if (want.checkSignature === true) ctx.check('UpdateFirmwareRequest firmware.signature is the configured one', norm(fw?.['signature']) === norm(signature), { expected: signature, actual: fw?.['signature'] ?? 'absent', frames, step: 1 });
  }
  const future = (field: 'retrieveDateTime' | 'installDateTime'): number | undefined => {
    const t = timeOf(fw?.[field]);
    ctx.check(`UpdateFirmwareRequest firmware.${field} is in the future`, t !== undefined && t > receivedMs, { expected: `a dateTime after ${new Date(receivedMs).toISOString()}`, actual: fw?.[field] ?? 'absent', frames, step: 1 });
    return t;
  };
  const retrieveAtMs = want.retrieveInMs !== undefined ? future('retrieveDateTime') : timeOf(fw?.['retrieveDateTime']);
  const installAtMs = want.installInMs !== undefined ? future('installDateTime') : undefined;
  const requestId = typeof call.payload['requestId'] === 'number' ? call.payload['requestId'] : 0;
  return { call, requestId, retrieveAtMs, installAtMs };
}

/** One station → CSMS notification; Part 6 validates no field of the answer, but a CALLERROR is still a wrong one. */
async function notify(ctx: TestContext, action: string, payload: JsonObject, what: string): Promise<void> {
  const res = await ctx.call(action, payload);
  ctx.check(`${action}Response received (${what})`, res.status === 'result', { expected: `a ${action}Response`, actual: res.status === 'result' ? 'received' : res.status });
}

/** FirmwareStatusNotification `status` for the running request; the CSMS answers. */
export function firmwareStatus(ctx: TestContext, status: string, requestId: number): Promise<void> {
  return notify(ctx, 'FirmwareStatusNotification', { status, requestId }, status);
}

/** SecurityEventNotification `type` (TC_L_05/06_CSMS); the CSMS answers. */
export function securityEvent(ctx: TestContext, type: string): Promise<void> {
  return notify(ctx, 'SecurityEventNotification', { type, timestamp: nowIso(ctx) }, type);
}

/** Wait until `atMs` (wall clock) has been reached, if it is still ahead. */
export async function waitUntil(ctx: TestContext, atMs: number | undefined): Promise<void> {
  const ms = atMs === undefined ? 0 : atMs - ctx.clock.wallMs();
  if (ms > 0) await ctx.sleep(ms);
}

/**
 * InstallRebooting, the reboot (BootNotification reason FirmwareUpdate, whose answer must be
 * Accepted: the validation of official step `boot.step`; `boot.at`: its place in the table when Part 6 numbers
 * the validation differently), the connectors' state, then `final` (Installed, or InstallationFailed).
 */
export async function rebootInstalled(ctx: TestContext, requestId: number, boot: { step: number; at?: number }, final = 'Installed'): Promise<void> {
  const bootStep = boot.at ?? boot.step;
  await ctx.step(`Steps ${bootStep - 3}-${bootStep - 2}: InstallRebooting`, () => firmwareStatus(ctx, 'InstallRebooting', requestId));
  await ctx.step(`Steps ${bootStep - 1}-${bootStep + 2}: the station reboots (reason FirmwareUpdate) and reports its connectors`, async () => {
    const response = await reboot(ctx, 'FirmwareUpdate');
    ctx.check('BootNotificationResponse status is Accepted', response['status'] === 'Accepted', { expected: 'status Accepted', actual: `status ${String(response['status'])}`, step: boot.step });
  });
  await ctx.step(`Steps ${bootStep + 3}-${bootStep + 4}: ${final}`, () => firmwareStatus(ctx, final, requestId));
}
