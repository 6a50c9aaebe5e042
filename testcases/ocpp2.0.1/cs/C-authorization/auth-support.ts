/**
 * What the block C cases (SUT = charging station) share beyond the cross-block states: the
 * configured idTokens by kind, the OCTT answers a case gives to Authorize / TransactionEvent for a
 * token (status and groupIdToken), the "Configured MasterPassGroupId", the cache settings of the
 * Part 6 configuration states, and small journal readings (Authorize requests since a mark).
 */
import type { InboundCall, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { tokenStatus } from '../../../../src/engine/authoring.js';
import type { Setting } from '../_shared/case-support.js';
import { type CallInEntry, callsIn, frames, journalEnd, obj, sessionOf, transactions, waitQuiet } from '../_shared/journal.js';

export type TokenKind = 'valid' | 'invalid' | 'blocked' | 'expired' | 'validSameGroup' | 'masterPass';
export interface Token {
  idToken: string;
  type: string;
}

/** The configured idToken of a kind; the optional kinds (valid idToken2, master pass) make the case inconclusive when absent. */
export function tokenOf(ctx: TestContext, kind: TokenKind): Token {
  const t = ctx.config.idTokens[kind];
  if (!t) return ctx.inconclusive(`the case needs a configured ${kind} idToken (config idTokens.${kind})`);
  return { idToken: t.idToken, type: t.type };
}

/** <Configured MasterPassGroupId> (config `extra.masterPassGroupId`). */
export function masterPassGroupId(ctx: TestContext): string {
  const v = ctx.config.extra['masterPassGroupId'];
  return typeof v === 'string' && v !== '' ? v : 'MASTERPASS-GROUP';
}

/** The idTokenInfo the run answers by default: configured valid tokens Accepted with the configured group. */
function defaultInfo(ctx: TestContext, idToken: string | undefined): JsonObject {
  const status = tokenStatus(ctx.config, idToken);
  return status === 'Accepted' ? { status, groupIdToken: { idToken: ctx.config.groupId, type: 'Central' } } : { status };
}

function tokenIn(call: InboundCall): string | undefined {
  const t = obj(call.payload['idToken'])?.['idToken'];
  return typeof t === 'string' ? t : undefined;
}

/**
 * The OCTT answers of a case: Authorize and TransactionEvent (when it carries an idToken) get
 * the idTokenInfo `answers` names for that idToken, every other token the run's default.
 */
export function answerTokens(ctx: TestContext, answers: Record<string, JsonObject>): void {
  let table = tables.get(ctx);
  if (!table) {
    const own: Record<string, JsonObject> = {};
    tables.set(ctx, own);
    table = own;
    const info = (call: InboundCall): JsonObject => {
      const t = tokenIn(call);
      return (t === undefined ? undefined : own[t]) ?? defaultInfo(ctx, t);
    };
    ctx.respond('Authorize', (call) => ({ idTokenInfo: info(call) }));
    ctx.respond('TransactionEvent', (call) => (call.payload['idToken'] === undefined ? {} : { idTokenInfo: info(call) }));
  }
  Object.assign(table, answers);
}

/** The answers of each running case (a later call changes the answer for its tokens from then on). */
const tables = new WeakMap<TestContext, Record<string, JsonObject>>();

/** An idTokenInfo with the configured group (or the given one). */
export function infoWithGroup(ctx: TestContext, status: string, groupId = ctx.config.groupId): JsonObject {
  return { status, groupIdToken: { idToken: groupId, type: 'Central' } };
}

/** Part 6 "AuthCacheCtrlr.AuthCacheEnabled is true (If implemented)" and "AuthCtrlr.LocalPreAuthorize is <value> (If implemented)". */
export function cacheSettings(localPreAuthorize: boolean, extra: Setting[] = []): Setting[] {
  return [
    { component: 'AuthCacheCtrlr', variable: 'Enabled', value: 'true', ifImplemented: true },
    { component: 'AuthCtrlr', variable: 'LocalPreAuthorize', value: String(localPreAuthorize), ifImplemented: true },
    ...extra,
  ];
}

/** AuthCacheCtrlr.DisablePostAuthorize is <value> (If implemented). */
export const disablePostAuthorize = (value: boolean, ifImplemented = true): Setting => ({ component: 'AuthCacheCtrlr', variable: 'DisablePostAuthorize', value: String(value), ifImplemented });

/** The Authorize requests the station sent from journal index `from` on, for `token` (any token when absent). */
export function authorizesSince(ctx: TestContext, from: number, token?: Token): CallInEntry[] {
  return callsIn(ctx.journal(), 'Authorize').filter((e) => e.index >= from && (token === undefined || obj(e.payload['idToken'])?.['idToken'] === token.idToken));
}

/** Present an idToken at the configured EVSE (or `evseId`); returns the journal mark from before it. */
export async function present(ctx: TestContext, token: Token, evseId = ctx.config.evseId): Promise<number> {
  const from = journalEnd(ctx);
  await ctx.dut('presentIdToken', { evseId, idToken: token.idToken, type: token.type });
  return from;
}

/** Check idToken.idToken / idToken.type of a request against the configured token, for a step. */
export function checkToken(ctx: TestContext, call: ObservedCall, token: Token, what: string, step?: number): void {
  const got = obj(call.payload['idToken']);
  const s = step === undefined ? {} : { step };
  ctx.check(`${what} idToken.idToken`, got?.['idToken'] === token.idToken, { expected: token.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(call), ...s });
  ctx.check(`${what} idToken.type`, got?.['type'] === token.type, { expected: token.type, actual: got?.['type'] ?? 'absent', frames: frames(call), ...s });
}

/**
 * Part 2 C12.FR.02 (LocalPreAuthorize true, token cached as Accepted: start without asking the
 * CSMS): no Authorize for the token since `from`.
 */
export function checkNoAuthorize(ctx: TestContext, from: number, token: Token, why: string, step?: number): void {
  const sent = authorizesSince(ctx, from, token);
  ctx.check(`no AuthorizeRequest for the cached idToken (${why})`, sent.length === 0, {
    expected: 'no AuthorizeRequest',
    actual: sent.length === 0 ? 'none' : `${sent.length} AuthorizeRequest(s)`,
    frames: sent.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq])),
    ...(step === undefined ? {} : { step }),
  });
}

/** Part 5: a local start authorization option (C-30 ISO 14443, C-31 ISO 15693, C-32 key code). */
export const localStart = { any: [{ item: 'C-30' }, { item: 'C-31' }, { item: 'C-32' }] };
/** Part 5: … and an Authorization Cache (C-49). */
export const withCache = { all: [{ item: 'C-49' }, localStart] };

/**
 * Part 6 memory state IdTokenCached for `token`, run before the configuration state: with the
 * cache switched off or LocalPreAuthorize set as the case wants, the station could not learn it
 * (TC_C_38_CS disables the cache).
 */
export async function cached(ctx: TestContext, token: Token, answer?: JsonObject, accepted?: boolean): Promise<void> {
  await ctx.step(`Memory state: IdTokenCached for ${token.idToken}`, () =>
    ctx.state('IdTokenCached', { idToken: token, ...(answer ? { answer } : {}), ...(accepted === undefined ? {} : { accepted }) }),
  );
}

/** A journal entry as an ObservedCall (for checks that cite its frame). */
export function observed(e: CallInEntry): ObservedCall {
  return { action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) };
}

/**
 * The first TransactionEvent with an idToken since `from` (the one the Authorized state judged),
 * checked for the step: triggerReason Authorized and the presented token. Absent when the
 * transaction does not start at the authorization (Part 6: "needs to be executed when …").
 */
export function checkAuthorizedEvent(ctx: TestContext, from: number, token: Token, step: number): ObservedCall | undefined {
  const te = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && obj(e.payload['idToken']) !== undefined);
  if (!te) return undefined;
  const call = observed(te);
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(call), step });
  checkToken(ctx, call, token, 'TransactionEvent', step);
  return call;
}

/**
 * After a stop the states did not drive (the CSMS deauthorized the token, a group or master pass
 * stopped it): tell the EVSE's session how far it got, so EVConnectedPostSession / EVDisconnected
 * continue from there instead of stopping it once more.
 */
export async function sessionStopped(ctx: TestContext, evseId: number, from: number, options: { postSession?: boolean } = {}): Promise<void> {
  // Let the station finish what the stop sets off (the Ended event may follow the stop event).
  await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
  const s = sessionOf(ctx, evseId);
  s.stopAuthorized = true;
  s.authorized = false;
  s.energy = false;
  s.stopFrom = from;
  // What EVConnectedPostSession waits for (the EV connected, no energy) the stop itself reported.
  s.postSession = options.postSession ?? true;
  const id = s.transactionId;
  s.txEnded = id === undefined || (transactions(ctx.journal()).get(id)?.ended ?? false);
}

/**
 * The TransactionEvent with triggerReason StopAuthorized since `from` for the step, its idToken
 * omitted or one of `tokens` (Part 6 names the starting token where the presented one is meant).
 */
export async function expectStopAuthorized(ctx: TestContext, from: number, tokens: readonly Token[], step: number): Promise<ObservedCall> {
  const te = await ctx.expectCall('TransactionEvent', { from, step, match: (p) => p['triggerReason'] === 'StopAuthorized' || p['eventType'] === 'Ended', describe: 'a TransactionEvent with triggerReason StopAuthorized' });
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'StopAuthorized', { expected: 'StopAuthorized', actual: te.payload['triggerReason'] ?? 'absent', frames: frames(te), step });
  const got = obj(te.payload['idToken']);
  const ok = got === undefined || tokens.some((t) => got['idToken'] === t.idToken && got['type'] === t.type);
  ctx.check('StopAuthorized TransactionEvent idToken', ok, { expected: `omitted or ${tokens.map((t) => `${t.idToken} / ${t.type}`).join(' or ')}`, actual: got ?? 'omitted', frames: frames(te), step });
  return te;
}

/** TransactionEvents since `from` that stop, deauthorize or suspend the energy transfer (post scenario "not stopped"). */
export function stoppingEvents(ctx: TestContext, from: number): CallInEntry[] {
  return callsIn(ctx.journal(), 'TransactionEvent').filter((e) => {
    if (e.index < from) return false;
    const state = obj(e.payload['transactionInfo'])?.['chargingState'];
    return e.payload['eventType'] === 'Ended' || ['StopAuthorized', 'Deauthorized'].includes(String(e.payload['triggerReason'])) || (state !== undefined && state !== 'Charging');
  });
}

/** Part 6 "AuthCtrlr.MasterPassGroupId is <Configured MasterPassGroupId>". */
export const masterPassSetting = (ctx: TestContext): Setting => ({ component: 'AuthCtrlr', variable: 'MasterPassGroupId', value: masterPassGroupId(ctx) });

/**
 * Part 6 TC_C_47/48/49_CS step 3 for one transaction: its stop event (triggerReason StopAuthorized,
 * or the Ended event) carries no idToken or the master pass, and the transaction ends with
 * stoppedReason MasterPass (checked on the Ended event once it came).
 */
export async function expectMasterPassStop(ctx: TestContext, from: number, transactionId: string, master: Token, step: number): Promise<void> {
  const mine = (p: JsonObject): boolean => obj(p['transactionInfo'])?.['transactionId'] === transactionId;
  const te = await ctx.expectCall('TransactionEvent', {
    from,
    step,
    anyOrder: 'Part 6 TC_C_47/48/49_CS step 3: "a TransactionEventRequest for all EVSE" (the transactions stop side by side)',
    match: (p) => mine(p) && (p['triggerReason'] === 'StopAuthorized' || p['eventType'] === 'Ended'),
    describe: `the TransactionEvent that stops transaction ${transactionId}`,
  });
  const got = obj(te.payload['idToken']);
  ctx.check('TransactionEvent idToken omitted or the master pass', got === undefined || (got['idToken'] === master.idToken && got['type'] === master.type), { expected: `omitted or ${master.idToken} / ${master.type}`, actual: got ?? 'omitted', frames: frames(te), step });
  await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
  const ended = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && mine(e.payload) && e.payload['eventType'] === 'Ended');
  if (!ended) return;
  const reason = obj(ended.payload['transactionInfo'])?.['stoppedReason'];
  ctx.check('transactionInfo.stoppedReason', reason === 'MasterPass', { expected: 'MasterPass', actual: reason ?? 'absent', frames: frames(observed(ended)), step });
}
