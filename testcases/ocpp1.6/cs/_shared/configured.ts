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

/** <Configured Meter Value interval> (seconds): the configured `meterValueSampleIntervalS`, default 10. */
export function configuredMeterValueIntervalS(ctx: TestContext): number {
  return ctx.config.meterValueSampleIntervalS ?? configuredNumber(ctx, 'meterValueSampleIntervalS', 10);
}

/** <Configured Clock Aligned Data interval> (seconds): the configured `clockAlignedDataIntervalS`, default 10. */
export function configuredClockAlignedIntervalS(ctx: TestContext): number {
  return ctx.config.clockAlignedDataIntervalS ?? configuredNumber(ctx, 'clockAlignedDataIntervalS', 10);
}

/** <Configured connectionTimeout> (seconds): `extra.connectionTimeOutS`, default a few tolerances. */
export function configuredConnectionTimeOutS(ctx: TestContext): number {
  return configuredNumber(ctx, 'connectionTimeOutS', shortConnectionTimeOutS(ctx));
}

/** <Configured Transaction message attempts>: `extra.transactionMessageAttempts`, default 3. */
export function configuredTransactionMessageAttempts(ctx: TestContext): number {
  return configuredNumber(ctx, 'transactionMessageAttempts', 3);
}

/**
 * <Configured Valid IdTag 2> of TC_068_CS: a second valid card that does not share the parentIdTag
 * of the first (`extra.validIdTag2`, default an ISO14443 UID of our own).
 */
export function configuredValidIdTag2(ctx: TestContext): string {
  const value = ctx.config.extra['validIdTag2'];
  return typeof value === 'string' && value !== '' ? value : '04A1B2C3D4E5F8';
}

/** Other connectors that share the RFID reader of the one under test must be occupied (TC_068_CS / TC_069_CS prerequisite). */
export function otherConnectorsBehindReader(ctx: TestContext): number[] {
  if (ctx.pics.items['HW-SharedRfidReader'] !== true) return [];
  return Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1).filter((c) => c !== ctx.config.connectorId);
}
