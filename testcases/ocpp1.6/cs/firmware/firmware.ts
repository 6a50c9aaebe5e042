/**
 * Helpers of the OCPP 1.6 Firmware Management `_CS` cases (OCTT 1.6 document §2.18 / §2.19; OCPP 1.6
 * §4.4, §4.5, §5.9, §5.19, §8): the locations the harness (as Central System) hands out and the
 * status notifications it judges.
 *
 * Configured values (config `extra`):
 * - firmwareLocation: <Firmware Download URL from test data>, a lab's own server holding a valid
 *   firmware; when absent the harness serves `firmwareImage` (base64) on its own transfer service.
 * - firmwareUnsupportedLocation: <The location of a NOT supported file> (TC_044_3_CS); when absent the
 *   harness serves a file that is no firmware image at all.
 * - diagnosticsLocation: <Configured log location> (TC_045_1_CS); when absent the harness's own FTP
 *   server receives the upload, and the case checks the file arrived.
 * - firmwareStepTimeoutS: how long one step (a download, an installation, a reboot, an upload) may take (default 600 s).
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { fromNow, framesOf } from '../_shared/charge-point.js';
import { send, type Answer } from '../local-auth-list/local-list.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

export function stepTimeoutMs(ctx: TestContext): number {
  const s = Number(ctx.config.extra['firmwareStepTimeoutS']);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 600_000;
}

/** <Firmware Download URL from test data>: the lab's, or the harness serving the configured image. */
export async function firmwareLocation(ctx: TestContext): Promise<string> {
  const configured = text(ctx, 'firmwareLocation');
  if (configured !== undefined) return configured;
  const image = text(ctx, 'firmwareImage');
  if (image === undefined) ctx.inconclusive('Neither a firmware location nor a firmware image is configured (config extra.firmwareLocation / extra.firmwareImage)');
  return (await ctx.transfer()).serve('firmware.bin', Buffer.from(image, 'base64'));
}

/** <The location of a NOT supported file>: the lab's, or the harness serving bytes that are no firmware. */
export async function unsupportedFirmwareLocation(ctx: TestContext): Promise<string> {
  return text(ctx, 'firmwareUnsupportedLocation') ?? (await ctx.transfer()).serve('unsupported.fwi', 'this file is not a firmware image of any charge point\n');
}

/** The configured diagnostics location, or undefined when the harness's own FTP server receives it. */
export function configuredDiagnosticsLocation(ctx: TestContext): string | undefined {
  return text(ctx, 'diagnosticsLocation');
}

/** The current wall time, for retrieveDate "now". */
export function nowIso(ctx: TestContext): string {
  return new Date(ctx.clock.wallMs()).toISOString();
}

/** Send a CALL of the harness; from here only what the charge point sends after it counts. */
export function request(ctx: TestContext, action: string, payload: Parameters<typeof send>[2]): Promise<Answer> {
  fromNow(ctx);
  return send(ctx, action, payload);
}

/** The charge point's next notification of `action` (any status), failing at the step deadline. */
export function nextStatus(ctx: TestContext, action: 'FirmwareStatusNotification' | 'DiagnosticsStatusNotification', step: number): Promise<ObservedCall> {
  return ctx.expectCall(action, { withinMs: stepTimeoutMs(ctx), match: () => true, describe: `any ${action}`, step });
}

/** Check that `call` reports `status` (official step `step`); false when it does not. */
export function checkStatus(ctx: TestContext, call: ObservedCall, status: string, step: number): boolean {
  const actual = call.payload['status'];
  const ok = actual === status;
  ctx.check(`${call.action}.req status is ${status}`, ok, { expected: `status ${status}`, actual: `status ${String(actual)}`, frames: framesOf(call), step });
  return ok;
}

/** The next notification must say `status`; any other status fails the case. */
export async function expectStatus(ctx: TestContext, action: 'FirmwareStatusNotification' | 'DiagnosticsStatusNotification', status: string, step: number): Promise<ObservedCall> {
  const call = await nextStatus(ctx, action, step);
  if (!checkStatus(ctx, call, status, step)) ctx.fail(`the charge point reported ${String(call.payload['status'])} where the OCTT 1.6 document expects ${status}`);
  return call;
}

/**
 * A first notification that is optional ("the download / installation may fail immediately"):
 * returns the notification that must carry the final status, i.e. the next one when the first
 * reported `optional`, else the first itself.
 */
export async function afterOptional(ctx: TestContext, action: 'FirmwareStatusNotification' | 'DiagnosticsStatusNotification', optional: string, steps: { optional: number; final: number }): Promise<ObservedCall> {
  const first = await nextStatus(ctx, action, steps.optional);
  if (first.payload['status'] !== optional) return first;
  checkStatus(ctx, first, optional, steps.optional);
  return nextStatus(ctx, action, steps.final);
}

/** The UpdateFirmware.conf / GetDiagnostics.conf must be a result (an empty one for UpdateFirmware). */
export function checkAnswered(ctx: TestContext, action: string, answer: Answer): void {
  ctx.check(`${action}.conf received`, answer.payload !== undefined, { expected: `${action}.conf`, actual: answer.words, frames: answer.frames });
  if (answer.payload === undefined) ctx.fail(`${action} was answered ${answer.words}: the following steps cannot be run`);
}
