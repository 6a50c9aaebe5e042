/**
 * The OCTT <CustomData> the simulated station puts in its messages (Part 6 TC_P_03_CSMS): a
 * CustomDataType (Part 2 §2.2: vendorId plus vendor properties), `extra.customData` when configured.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export function customDataOf(ctx: TestContext): JsonObject {
  const given = ctx.config.extra['customData'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given) && typeof (given as JsonObject)['vendorId'] === 'string') return given as JsonObject;
  return { vendorId: 'org.openchargealliance.octt', harness: 'ocpp-conform' };
}
