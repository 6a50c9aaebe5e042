/**
 * Part 6 <Configured log_location>, <Configured firmware_location>, <Configured signingCertificate>
 * and <Configured signature>, from the run configuration's `extra` (logLocation, firmwareLocation,
 * firmwareSigningCertificate, firmwareSignature). The locations have placeholders so the demo runs;
 * against a real station configure places it can reach.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';

const text = (ctx: TestContext, name: string): string | undefined => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

export const logLocation = (ctx: TestContext): string => text(ctx, 'logLocation') ?? 'https://127.0.0.1/ocpp-conform/logs';
export const firmwareLocation = (ctx: TestContext): string => text(ctx, 'firmwareLocation') ?? 'https://127.0.0.1/ocpp-conform/firmware.bin';
export const firmwareSigningCertificate = (ctx: TestContext): string | undefined => text(ctx, 'firmwareSigningCertificate');
export const firmwareSignature = (ctx: TestContext): string | undefined => text(ctx, 'firmwareSignature');
