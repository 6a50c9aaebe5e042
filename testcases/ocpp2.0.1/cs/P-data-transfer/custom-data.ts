/**
 * The OCTT <CustomData> of the block P cases (Part 6 TC_P_03/TC_P_04, both sides): a CustomDataType
 * (Part 2 §2.2: vendorId plus vendor properties). Configurable as `extra.customData` (an object
 * with a vendorId); the default names the OCTT's vendor and one property of our own.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export function customDataOf(ctx: TestContext): JsonObject {
  const given = ctx.config.extra['customData'];
  if (typeof given === 'object' && given !== null && !Array.isArray(given) && typeof (given as JsonObject)['vendorId'] === 'string') return given as JsonObject;
  return { vendorId: 'org.openchargealliance.octt', harness: 'ocpp-conform' };
}

/** The frames of one CALL and its answer (by messageId). */
export function framesOfCall(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** A CALL's outcome in words: "status X" for a CALLRESULT, else the CALLERROR code or the timeout. */
export function outcomeText(outcome: { status: string; payload?: JsonObject; errorCode?: string }, field = 'status'): string {
  if (outcome.status === 'result') return `${field} ${JSON.stringify(outcome.payload?.[field] ?? 'absent')}`;
  return outcome.status === 'error' ? `CALLERROR ${String(outcome.errorCode)}` : outcome.status;
}
