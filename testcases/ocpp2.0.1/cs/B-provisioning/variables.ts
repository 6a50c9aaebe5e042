/**
 * Shared checks of the block B device-model cases (Part 2 B05 / B06 results): find the result for
 * a component/variable in a Get/SetVariablesResponse and judge it field by field.
 */
import type { JsonObject, TestContext } from '../../../../src/engine/authoring.js';

export interface VarRef {
  component: string;
  variable: string;
  instance?: string;
}

export function varData(ref: VarRef, extra: JsonObject = {}): JsonObject {
  return { component: { name: ref.component }, variable: { name: ref.variable, ...(ref.instance ? { instance: ref.instance } : {}) }, ...extra };
}

const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);

/** The result entry for `ref` in `response[listName]`; fails the case when there is none. */
export function resultFor(ctx: TestContext, response: JsonObject, listName: 'getVariableResult' | 'setVariableResult', ref: VarRef): JsonObject {
  const list = Array.isArray(response[listName]) ? (response[listName] as unknown[]).map(asObj) : [];
  const hit = list.find((r) => asObj(r?.['component'])?.['name'] === ref.component && asObj(r?.['variable'])?.['name'] === ref.variable);
  ctx.check(`${listName} for ${ref.component}.${ref.variable}`, hit !== undefined, {
    expected: `an entry for component ${ref.component}, variable ${ref.variable}`,
    actual: hit ?? `${list.length} entries, none for it`,
  });
  return hit ?? {};
}

export interface ExpectedResult {
  attributeStatus: string | readonly string[];
  /** `null`: must be absent. */
  attributeType?: string | null;
  attributeValue?: string;
  instance?: string;
  /** attributeStatusInfo absent or reasonCode NoError (Part 6 wording). */
  noErrorInfo?: boolean;
}

export function checkResult(ctx: TestContext, ref: VarRef, r: JsonObject, want: ExpectedResult): void {
  const label = `${ref.component}.${ref.variable}`;
  const statuses = typeof want.attributeStatus === 'string' ? [want.attributeStatus] : want.attributeStatus;
  ctx.check(`${label}: attributeStatus`, typeof r['attributeStatus'] === 'string' && statuses.includes(r['attributeStatus']), { expected: statuses.join(' or '), actual: r['attributeStatus'] ?? 'absent' });
  if (want.attributeType !== undefined) {
    // Part 2: an omitted attributeType means Actual, so Actual may be echoed or left out.
    const got = r['attributeType'];
    const ok = want.attributeType === null ? got === undefined : got === want.attributeType || (want.attributeType === 'Actual' && got === undefined);
    ctx.check(`${label}: attributeType`, ok, { expected: want.attributeType ?? 'absent', actual: got ?? 'absent' });
  }
  if (want.attributeValue !== undefined) {
    ctx.check(`${label}: attributeValue`, r['attributeValue'] === want.attributeValue, { expected: want.attributeValue, actual: r['attributeValue'] ?? 'absent' });
  }
  ctx.check(`${label}: component.name`, asObj(r['component'])?.['name'] === ref.component, { expected: ref.component, actual: asObj(r['component'])?.['name'] ?? 'absent' });
  ctx.check(`${label}: variable.name`, asObj(r['variable'])?.['name'] === ref.variable, { expected: ref.variable, actual: asObj(r['variable'])?.['name'] ?? 'absent' });
  if (want.instance !== undefined) {
    ctx.check(`${label}: variable.instance`, asObj(r['variable'])?.['instance'] === want.instance, { expected: want.instance, actual: asObj(r['variable'])?.['instance'] ?? 'absent' });
  }
  if (want.noErrorInfo) {
    const info = asObj(r['attributeStatusInfo']);
    ctx.check(`${label}: attributeStatusInfo`, info === undefined || info['reasonCode'] === 'NoError', { expected: 'absent or reasonCode NoError', actual: info ?? 'absent' });
  }
}

/**
 * Read variables before a case writes them, so the restore can put the originals back (a
 * preparation of ours, not a Part 6 step; no verdict).
 */
export async function rememberValues(ctx: TestContext, refs: VarRef[]): Promise<void> {
  await ctx.step('Before: read the current values (so they can be restored afterwards)', async () => {
    await ctx.call('GetVariables', { getVariableData: refs.map((r) => varData(r)) });
  });
}
