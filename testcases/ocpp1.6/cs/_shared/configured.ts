/**
 * OCPP 1.6 `_CS`: the OCTT 1.6 document's "<Configured …>" values that the run's configured values
 * (ctx.config) do not carry as fields, read from `extra` with a default that suits a real charge
 * point and keeps a case quick.
 */
import type { TestContext } from '../../../../src/engine/authoring.js';
import { shortConnectionTimeOutS } from './charge-point.js';

function configuredNumber(ctx: TestContext, name: string, fallback: number): number {
  const value = ctx.config.extra[name];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** <Configured Meter Value interval> (seconds): `extra.meterValueSampleIntervalS`, default 10. */
export function configuredMeterValueIntervalS(ctx: TestContext): number {
  return configuredNumber(ctx, 'meterValueSampleIntervalS', 10);
}

/** <Configured connectionTimeout> (seconds): `extra.connectionTimeOutS`, default a few tolerances. */
export function configuredConnectionTimeOutS(ctx: TestContext): number {
  return configuredNumber(ctx, 'connectionTimeOutS', shortConnectionTimeOutS(ctx));
}

/** <Configured Transaction message attempts>: `extra.transactionMessageAttempts`, default 3. */
export function configuredTransactionMessageAttempts(ctx: TestContext): number {
  return configuredNumber(ctx, 'transactionMessageAttempts', 3);
}
