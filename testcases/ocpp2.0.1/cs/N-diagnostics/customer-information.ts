/**
 * What the customer-information cases (Part 6 TC_N_27..33/62_CS, Part 2 N09/N10) share: the
 * Part 5 condition, the Before of the "+ data" cases (the configured idToken in the cache and the
 * local list, each if implemented), the CustomerInformation call judged by status, and the
 * NotifyCustomerInformation messages of a requestId collected until tbc is not true.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { getVariable, idTokenOf } from '../_shared/case-support.js';
import { prepareVariables } from '../_shared/expect.js';
import { configuredVersion } from '../D-local-list/local-list.js';
import { framesOfCall, outcomeText } from '../P-data-transfer/custom-data.js';

/** Part 5 TC_N_27/28/30/31: (C-30 or C-31 or C-34) and (Local Authorization List Management or C-49). */
export const idTokenCustomer = {
  all: [{ any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-34' }] }, { any: [{ item: 'LA-1' }, { item: 'C-49' }] }],
};

let lastRequestId = Math.floor(Math.random() * 100_000);
export const newRequestId = (): number => ++lastRequestId;

/** <Configured customerIdentifier> (extra.customerIdentifier); Part 6 TC_N_62_CSMS uses "OpenChargeAlliance". */
export function customerIdentifierOf(ctx: TestContext): string {
  const v = ctx.config.extra['customerIdentifier'];
  return typeof v === 'string' && v !== '' ? v : 'OpenChargeAlliance';
}

/**
 * Before of TC_N_27/30_CS: LocalAuthListCtrlr.Enabled, AuthCtrlr.LocalPreAuthorize and
 * AuthCacheCtrlr.Enabled true (each as far as implemented), then the configured valid idToken in
 * the Local Authorization List and in the cache (IdTokenCached runs a whole local session:
 * Authorized, then ParkingBayUnoccupied).
 */
export async function customerDataStored(ctx: TestContext): Promise<void> {
  const token = idTokenOf(ctx, 'valid');
  await ctx.step('Before: configuration state', () =>
    prepareVariables(ctx, [
      { component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
      { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'true', ifImplemented: true },
      { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
    ]),
  );
  const list = (await getVariable(ctx, { component: 'LocalAuthListCtrlr', variable: 'Enabled' })) === 'true';
  const cache = (await getVariable(ctx, { component: 'AuthCacheCtrlr', variable: 'Enabled' })) === 'true';
  if (!list && !cache) ctx.inconclusive('the station has neither a Local Authorization List nor an Authorization Cache enabled (Part 6 prerequisite)');
  if (list) await ctx.step('Before: IdTokenLocalAuthList for the valid idToken', () => ctx.state('IdTokenLocalAuthList', { idToken: token, versionNumber: configuredVersion(ctx) }));
  if (cache) await ctx.step('Before: IdTokenCached, Authorized (local), ParkingBayUnoccupied', () => ctx.state('IdTokenCached', { idToken: token }));
}

/** Send CustomerInformation and check its status (the step's validation). */
export async function customerInformation(ctx: TestContext, payload: JsonObject, status: string, step: number): Promise<string | undefined> {
  const res = await ctx.call('CustomerInformation', payload);
  const got = res.status === 'result' && typeof res.payload['status'] === 'string' ? res.payload['status'] : undefined;
  ctx.check('CustomerInformationResponse status', got === status, { expected: status, actual: outcomeText(res), frames: framesOfCall(ctx, res.messageId), step });
  return got;
}

/**
 * Every NotifyCustomerInformation of `requestId` until tbc is not true (Part 6 notes: "If tbc is
 * True … repeated"): seqNo 0, 1, … (schema: "First message starts at 0"). `step` is the step of
 * the first message (the validations of the case judge the collected messages).
 */
export async function collectNotifies(ctx: TestContext, requestId: number, step?: number): Promise<ObservedCall[]> {
  const out: ObservedCall[] = [];
  const at = step === undefined ? {} : { step };
  for (let seqNo = 0; ; seqNo++) {
    const n = await ctx.expectCall('NotifyCustomerInformation', { match: { requestId }, describe: `NotifyCustomerInformation with requestId ${requestId}${seqNo === 0 ? '' : ` (part ${seqNo + 1}, after tbc true)`}`, ...at });
    out.push(n);
    ctx.check('NotifyCustomerInformation seqNo', n.payload['seqNo'] === seqNo, { expected: seqNo, actual: n.payload['seqNo'] ?? 'absent', frames: framesOf(n), ...at });
    if (n.payload['tbc'] !== true) return out;
  }
}

export const framesOf = (n: ObservedCall): number[] => (n.frameSeq === undefined ? [] : [n.frameSeq]);
export const allFrames = (ns: readonly ObservedCall[]): number[] => ns.flatMap(framesOf);
export const dataOf = (ns: readonly ObservedCall[]): string => ns.map((n) => (typeof n.payload['data'] === 'string' ? n.payload['data'] : '')).join('');
const shown = (ns: readonly ObservedCall[]): string => `${ns.length} message(s), data ${JSON.stringify(dataOf(ns).slice(0, 120))}`;

/** Part 6 "data Not empty": the report (all parts together) carries data. */
export function checkDataNotEmpty(ctx: TestContext, ns: readonly ObservedCall[], step: number): void {
  ctx.check('NotifyCustomerInformation data not empty', dataOf(ns) !== '', { expected: 'the customer information the station holds', actual: shown(ns), frames: allFrames(ns), step });
}

/** Part 6 "data empty": after the clear, nothing is left to report. */
export function checkDataEmpty(ctx: TestContext, ns: readonly ObservedCall[], step: number): void {
  ctx.check('NotifyCustomerInformation data empty', dataOf(ns) === '', { expected: 'empty data', actual: shown(ns), frames: allFrames(ns), step });
}

/** Part 6 "tbc Not true" on the last message (collectNotifies stops there, so this judges that it arrived). */
export function checkLastNotContinued(ctx: TestContext, ns: readonly ObservedCall[], step?: number): void {
  const last = ns[ns.length - 1];
  ctx.check('NotifyCustomerInformation tbc not true', last !== undefined && last.payload['tbc'] !== true, { expected: 'false or omitted', actual: last?.payload['tbc'] ?? 'omitted', frames: allFrames(ns), ...(step === undefined ? {} : { step }) });
}
