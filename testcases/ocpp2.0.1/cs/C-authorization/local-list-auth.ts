/**
 * What the C cases that authorize through the Local Authorization List share (Part 6 §2.4 C13,
 * C14, C09 with the list): the configuration state, the list installed with one or more idTokens of
 * a given status (memory state IdTokenLocalAuthList of block D), the step "present the idToken and
 * the station asks the CSMS" (C14.FR.03), the post-scenario "energy is transferred", and emptying
 * the list afterwards so its idTokens decide no later case.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import type { Setting } from '../_shared/case-support.js';
import { configure, fromNow, journalMark } from '../_shared/case-support.js';
import { txSettings } from '../_shared/expect.js';
import type { CallInEntry } from '../_shared/journal.js';
import { callsIn, frames, obj } from '../_shared/journal.js';
import { configuredVersion, emptyListAfter } from '../D-local-list/local-list.js';

export { emptyListAfter };

export const listEnabled: Setting = { component: 'LocalAuthListCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true };
export const preAuthorize: Setting = { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: 'true', ifImplemented: true };
export const postAuthorize: Setting = { component: 'LocalAuthListCtrlr', variable: 'DisablePostAuthorize', value: 'false', ifImplemented: true };

export type Token = { idToken: string; type: string };

/** Configuration state, then the list (Full, the configured version) with `token` at `status` and any further entries. */
export async function listWith(ctx: TestContext, settings: Setting[], token: Token, status: string, also: JsonObject[] = [], groupId?: string): Promise<void> {
  await configure(ctx, settings);
  await ctx.state('IdTokenLocalAuthList', { idToken: token, status, versionNumber: configuredVersion(ctx), also, ...(groupId === undefined ? {} : { groupId }) });
}

export function checkToken(ctx: TestContext, call: ObservedCall, token: Token, what: string, step: number): void {
  const got = obj(call.payload['idToken']);
  ctx.check(`${what} idToken.idToken`, got?.['idToken'] === token.idToken, { expected: token.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(call), step });
  ctx.check(`${what} idToken.type`, got?.['type'] === token.type, { expected: token.type, actual: got?.['type'] ?? 'absent', frames: frames(call), step });
}

/** Present `token` (listed with a status other than Accepted): the station asks the CSMS (C14.FR.03), answered `answer`. */
export async function presentAndAuthorize(ctx: TestContext, token: Token, answer: JsonObject, step: number): Promise<ObservedCall> {
  ctx.respond('Authorize', () => ({ idTokenInfo: answer }));
  fromNow(ctx);
  await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
  const auth = await ctx.expectCall('Authorize', { describe: 'an AuthorizeRequest for the presented idToken', step });
  checkToken(ctx, auth, token, 'AuthorizeRequest', step);
  return auth;
}

/** How long "the station sends nothing" is watched: the timing tolerance (the labs' 4 s). */
export const quietMs = (ctx: TestContext): number => Math.min(ctx.config.messageTimeoutMs, ctx.toleranceMs);

/** A TransactionEvent that starts a transaction or carries the refused idToken. */
const startsFor = (token: Token) => (p: JsonObject): boolean => p['eventType'] === 'Started' || obj(p['idToken'])?.['idToken'] === token.idToken;

/**
 * None of these CALLs from journal index `since` on, for `quietMs` from now. What came between
 * `since` and now (a DUT action may return only after the station's own round trip) counts too.
 */
export async function quietSince(ctx: TestContext, since: number, specs: Array<{ action: string; match?: (p: JsonObject) => boolean; describe: string }>, step?: number): Promise<void> {
  const named = step === undefined ? {} : { step };
  const early = callsIn(ctx.journal().filter((e) => e.index >= since)).flatMap((e) => {
    const spec = specs.find((s) => s.action === e.action && (s.match === undefined || s.match(e.payload)));
    return spec ? [{ e, spec }] : [];
  });
  for (const { e, spec } of early) {
    ctx.check(`No ${spec.describe}`, false, { expected: `no ${spec.describe}`, actual: `${e.action} seqNo/idToken ${JSON.stringify(e.payload['seqNo'] ?? e.payload['idToken'] ?? {})}`, frames: e.frameSeq === undefined ? [] : [e.frameSeq], ...named });
  }
  if (early.length > 0) return;
  await Promise.all(specs.map((s) => ctx.expectNoCall(s.action, { forMs: quietMs(ctx), describe: s.describe, ...(s.match ? { match: s.match } : {}), ...named })));
}

/** After a refused idToken: no TransactionEvent that starts or authorizes anything. */
export async function noTransactionFor(ctx: TestContext, token: Token, since: number, step?: number): Promise<void> {
  await quietSince(ctx, since, [{ action: 'TransactionEvent', match: startsFor(token), describe: 'TransactionEvent starting a transaction or carrying the refused idToken' }], step);
}

/** Present a listed idToken the station must refuse by itself: no AuthorizeRequest and no transaction. */
export async function presentRefusedLocally(ctx: TestContext, token: Token, step: number): Promise<void> {
  const since = journalMark(ctx);
  await ctx.dut('presentIdToken', { evseId: ctx.config.evseId, idToken: token.idToken, type: token.type });
  await quietSince(ctx, since, [
    { action: 'Authorize', describe: 'AuthorizeRequest for the refused idToken' },
    { action: 'TransactionEvent', match: startsFor(token), describe: 'TransactionEvent starting a transaction or carrying the refused idToken' },
  ], step);
}

/** Part 6 post-scenario "Energy is transferred": a TransactionEvent of the case with chargingState Charging. */
export function checkEnergyTransferred(ctx: TestContext): void {
  const last = callsIn(ctx.journal(), 'TransactionEvent').filter((e) => obj(e.payload['transactionInfo'])?.['chargingState'] === 'Charging').at(-1);
  ctx.check('Energy is transferred (a TransactionEvent with chargingState Charging)', last !== undefined, {
    expected: 'chargingState Charging',
    actual: last === undefined ? 'no TransactionEvent said Charging' : `TransactionEvent seqNo ${String(last.payload['seqNo'])}`,
    frames: last?.frameSeq === undefined ? [] : [last.frameSeq],
  });
}

/**
 * Step 1 of TC_C_27_CS / TC_C_40_CS: the valid idToken (Accepted in the list) is presented. With
 * LocalPreAuthorize true the station starts "without waiting for or requesting an AuthorizeResponse"
 * (Part 2 Appendix AuthCtrlr.LocalPreAuthorize), so no AuthorizeRequest; when TxStartPoint contains
 * Authorized, or a transaction runs, or the EV is connected) its TransactionEvent says triggerReason
 * Authorized with the idToken.
 */
export async function presentListedAccepted(ctx: TestContext, token: Token, step: number): Promise<void> {
  const settings = await txSettings(ctx);
  const from = journalMark(ctx);
  await ctx.state('Authorized', { idToken: token, method: 'local', expectAuthorize: false });
  const entries = callsIn(ctx.journal().filter((e) => e.index >= from));
  const auth = entries.find((e) => e.action === 'Authorize');
  if (settings.localPreAuthorize) {
    ctx.check('no AuthorizeRequest for an idToken Accepted in the list (LocalPreAuthorize true)', auth === undefined, {
      expected: 'the station authorizes locally',
      actual: auth === undefined ? 'no AuthorizeRequest' : 'an AuthorizeRequest',
      frames: auth?.frameSeq === undefined ? [] : [auth.frameSeq],
      step,
    });
  }
  const te = entries.find((e) => e.action === 'TransactionEvent' && obj(e.payload['idToken']) !== undefined);
  // A TransactionEvent with the idToken in this window is the one of step 1 (whatever started the transaction).
  if (te === undefined) {
    if (settings.startPoints.includes('Authorized')) ctx.check('TransactionEventRequest after the idToken (TxStartPoint has Authorized)', false, { expected: 'a TransactionEvent with the idToken', actual: 'none', step });
    return;
  }
  const call = observed(te);
  ctx.check('TransactionEventRequest triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(call), step });
  checkToken(ctx, call, token, 'TransactionEventRequest', step);
}

const observed = (e: CallInEntry): ObservedCall => ({ action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) });
