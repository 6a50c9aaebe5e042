/**
 * Transaction.Begin values (Part 6 TC_J_07_CS / TC_J_08_CS post-scenario, Part 2 J02): the start
 * point the case needs, and the check of the event that carries the values.
 */
import type { ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { configure, getVariable } from '../_shared/case-support.js';
import { checkMeasurands, contextOf, framesOf, meterValuesOf } from './tx-values.js';

/**
 * Part 6 "TxStartPoint contains …": kept when it has one of `anyOf` (and, with `noParkingBay`,
 * not ParkingBayOccupancy), else set to `fallback`.
 */
export async function ensureStartPoint(ctx: TestContext, anyOf: readonly string[], fallback: string, noParkingBay: boolean): Promise<void> {
  const current = ((await getVariable(ctx, { component: 'TxCtrlr', variable: 'TxStartPoint' })) ?? '').split(',').map((p) => p.trim());
  const fits = current.some((p) => anyOf.includes(p)) && !(noParkingBay && current.includes('ParkingBayOccupancy'));
  await configure(ctx, fits ? [] : [{ component: 'TxCtrlr', variable: 'TxStartPoint', value: fallback }]);
}

/** meterValue present, sampledValue[0].context Transaction.Begin, one sampledValue per configured measurand. */
export function checkBeginValues(ctx: TestContext, event: ObservedCall, measurands: readonly string[], what: string): void {
  const frames = framesOf(event);
  const mvs = meterValuesOf(event);
  ctx.check(`${what} contains meterValue`, mvs.length > 0, { expected: 'meterValue present', actual: mvs.length === 0 ? 'absent' : `${mvs.length} elements`, frames });
  const first = mvs[0]?.sampledValue?.[0];
  ctx.check(`${what}: sampledValue[0].context is Transaction.Begin`, first !== undefined && contextOf(first) === 'Transaction.Begin', { expected: 'Transaction.Begin', actual: first ? contextOf(first) : 'no sampledValue', frames });
  const begin = mvs.flatMap((mv) => (mv.sampledValue ?? []).filter((s) => contextOf(s) === 'Transaction.Begin'));
  checkMeasurands(ctx, { sampledValue: begin }, measurands, `${what} Transaction.Begin values`, frames);
}
