/**
 * What the Publish / Unpublish Firmware cases with the CSMS as SUT share (Part 6 TC_L_17/19..24_CSMS,
 * Part 2 L03/L04): the harness plays a Local Controller. It makes the CSMS send PublishFirmware for the
 * configured firmware location, judges the location (step 1), answers, and reports the publication's
 * progress; or makes it send UnpublishFirmware and answers with the case's status.
 *
 * Configured values (config `extra`): firmwareLocation, <Configured firmware_location> (default a
 * placeholder URI); firmwareChecksum, the MD5 (hex) of that firmware (default the MD5 of the configured
 * firmwareImage, if any; else the CSMS picks its own).
 */
import { createHash } from 'node:crypto';
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { framesOf } from '../_shared/station.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

export const locationOf = (ctx: TestContext): string => text(ctx, 'firmwareLocation') ?? 'https://firmware.invalid/firmware.bin';

function checksumOf(ctx: TestContext): string | undefined {
  const image = text(ctx, 'firmwareImage');
  return text(ctx, 'firmwareChecksum') ?? (image === undefined ? undefined : createHash('md5').update(Buffer.from(image, 'base64')).digest('hex'));
}

/** Steps 1-2: the CSMS sends PublishFirmware; its location must be the configured one (step 1); the LC answers Accepted. */
export async function expectPublishFirmware(ctx: TestContext): Promise<{ call: ObservedCall; requestId: number }> {
  const location = locationOf(ctx);
  const checksum = checksumOf(ctx);
  ctx.respond('PublishFirmware', () => ({ status: 'Accepted' }));
  await ctx.dut('triggerPublishFirmware', { location, ...(checksum ? { checksum } : {}) });
  const call = await ctx.expectCall('PublishFirmware', { step: 1 });
  ctx.check('PublishFirmwareRequest location is the configured firmware location', call.payload['location'] === location, { expected: location, actual: call.payload['location'] ?? 'absent', frames: framesOf(call), step: 1 });
  const requestId = typeof call.payload['requestId'] === 'number' ? call.payload['requestId'] : 0;
  return { call, requestId };
}

/** PublishFirmwareStatusNotification `status` (with the published location when Published); the CSMS answers. */
export async function publishStatus(ctx: TestContext, status: string, requestId: number): Promise<void> {
  const res = await ctx.call('PublishFirmwareStatusNotification', { status, requestId, ...(status === 'Published' ? { location: [locationOf(ctx)] } : {}) });
  // Part 6 validates no field of the answer; a CALLERROR is still not a PublishFirmwareStatusNotificationResponse.
  ctx.check(`PublishFirmwareStatusNotificationResponse received (${status})`, res.status === 'result', { expected: 'a PublishFirmwareStatusNotificationResponse', actual: res.status === 'result' ? 'received' : res.status });
}

/** Steps 1-2: the CSMS sends UnpublishFirmware (a checksum); the LC answers `status`. */
export async function expectUnpublishFirmware(ctx: TestContext, status: string): Promise<ObservedCall> {
  const checksum = checksumOf(ctx);
  ctx.respond('UnpublishFirmware', () => ({ status }));
  await ctx.dut('triggerUnpublishFirmware', { location: locationOf(ctx), ...(checksum ? { checksum } : {}) });
  const call = await ctx.expectCall('UnpublishFirmware');
  // No tool validation in Part 6; the schema (checksum, MD5 hex) is checked by the harness's validator.
  ctx.check('UnpublishFirmwareRequest names a firmware checksum', typeof call.payload['checksum'] === 'string' && call.payload['checksum'] !== '', { expected: 'a checksum', actual: call.payload['checksum'] ?? 'absent', frames: framesOf(call) });
  return call;
}
