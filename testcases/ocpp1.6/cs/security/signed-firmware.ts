/**
 * OCPP 1.6 Security Whitepaper secure firmware update, `_CS` side (OCTT 1.6 TC_080_CS / TC_081_CS):
 * the configured firmware material, the SignedUpdateFirmware request and the status steps.
 *
 * Configured values (config `extra`, the same keys as the 2.0.1 block L cases):
 * - firmwareLocation: <Configured firmware location>, a lab's own file server; when absent the
 *   harness serves `firmwareImage` (base64) on its own transfer service (loopback HTTP).
 * - firmwareSigningCertificate / firmwareSignature: the signing certificate and the 'Signature' test data field.
 * - firmwareInvalidSignature: <An invalid signature> (TC_081_CS).
 * - firmwareStepTimeoutS: how long one firmware step (a download, an installation) may take (default 600 s).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { fromNow } from '../_shared/charge-point.js';
import { callForStatus } from './certificate-calls.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** A configured value the case cannot do without: inconclusive when it is missing. */
export function requiredValue(ctx: TestContext, name: string, what: string): string {
  const v = text(ctx, name);
  if (v === undefined) ctx.inconclusive(`${what} is not configured (config extra.${name})`);
  return v;
}

export function firmwareStepTimeoutMs(ctx: TestContext): number {
  const s = Number(ctx.config.extra['firmwareStepTimeoutS']);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 600_000;
}

/** <Configured firmware location>: the lab's, or the harness's own file server serving the configured image. */
export async function signedFirmwareLocation(ctx: TestContext): Promise<string> {
  const configured = text(ctx, 'firmwareLocation');
  if (configured !== undefined) return configured;
  const image = requiredValue(ctx, 'firmwareImage', 'Neither a firmware location nor a firmware image');
  return (await ctx.transfer()).serve('signed-firmware-16.bin', Buffer.from(image, 'base64'));
}

/** Steps 1-2: SignedUpdateFirmware.req with `signature`, to be Accepted (step 2); the case stops otherwise. */
export async function signedUpdateFirmware(ctx: TestContext, signature: string): Promise<number> {
  const firmware: JsonObject = {
    location: await signedFirmwareLocation(ctx),
    retrieveDateTime: new Date(ctx.clock.wallMs()).toISOString(),
    signingCertificate: requiredValue(ctx, 'firmwareSigningCertificate', 'The firmware signing certificate'),
    signature,
  };
  const requestId = Math.floor(Math.random() * 1_000_000) + 1;
  fromNow(ctx);
  const conf = await callForStatus(ctx, 'SignedUpdateFirmware', { requestId, firmware }, 'Accepted', 2);
  if (conf?.['status'] !== 'Accepted') ctx.fail('SignedUpdateFirmware was not Accepted: the following steps cannot be run');
  return requestId;
}

/** The next SignedFirmwareStatusNotification.req must have `status` (strict order: another status first fails). */
export function expectFirmwareStatus(ctx: TestContext, status: string, step: number): Promise<ObservedCall> {
  return ctx.expectCall('SignedFirmwareStatusNotification', { withinMs: firmwareStepTimeoutMs(ctx), match: { status }, describe: `status ${status}`, step });
}
