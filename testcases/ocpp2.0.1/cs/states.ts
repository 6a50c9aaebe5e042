/**
 * OCPP 2.0.1 Part 6 §2.18 (reusable states) and §2.19 (memory states) for SUT = charging station,
 * and the restore of the §2.1 general preconditions that runs after every `_CS` case.
 *
 * Every state takes `params` (all optional):
 *   evseId, connectorId          default: the configured EVSE / connector
 *   idToken: { idToken, type }   default: the configured valid idToken
 *   method: 'local' | 'remote'   Authorized: present an idToken (A) or RequestStartTransaction (B);
 *                                default `config.extra.authorizationMethod`, else 'local'
 *   stopMethod: 'local' | 'remote'  StopAuthorized: same idToken again (A) or RequestStopTransaction (B);
 *                                default `config.extra.stopMethod`, else `method`, else 'local'
 *   via: 'powerCycle' | 'reset'  Booted: how to reboot (default powerCycle)
 *
 * The states remember per case and EVSE how far the session got (parked, EV connected,
 * authorized, transaction id, energy flowing, stop authorized), so "if State is NOT X then execute
 * X" chains work, and they re-read what the station reported in the case so far (connector status,
 * open transaction) so a case may mix its own manual actions with states.
 *
 * Helpers for cases are exported too: `txSettings` (TxStartPoint / TxStopPoint & co. read from the
 * station), `prepareVariables` (Part 6 "Before: Configuration State": read, then set what differs,
 * so the restore knows the original value), `expectConnectorStatus` (StatusNotification or
 * NotifyEvent AvailabilityState, as Part 6 allows both), `openTransactionId`.
 */
import type { ObservedCall, TestContext } from '../../../src/engine/context-types.js';
import type { JournalEntry } from '../../../src/engine/journal.js';
import { defineStates } from '../../../src/engine/states.js';
import type { JsonObject } from '../../../src/protocol/frames.js';

// ---- small types --------------------------------------------------------------------------

export interface IdTokenParam {
  idToken: string;
  type: string;
}
/** A CALL in the journal (the union member shared by callIn / callOut / sendIn). */
type CallEntry = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }>;
type CallInEntry = CallEntry;
type CallOutEntry = CallEntry;
type ResultEntry = Extract<JournalEntry, { kind: 'resultIn' | 'resultOut' }>;

interface Target {
  evseId: number;
  connectorId: number;
  idToken: IdTokenParam;
  method: 'local' | 'remote';
  stopMethod: 'local' | 'remote';
}

/** How far the session on one EVSE got within the current case. */
interface EvseSession {
  parked: boolean;
  evConnected: boolean;
  authorized: boolean;
  method?: 'local' | 'remote';
  idToken?: IdTokenParam;
  transactionId?: string;
  txEnded: boolean;
  energy: boolean;
  stopAuthorized: boolean;
  postSession: boolean;
  disconnected: boolean;
  /** Journal index where the stop was authorized. */
  stopFrom?: number;
}

const sessions = new WeakMap<TestContext, Map<number, EvseSession>>();
/** EVSEs the states drove an EV into and did not drive out of (the journal cannot show it). */
const parkedEvses = new Set<number>();

function sessionOf(ctx: TestContext, evseId: number): EvseSession {
  let byEvse = sessions.get(ctx);
  if (!byEvse) {
    byEvse = new Map<number, EvseSession>();
    sessions.set(ctx, byEvse);
  }
  let s = byEvse.get(evseId);
  if (!s) {
    s = { parked: parkedEvses.has(evseId), evConnected: false, authorized: false, txEnded: false, energy: false, stopAuthorized: false, postSession: false, disconnected: false };
    byEvse.set(evseId, s);
  }
  return s;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function obj(v: unknown): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function targetOf(ctx: TestContext, params: Record<string, unknown>): Target {
  const token = obj(params['idToken']);
  const idToken: IdTokenParam =
    token && typeof token['idToken'] === 'string' ? { idToken: token['idToken'], type: str(token['type']) ?? ctx.config.idTokens.valid.type } : ctx.config.idTokens.valid;
  const configured = (name: string): 'local' | 'remote' | undefined => {
    const v = params[name] ?? ctx.config.extra[name === 'method' ? 'authorizationMethod' : 'stopMethod'];
    return v === 'local' || v === 'remote' ? v : undefined;
  };
  const method = configured('method') ?? 'local';
  return {
    evseId: num(params['evseId']) ?? ctx.config.evseId,
    connectorId: num(params['connectorId']) ?? ctx.config.connectorId,
    idToken,
    method,
    stopMethod: configured('stopMethod') ?? (params['method'] === 'remote' ? 'remote' : 'local'),
  };
}

const frames = (c: ObservedCall): number[] => (c.frameSeq === undefined ? [] : [c.frameSeq]);
const txInfo = (c: ObservedCall): JsonObject => obj(c.payload['transactionInfo']) ?? {};

// ---- journal reading ----------------------------------------------------------------------

function callsIn(entries: readonly JournalEntry[], action?: string): CallInEntry[] {
  return entries.filter((e): e is CallInEntry => e.kind === 'callIn' && (action === undefined || e.action === action));
}
function callsOut(entries: readonly JournalEntry[], action: string): CallOutEntry[] {
  return entries.filter((e): e is CallOutEntry => e.kind === 'callOut' && e.action === action);
}
function resultOf(entries: readonly JournalEntry[], messageId: string, kind: 'resultIn' | 'resultOut'): JsonObject | undefined {
  const r = entries.find((e): e is ResultEntry => e.kind === kind && e.messageId === messageId);
  return r?.payload;
}

/** Connector status changes the station reported: StatusNotification or NotifyEvent AvailabilityState. */
function statusReports(entries: readonly JournalEntry[]): Array<{ index: number; evseId: number; connectorId: number; status: string }> {
  const out: Array<{ index: number; evseId: number; connectorId: number; status: string }> = [];
  for (const e of callsIn(entries)) {
    if (e.action === 'StatusNotification') {
      const evseId = num(e.payload['evseId']);
      const connectorId = num(e.payload['connectorId']);
      const status = str(e.payload['connectorStatus']);
      if (evseId !== undefined && connectorId !== undefined && status) out.push({ index: e.index, evseId, connectorId, status });
    } else if (e.action === 'NotifyEvent') {
      const data = Array.isArray(e.payload['eventData']) ? (e.payload['eventData'] as unknown[]) : [];
      for (const d of data.map(obj)) {
        const component = obj(d?.['component']);
        const variable = obj(d?.['variable']);
        const evse = obj(component?.['evse']);
        if (component?.['name'] !== 'Connector' || variable?.['name'] !== 'AvailabilityState' || !evse) continue;
        const evseId = num(evse['id']);
        const connectorId = num(evse['connectorId']);
        const status = str(d?.['actualValue']);
        if (evseId !== undefined && connectorId !== undefined && status) out.push({ index: e.index, evseId, connectorId, status });
      }
    }
  }
  return out;
}

/** Last reported status per "evseId/connectorId". */
function lastStatuses(entries: readonly JournalEntry[]): Map<string, { evseId: number; connectorId: number; status: string; index: number }> {
  const map = new Map<string, { evseId: number; connectorId: number; status: string; index: number }>();
  for (const r of statusReports(entries)) map.set(`${r.evseId}/${r.connectorId}`, r);
  return map;
}

interface TxTrack {
  id: string;
  evseId?: number;
  ended: boolean;
  lastIndex: number;
  /** Index of the first event carrying an idToken. */
  tokenIndex?: number;
}
function transactions(entries: readonly JournalEntry[]): Map<string, TxTrack> {
  const map = new Map<string, TxTrack>();
  for (const e of callsIn(entries, 'TransactionEvent')) {
    const id = str(obj(e.payload['transactionInfo'])?.['transactionId']);
    if (!id) continue;
    const t: TxTrack = map.get(id) ?? { id, ended: false, lastIndex: e.index };
    const evseId = num(obj(e.payload['evse'])?.['id']);
    if (evseId !== undefined) t.evseId = evseId;
    if (e.payload['eventType'] === 'Ended') t.ended = true;
    if (e.payload['idToken'] !== undefined && t.tokenIndex === undefined) t.tokenIndex = e.index;
    t.lastIndex = e.index;
    map.set(id, t);
  }
  return map;
}

/** The journal index the next entry will get (journal() starts at the case, indexes are global). */
export function journalEnd(ctx: TestContext): number {
  const last = ctx.journal().at(-1);
  return last ? Math.max(last.index + 1, ctx.cursor()) : ctx.cursor();
}

/** The transaction the station reported as running on `evseId` in this case, if any. */
export function openTransactionId(ctx: TestContext, evseId = ctx.config.evseId): string | undefined {
  const open = [...transactions(ctx.journal()).values()].filter((t) => !t.ended && (t.evseId === undefined || t.evseId === evseId));
  return open.at(-1)?.id;
}

/** Refresh the session from what the station reported so far in the case. */
function syncFromJournal(ctx: TestContext, t: Target, s: EvseSession): void {
  const entries = ctx.journal();
  const status = lastStatuses(entries).get(`${t.evseId}/${t.connectorId}`);
  if (status) s.evConnected = status.status === 'Occupied';
  const txs = [...transactions(entries).values()].filter((x) => x.evseId === undefined || x.evseId === t.evseId);
  const last = txs.at(-1);
  if (last) {
    s.transactionId = last.id;
    s.txEnded = last.ended;
  }
}

/**
 * Part 6 §2.1 "Charging Station is Accepted by the CSMS", for a case that may run first: when the
 * station connected during this case, wait until its BootNotification was answered Accepted and its
 * start-up messages are through (a reconnection without a new boot: at most a message timeout).
 */
export async function stationReady(ctx: TestContext, options: { moveCursor?: boolean } = {}): Promise<void> {
  await ctx.peer();
  const connected = ctx.journal().findLast((e) => e.kind === 'connected');
  if (!connected) return;
  const boot = await waitFor(ctx, connected.index, ctx.config.messageTimeoutMs, (e) => e.action === 'BootNotification');
  if (!boot) return;
  const until = ctx.clock.monoMs() + ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs;
  while (!ctx.journal().some((e) => e.kind === 'resultOut' && e.action === 'BootNotification' && e.index > connected.index && e.payload['status'] === 'Accepted')) {
    if (ctx.clock.monoMs() >= until) ctx.inconclusive('the station connected but its BootNotification was not accepted in time');
    await ctx.sleep(20);
  }
  await waitQuiet(ctx, 300, ctx.config.messageTimeoutMs);
  if (options.moveCursor !== false) ctx.setCursor(journalEnd(ctx));
}

// ---- expectations shared by states and cases -------------------------------------------------

/**
 * Wait for the station to report `status` for the connector, by StatusNotification or by NotifyEvent
 * (component Connector, variable AvailabilityState), searching from `from` (default: the cursor).
 */
export async function expectConnectorStatus(
  ctx: TestContext,
  status: string,
  where: { evseId: number; connectorId?: number },
  options: { from?: number; withinMs?: number } = {},
): Promise<ObservedCall> {
  const from = options.from ?? ctx.cursor();
  const windowMs = options.withinMs ?? ctx.config.messageTimeoutMs;
  const deadline = ctx.clock.monoMs() + windowMs;
  const fits = (r: { evseId: number; connectorId: number; status: string }): boolean =>
    r.status === status && r.evseId === where.evseId && (where.connectorId === undefined ? r.connectorId !== 0 : r.connectorId === where.connectorId);
  const where_ = `evseId ${where.evseId}${where.connectorId === undefined ? '' : `, connectorId ${where.connectorId}`}`;
  const describe = `connectorStatus ${status} for ${where_} (StatusNotification, or NotifyEvent Connector.AvailabilityState)`;
  for (;;) {
    const hit = statusReports(ctx.journal().filter((e) => e.index >= from)).find(fits);
    if (hit) {
      const entry = ctx.journal().find((e) => e.index === hit.index) as CallInEntry;
      const match = entry.action === 'StatusNotification'
        ? { connectorStatus: status, evseId: hit.evseId, connectorId: hit.connectorId }
        : (p: JsonObject): boolean => statusReports([{ ...entry, payload: p }]).some(fits);
      return ctx.expectCall(entry.action, { from: hit.index, withinMs: 0, windowMs, match, describe });
    }
    if (ctx.clock.monoMs() >= deadline) {
      return ctx.expectCall('StatusNotification', { from, withinMs: 0, windowMs, match: () => false, describe });
    }
    await ctx.sleep(20);
  }
}

/** The next TransactionEvent (from `from`) matching, recorded like expectCall. */
function expectTxEvent(ctx: TestContext, from: number, describe: string, match?: (p: JsonObject) => boolean, withinMs?: number): Promise<ObservedCall> {
  return ctx.expectCall('TransactionEvent', { from, describe, ...(match ? { match } : {}), ...(withinMs === undefined ? {} : { withinMs }) });
}

function checkIdToken(ctx: TestContext, call: ObservedCall, token: IdTokenParam, what: string): void {
  const got = obj(call.payload['idToken']);
  ctx.check(`${what}: idToken.idToken`, got?.['idToken'] === token.idToken, { expected: token.idToken, actual: got?.['idToken'] ?? 'absent', frames: frames(call) });
  ctx.check(`${what}: idToken.type`, got?.['type'] === token.type, { expected: token.type, actual: got?.['type'] ?? 'absent', frames: frames(call) });
}

function checkOneOf(ctx: TestContext, call: ObservedCall, what: string, actual: unknown, allowed: readonly string[]): void {
  ctx.check(what, typeof actual === 'string' && allowed.includes(actual), { expected: allowed.join(' or '), actual: actual ?? 'absent', frames: frames(call) });
}

// ---- station settings ---------------------------------------------------------------------

export interface TxSettings {
  startPoints: string[];
  stopPoints: string[];
  authorizeRemoteStart: boolean;
  localPreAuthorize: boolean;
  authEnabled: boolean;
}

const readVars: Array<[string, string, string]> = [
  ['TxCtrlr', 'TxStartPoint', 'PowerPathClosed'],
  ['TxCtrlr', 'TxStopPoint', 'EVConnected,Authorized'],
  ['AuthCtrlr', 'AuthorizeRemoteStart', 'false'],
  ['AuthCtrlr', 'LocalPreAuthorize', 'false'],
  ['AuthCtrlr', 'Enabled', 'true'],
];

/** Read the settings that decide which TransactionEvents a state must expect (one GetVariables). */
export async function txSettings(ctx: TestContext): Promise<TxSettings> {
  const values = await getVariables(ctx, readVars.map(([component, variable]) => ({ component, variable })));
  const v = (i: number): string => values[i] ?? readVars[i]?.[2] ?? '';
  const list = (x: string): string[] => x.split(',').map((p) => p.trim()).filter((p) => p !== '');
  return {
    startPoints: list(v(0)),
    stopPoints: list(v(1)),
    authorizeRemoteStart: v(2) === 'true',
    localPreAuthorize: v(3) === 'true',
    authEnabled: v(4) !== 'false',
  };
}

export interface VariableRef {
  component: string;
  variable: string;
  instance?: string;
  evse?: { id: number; connectorId?: number };
}

const keyOf = (r: VariableRef): string =>
  `${r.component}${r.evse ? `[${r.evse.id}${r.evse.connectorId === undefined ? '' : `/${r.evse.connectorId}`}]` : ''}.${r.variable}${r.instance ? `.${r.instance}` : ''}`;

function refPayload(r: VariableRef): JsonObject {
  return {
    component: { name: r.component, ...(r.evse ? { evse: { id: r.evse.id, ...(r.evse.connectorId === undefined ? {} : { connectorId: r.evse.connectorId }) } } : {}) },
    variable: { name: r.variable, ...(r.instance ? { instance: r.instance } : {}) },
  };
}

function refOf(d: JsonObject | undefined): VariableRef | undefined {
  const c = obj(d?.['component']);
  const v = obj(d?.['variable']);
  const component = str(c?.['name']);
  const variable = str(v?.['name']);
  if (!component || !variable) return undefined;
  const evse = obj(c?.['evse']);
  const evseId = num(evse?.['id']);
  const connectorId = num(evse?.['connectorId']);
  const instance = str(v?.['instance']);
  return { component, variable, ...(instance ? { instance } : {}), ...(evseId === undefined ? {} : { evse: { id: evseId, ...(connectorId === undefined ? {} : { connectorId }) } }) };
}

/** Actual values (undefined where the station did not answer Accepted). Not a test step: no verdict. */
async function getVariables(ctx: TestContext, refs: VariableRef[]): Promise<Array<string | undefined>> {
  const out = await ctx.call('GetVariables', { getVariableData: refs.map(refPayload) });
  if (out.status !== 'result') return refs.map(() => undefined);
  const results = Array.isArray(out.payload['getVariableResult']) ? (out.payload['getVariableResult'] as unknown[]).map(obj) : [];
  return refs.map((r) => {
    const hit = results.find((x) => {
      const ref = refOf(x);
      return ref !== undefined && keyOf(ref) === keyOf(r);
    });
    return hit?.['attributeStatus'] === 'Accepted' ? str(hit['attributeValue']) ?? '' : undefined;
  });
}

/**
 * Part 6 "Before – Configuration State": bring variables to the values a case needs. Reads them
 * first (so the restore can put the originals back) and sets only those that differ. A variable the
 * station does not know is skipped when `ifImplemented` (Part 6 "(If implemented)"), otherwise the
 * case is inconclusive: the precondition could not be met.
 */
export async function prepareVariables(ctx: TestContext, wanted: Array<VariableRef & { value: string; ifImplemented?: boolean }>): Promise<void> {
  if (wanted.length === 0) return;
  const current = await getVariables(ctx, wanted);
  const toSet = wanted.filter((w, i) => current[i] !== w.value && !(current[i] === undefined && w.ifImplemented));
  if (toSet.length === 0) return;
  const out = await ctx.call('SetVariables', { setVariableData: toSet.map((w) => ({ attributeValue: w.value, ...refPayload(w) })) });
  if (out.status !== 'result') ctx.inconclusive(`could not set the configuration the case needs: SetVariables got no result`);
  const results = Array.isArray(out.payload['setVariableResult']) ? (out.payload['setVariableResult'] as unknown[]).map(obj) : [];
  for (const w of toSet) {
    const r = results.find((x) => {
      const ref = refOf(x);
      return ref !== undefined && keyOf(ref) === keyOf(w);
    });
    const status = str(r?.['attributeStatus']);
    if (status === 'Accepted') continue;
    if (w.ifImplemented && (status === 'UnknownComponent' || status === 'UnknownVariable' || status === 'Rejected')) continue;
    ctx.inconclusive(`could not set ${keyOf(w)} to "${w.value}" for the case's preconditions: ${status ?? 'no result'}`);
  }
}

// ---- the states ---------------------------------------------------------------------------

async function booted(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const from = journalEnd(ctx);
  if (params['via'] === 'reset') {
    await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
  } else {
    await ctx.dut('powerCycle');
  }
  const boot = await ctx.expectCall('BootNotification', { from, withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs });
  // Step 5: every connector reports Available (evseId / connectorId not 0); step 7: a security event.
  for (let evseId = 1; evseId <= ctx.config.numberOfEvses; evseId++) {
    await expectConnectorStatus(ctx, 'Available', { evseId, ...(evseId === ctx.config.evseId ? { connectorId: ctx.config.connectorId } : {}) }, { from: boot.index });
  }
  const security = await ctx.expectCall('SecurityEventNotification', { from: boot.index, describe: 'a SecurityEventNotification after the boot' });
  checkOneOf(ctx, security, 'SecurityEventNotification type', security.payload['type'], ['StartupOfTheDevice', 'ResetOrReboot']);
  sessions.delete(ctx);
  parkedEvses.clear();
}

async function parkingBayOccupied(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  const settings = await txSettings(ctx);
  // Part 6: optional; we drive in when the station starts transactions on bay occupancy, or when asked.
  const wanted = params['parkingBay'] === true || (settings.startPoints.includes('ParkingBayOccupancy') && ctx.config.extra['parkingBaySensor'] !== false);
  if (!wanted || s.parked) return;
  const from = journalEnd(ctx);
  await ctx.dut('driveIn', { evseId: t.evseId });
  s.parked = true;
  parkedEvses.add(t.evseId);
  if (!settings.startPoints.includes('ParkingBayOccupancy') && s.transactionId === undefined) return;
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the EV entered the bay');
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVDetected', { expected: 'EVDetected', actual: te.payload['triggerReason'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = false;
}

async function evConnectedPreSession(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.parked) await ctx.state('ParkingBayOccupied', params);
  const settings = await txSettings(ctx);
  const txBefore = s.transactionId !== undefined && !s.txEnded;
  const from = journalEnd(ctx);
  await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
  await expectConnectorStatus(ctx, 'Occupied', t, { from });
  s.evConnected = true;
  s.disconnected = false;
  const startsNow = settings.startPoints.includes('EVConnected') || (s.authorized && settings.startPoints.some((p) => p === 'PowerPathClosed' || p === 'EnergyTransfer'));
  if (!txBefore && !startsNow) return;
  const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the cable was plugged in');
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === (txBefore ? 'Updated' : 'Started'), { expected: txBefore ? 'Updated' : 'Started', actual: te.payload['eventType'], frames: frames(te) });
  checkOneOf(ctx, te, 'TransactionEvent triggerReason', te.payload['triggerReason'], ['CablePluggedIn', 'ChargingStateChanged', 'RemoteStart']);
  checkOneOf(ctx, te, 'TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'], s.authorized ? ['EVConnected', 'SuspendedEVSE', 'Charging'] : ['EVConnected']);
  const evse = obj(te.payload['evse']);
  ctx.check('TransactionEvent evse.id', evse?.['id'] === t.evseId, { expected: t.evseId, actual: evse?.['id'] ?? 'absent', frames: frames(te) });
  ctx.check('TransactionEvent evse.connectorId', evse?.['connectorId'] === t.connectorId, { expected: t.connectorId, actual: evse?.['connectorId'] ?? 'absent', frames: frames(te) });
  if (txBefore) ctx.check('TransactionEvent transactionId', txInfo(te)['transactionId'] === s.transactionId, { expected: s.transactionId, actual: txInfo(te)['transactionId'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = te.payload['eventType'] === 'Ended';
}

async function authorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await stationReady(ctx, { moveCursor: false });
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.parked && !s.evConnected) await ctx.state('ParkingBayOccupied', params);
  const settings = await txSettings(ctx);
  const txBefore = s.transactionId !== undefined && !s.txEnded;
  const startsNow = settings.startPoints.includes('Authorized') || (s.evConnected && settings.startPoints.some((p) => p === 'PowerPathClosed' || p === 'EnergyTransfer'));
  const from = journalEnd(ctx);
  if (t.method === 'local') {
    await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: t.idToken.idToken, type: t.idToken.type });
    if (settings.authEnabled && !settings.localPreAuthorize && params['expectAuthorize'] !== false) {
      const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the presented idToken' });
      checkIdToken(ctx, auth, t.idToken, 'Authorize');
    }
  } else {
    const remoteStartId = Math.floor(Math.random() * 1_000_000) + 1;
    const res = await ctx.callExpect(
      'RequestStartTransaction',
      { idToken: { idToken: t.idToken.idToken, type: t.idToken.type }, evseId: t.evseId, remoteStartId },
      { match: { status: 'Accepted' } },
    );
    if (txBefore) ctx.check('RequestStartTransactionResponse transactionId', res['transactionId'] === s.transactionId, { expected: s.transactionId, actual: res['transactionId'] ?? 'absent' });
    if (settings.authorizeRemoteStart && settings.authEnabled && params['expectAuthorize'] !== false) {
      const auth = await ctx.expectCall('Authorize', { from, describe: 'an Authorize for the remote start idToken (AuthorizeRemoteStart is true)' });
      checkIdToken(ctx, auth, t.idToken, 'Authorize');
    }
    params = { ...params, remoteStartId };
  }
  s.authorized = true;
  s.method = t.method;
  s.idToken = t.idToken;
  s.stopAuthorized = false;
  s.postSession = false;
  if (!txBefore && !startsNow) return;
  const te = await expectTxEvent(ctx, from, 'the first TransactionEvent after the authorization', (p) => p['idToken'] !== undefined);
  checkIdToken(ctx, te, t.idToken, 'TransactionEvent');
  if (t.method === 'local') {
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'Authorized', { expected: 'Authorized', actual: te.payload['triggerReason'], frames: frames(te) });
  } else {
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'RemoteStart', { expected: 'RemoteStart', actual: te.payload['triggerReason'], frames: frames(te) });
    ctx.check('TransactionEvent transactionInfo.remoteStartId', txInfo(te)['remoteStartId'] === params['remoteStartId'], { expected: params['remoteStartId'], actual: txInfo(te)['remoteStartId'] ?? 'absent', frames: frames(te) });
  }
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === (txBefore ? 'Updated' : 'Started'), { expected: txBefore ? 'Updated' : 'Started', actual: te.payload['eventType'], frames: frames(te) });
  s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
  s.txEnded = false;
}

async function energyTransferStarted(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.authorized) await ctx.state('Authorized', params);
  // The cursor, not "now": the Charging event may have come during the nested Authorized state.
  const from = ctx.cursor();
  if (!s.evConnected) {
    // Part 1: plug in.
    const settings = await txSettings(ctx);
    const txBefore = s.transactionId !== undefined && !s.txEnded;
    const plugFrom = journalEnd(ctx);
    await ctx.dut('plugIn', { evseId: t.evseId, connectorId: t.connectorId });
    await expectConnectorStatus(ctx, 'Occupied', t, { from: plugFrom });
    s.evConnected = true;
    s.disconnected = false;
    const startsNow = settings.startPoints.some((p) => p === 'EVConnected' || p === 'PowerPathClosed' || p === 'EnergyTransfer');
    if (txBefore || startsNow) {
      const te = await expectTxEvent(ctx, plugFrom, 'the first TransactionEvent after the cable was plugged in');
      // Part 6 §2.1: the first event after a RequestStartTransaction carries RemoteStart instead.
      const remoteFirst = s.method === 'remote' && !txBefore;
      checkOneOf(ctx, te, 'TransactionEvent triggerReason', te.payload['triggerReason'], remoteFirst ? ['CablePluggedIn', 'RemoteStart'] : ['CablePluggedIn']);
      ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'] === 'EVConnected', { expected: 'EVConnected', actual: txInfo(te)['chargingState'], frames: frames(te) });
      s.transactionId = str(txInfo(te)['transactionId']) ?? s.transactionId;
      s.txEnded = false;
    }
  }
  // Part 2: the energy transfer starts (an optional SuspendedEVSE event may come first).
  const charging = await expectTxEvent(ctx, from, 'a TransactionEvent with chargingState Charging', (p) => obj(p['transactionInfo'])?.['chargingState'] === 'Charging');
  ctx.check('TransactionEvent triggerReason', charging.payload['triggerReason'] === 'ChargingStateChanged' || (s.method === 'remote' && charging.payload['triggerReason'] === 'RemoteStart' && charging.payload['eventType'] === 'Started'), {
    expected: 'ChargingStateChanged',
    actual: charging.payload['triggerReason'],
    frames: frames(charging),
  });
  s.transactionId = str(txInfo(charging)['transactionId']) ?? s.transactionId;
  s.txEnded = charging.payload['eventType'] === 'Ended';
  s.energy = true;
}

async function energyTransferSuspended(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.energy) await ctx.state('EnergyTransferStarted', params);
  await waitTransactionDuration(ctx, params);
  const from = journalEnd(ctx);
  await ctx.dut('suspendEnergyTransfer', { evseId: t.evseId });
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent for the suspended energy transfer');
  const state = txInfo(te)['chargingState'];
  checkOneOf(ctx, te, 'TransactionEvent eventType', te.payload['eventType'], ['Updated', 'Ended']);
  checkOneOf(ctx, te, 'TransactionEvent transactionInfo.chargingState', state, ['EVConnected', 'SuspendedEV']);
  if (state === 'SuspendedEV') ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'ChargingStateChanged', { expected: 'ChargingStateChanged', actual: te.payload['triggerReason'], frames: frames(te) });
  if (te.payload['eventType'] === 'Ended') {
    ctx.check('TransactionEvent transactionInfo.stoppedReason', txInfo(te)['stoppedReason'] === 'StoppedByEV', { expected: 'StoppedByEV', actual: txInfo(te)['stoppedReason'] ?? 'absent', frames: frames(te) });
    s.txEnded = true;
  }
  s.energy = false;
}

async function waitTransactionDuration(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const seconds = num(params['transactionDurationS']) ?? num(ctx.config.extra['transactionDurationS']) ?? 0;
  if (seconds > 0) await ctx.sleep(seconds * 1000);
}

async function stopAuthorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  syncFromJournal(ctx, t, s);
  if (!s.energy) await ctx.state('EnergyTransferStarted', params);
  await waitTransactionDuration(ctx, params);
  const settings = await txSettings(ctx);
  const endsNow = settings.stopPoints.some((p) => p === 'Authorized' || p === 'PowerPathClosed' || p === 'EnergyTransfer') || !s.evConnected;
  const from = journalEnd(ctx);
  if (t.stopMethod === 'local') {
    const token = s.idToken ?? t.idToken;
    await ctx.dut('presentIdToken', { evseId: t.evseId, idToken: token.idToken, type: token.type });
    const last = await expectTxEvent(ctx, from, `a TransactionEvent with triggerReason ChargingStateChanged${endsNow ? ' ending the transaction' : ''}`, (p) => p['triggerReason'] === 'ChargingStateChanged' && (!endsNow || p['eventType'] === 'Ended'));
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(last)['chargingState'] === 'EVConnected' || (!s.evConnected && txInfo(last)['chargingState'] === 'Idle'), { expected: 'EVConnected', actual: txInfo(last)['chargingState'], frames: frames(last) });
    if (endsNow) {
      ctx.check('TransactionEvent eventType', last.payload['eventType'] === 'Ended', { expected: 'Ended', actual: last.payload['eventType'], frames: frames(last) });
      const reason = txInfo(last)['stoppedReason'];
      ctx.check('TransactionEvent transactionInfo.stoppedReason', reason === undefined || reason === 'Local', { expected: 'Local or omitted', actual: reason ?? 'omitted', frames: frames(last) });
    }
    // Step 1 is optional: when sent, it says StopAuthorized and carries the same idToken (or none).
    const stopEvent = callsIn(ctx.journal(), 'TransactionEvent').find((e) => e.index >= from && e.index < last.index && e.payload['triggerReason'] === 'StopAuthorized');
    if (stopEvent) {
      const got = obj(stopEvent.payload['idToken']);
      ctx.check('StopAuthorized TransactionEvent idToken', got === undefined || (got['idToken'] === token.idToken && got['type'] === token.type), {
        expected: `omitted or ${token.idToken} / ${token.type}`,
        actual: got ?? 'omitted',
        ...(stopEvent.frameSeq === undefined ? {} : { frames: [stopEvent.frameSeq] }),
      });
    }
    s.txEnded = last.payload['eventType'] === 'Ended';
  } else {
    const transactionId = s.transactionId ?? openTransactionId(ctx, t.evseId);
    if (!transactionId) ctx.fail('no transaction to stop: the station reported no transactionId on this EVSE');
    await ctx.callExpect('RequestStopTransaction', { transactionId }, { match: { status: 'Accepted' } });
    const te = await expectTxEvent(ctx, from, 'the TransactionEvent for the remote stop', (p) => obj(p['transactionInfo'])?.['transactionId'] === transactionId);
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'RemoteStop', { expected: 'RemoteStop', actual: te.payload['triggerReason'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.stopAuthorized = true;
  s.authorized = false;
  s.energy = false;
  s.stopFrom = from;
}

async function evConnectedPostSession(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.stopAuthorized) await ctx.state('StopAuthorized', params);
  // Step 1 only when the stop did not already report the EV as connected without energy (or end it).
  const since = s.stopFrom ?? ctx.cursor();
  const reported = callsIn(ctx.journal(), 'TransactionEvent').some((e) => e.index >= since && (e.payload['eventType'] === 'Ended' || obj(e.payload['transactionInfo'])?.['chargingState'] === 'EVConnected'));
  if (!s.txEnded && !reported) {
    const te = await expectTxEvent(ctx, since, 'a TransactionEvent with chargingState EVConnected', (p) => p['triggerReason'] === 'ChargingStateChanged');
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'] === 'EVConnected', { expected: 'EVConnected', actual: txInfo(te)['chargingState'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.postSession = true;
}

async function evDisconnected(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.postSession) await ctx.state('EVConnectedPostSession', params);
  const from = journalEnd(ctx);
  await ctx.dut('unplug', { evseId: t.evseId, connectorId: t.connectorId });
  await expectConnectorStatus(ctx, 'Available', t, { from });
  if (!s.txEnded) {
    const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the cable was unplugged');
    ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVCommunicationLost', { expected: 'EVCommunicationLost', actual: te.payload['triggerReason'], frames: frames(te) });
    ctx.check('TransactionEvent transactionInfo.chargingState', txInfo(te)['chargingState'] === 'Idle', { expected: 'Idle', actual: txInfo(te)['chargingState'], frames: frames(te) });
    s.txEnded = te.payload['eventType'] === 'Ended';
  }
  s.evConnected = false;
  s.disconnected = true;
}

async function parkingBayUnoccupied(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const s = sessionOf(ctx, t.evseId);
  if (!s.disconnected) await ctx.state('EVDisconnected', params);
  if (!s.parked) return;
  const settings = await txSettings(ctx);
  const from = journalEnd(ctx);
  await ctx.dut('driveOut', { evseId: t.evseId });
  s.parked = false;
  parkedEvses.delete(t.evseId);
  if (s.txEnded || !settings.stopPoints.includes('ParkingBayOccupancy')) return;
  const te = await expectTxEvent(ctx, from, 'a TransactionEvent after the EV left the bay');
  ctx.check('TransactionEvent triggerReason', te.payload['triggerReason'] === 'EVDeparted', { expected: 'EVDeparted', actual: te.payload['triggerReason'], frames: frames(te) });
  ctx.check('TransactionEvent eventType', te.payload['eventType'] === 'Ended', { expected: 'Ended', actual: te.payload['eventType'], frames: frames(te) });
  const expected = t.stopMethod === 'remote' ? 'Remote' : 'Local';
  ctx.check('TransactionEvent transactionInfo.stoppedReason', txInfo(te)['stoppedReason'] === expected, { expected, actual: txInfo(te)['stoppedReason'] ?? 'absent', frames: frames(te) });
  s.txEnded = true;
}

async function unavailable(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const scope = params['scope'] === 'station' ? 'station' : params['scope'] === 'evse' ? 'evse' : 'connector';
  const evse = scope === 'station' ? undefined : { id: t.evseId, ...(scope === 'connector' ? { connectorId: t.connectorId } : {}) };
  const from = journalEnd(ctx);
  await ctx.callExpect('ChangeAvailability', { operationalStatus: 'Inoperative', ...(evse ? { evse } : {}) }, { match: { status: 'Accepted' } });
  const evses = scope === 'station' ? Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1) : [t.evseId];
  for (const evseId of evses) await expectConnectorStatus(ctx, 'Unavailable', { evseId, ...(evseId === t.evseId ? { connectorId: t.connectorId } : {}) }, { from });
}

async function reserved(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const id = num(params['reservationId']) ?? Math.floor(Math.random() * 1_000_000) + 1;
  const from = journalEnd(ctx);
  const expiryDateTime = new Date(ctx.clock.wallMs() + 3_600_000).toISOString();
  await ctx.callExpect('ReserveNow', { id, expiryDateTime, idToken: { ...t.idToken }, evseId: t.evseId }, { match: { status: 'Accepted' } });
  await expectConnectorStatus(ctx, 'Reserved', t, { from });
}

async function booting(ctx: TestContext): Promise<void> {
  await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
}

/** Memory state IdTokenLocalAuthList: the valid idToken in a Full local list. */
async function idTokenLocalAuthList(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const t = targetOf(ctx, params);
  const versionNumber = num(params['versionNumber']) ?? 1;
  await ctx.callExpect(
    'SendLocalList',
    { versionNumber, updateType: 'Full', localAuthorizationList: [{ idToken: { ...t.idToken }, idTokenInfo: { status: 'Accepted' } }] },
    { match: { status: 'Accepted' } },
  );
}

/** Memory state IdTokenCached: one accepted session with the idToken (the cache learns it). */
async function idTokenCached(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const p = { ...params, method: 'local' };
  await ctx.state('ParkingBayOccupied', p);
  await ctx.state('Authorized', p);
  await ctx.state('EVConnectedPreSession', p);
  await ctx.state('ParkingBayUnoccupied', p);
}

// ---- restore (§2.1 general preconditions) -----------------------------------------------------

/** Values seen before any change in earlier cases: what the station had under the general preconditions. */
const learned = new Map<string, string>();

/**
 * Values the reference configuration uses when a case changed a variable without reading it first.
 * A real station can give its own in the config file: `extra.defaultVariables: { "TxCtrlr.TxStartPoint": "…" }`.
 */
function knownDefault(ctx: TestContext, key: string): string | undefined {
  const extra = obj(ctx.config.extra['defaultVariables']);
  const given = str(extra?.[key]);
  if (given !== undefined) return given;
  const builtIn: Record<string, string> = {
    'OCPPCommCtrlr.HeartbeatInterval': String(ctx.config.heartbeatIntervalS),
    'AuthCtrlr.LocalPreAuthorize': 'false',
    'AuthCtrlr.Enabled': 'true',
    'AuthCtrlr.DisableRemoteAuthorization': 'false',
  };
  return builtIn[key];
}

async function waitQuiet(ctx: TestContext, quietMs: number, maxMs: number): Promise<void> {
  const until = ctx.clock.monoMs() + maxMs;
  for (;;) {
    const last = callsIn(ctx.journal()).at(-1);
    const now = ctx.clock.monoMs();
    if (!last || now - last.monoMs >= quietMs || now >= until) return;
    await ctx.sleep(Math.min(quietMs, 50));
  }
}

/** Wait (no verdict) for a CALL from the station matching, from journal index `from`. */
async function waitFor(ctx: TestContext, from: number, withinMs: number, pred: (e: CallInEntry) => boolean): Promise<CallInEntry | undefined> {
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    const hit = callsIn(ctx.journal()).find((e) => e.index >= from && pred(e));
    if (hit) return hit;
    if (ctx.clock.monoMs() >= until) return undefined;
    await ctx.sleep(20);
  }
}

function bootAccepted(entries: readonly JournalEntry[]): { lastBoot?: CallInEntry; accepted: boolean; retryMs: number } {
  const boots = callsIn(entries, 'BootNotification');
  const lastBoot = boots.at(-1);
  if (!lastBoot) return { accepted: true, retryMs: 0 };
  const res = resultOf(entries, lastBoot.messageId, 'resultOut');
  return { lastBoot, accepted: res?.['status'] === 'Accepted', retryMs: (num(res?.['interval']) ?? 0) * 1000 };
}

async function restore(ctx: TestContext): Promise<void> {
  const long = ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs;
  await ctx.peer();
  let entries = ctx.journal();

  // 1. Accepted by the CSMS: a reboot still under way, or a registration left Pending/Rejected.
  const resets = callsOut(entries, 'Reset').filter((c) => ['Accepted', 'Scheduled'].includes(str(resultOf(entries, c.messageId, 'resultIn')?.['status']) ?? ''));
  const boot = bootAccepted(entries);
  const rebootPending = resets.some((r) => r.index > (boot.lastBoot?.index ?? -1)) && resets.some((r) => resultOf(entries, r.messageId, 'resultIn')?.['status'] === 'Accepted');
  if (!boot.accepted || rebootPending) {
    if (!boot.accepted && boot.lastBoot && resultOf(entries, boot.lastBoot.messageId, 'resultOut')?.['status'] === 'Pending') {
      await ctx.call('TriggerMessage', { requestedMessage: 'BootNotification' });
    }
    const from = (boot.lastBoot?.index ?? -1) + 1;
    const next = await waitFor(ctx, from, boot.retryMs + long, (e) => e.action === 'BootNotification');
    if (!next) throw new Error('the station did not boot again (no BootNotification accepted)');
    await waitQuiet(ctx, 500, ctx.config.messageTimeoutMs);
    entries = ctx.journal();
  }

  // 2. Faults, transactions, cable, parking, availability.
  const statuses = lastStatuses(entries);
  for (const st of statuses.values()) {
    if (st.status === 'Faulted') await ctx.dut('clearFault', { evseId: st.evseId, connectorId: st.connectorId });
  }
  const sinceBoot = bootAccepted(entries).lastBoot?.index ?? -1;
  const txs = transactions(entries);
  const authorizedAt = [
    ...callsIn(entries, 'Authorize').filter((a) => obj(resultOf(entries, a.messageId, 'resultOut')?.['idTokenInfo'])?.['status'] === 'Accepted').map((a) => a.index),
    ...callsOut(entries, 'RequestStartTransaction').filter((c) => resultOf(entries, c.messageId, 'resultIn')?.['status'] === 'Accepted').map((c) => c.index),
  ].filter((i) => i > sinceBoot);
  const lastAuth = Math.max(-1, ...authorizedAt);
  const lastTokenEvent = Math.max(-1, ...[...txs.values()].map((t) => t.tokenIndex ?? -1), ...callsIn(entries, 'TransactionEvent').filter((e) => ['EVConnectTimeout', 'Deauthorized'].includes(str(e.payload['triggerReason']) ?? '')).map((e) => e.index));
  const occupied = [...statuses.values()].filter((s) => s.status === 'Occupied');
  const evseId = ctx.config.evseId;
  const plugged = (id: number): boolean => occupied.some((s) => s.evseId === id);
  if (lastAuth > lastTokenEvent && !plugged(evseId) && [...txs.values()].every((t) => t.ended)) {
    // An authorization waiting for a cable: plug in so it becomes a transaction we can stop.
    const from = journalEnd(ctx);
    await ctx.dut('plugIn', { evseId, connectorId: ctx.config.connectorId });
    occupied.push({ evseId, connectorId: ctx.config.connectorId, status: 'Occupied', index: from });
    const te = await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => e.action === 'TransactionEvent');
    const id = str(obj(te?.payload['transactionInfo'])?.['transactionId']);
    if (te && id) txs.set(id, { id, evseId, ended: te.payload['eventType'] === 'Ended', lastIndex: te.index });
  }
  for (const tx of txs.values()) {
    if (tx.ended) continue;
    const latest = transactions(ctx.journal()).get(tx.id);
    if (latest?.ended) continue;
    const from = journalEnd(ctx);
    await ctx.call('RequestStopTransaction', { transactionId: tx.id });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => e.action === 'TransactionEvent' && obj(e.payload['transactionInfo'])?.['transactionId'] === tx.id && e.payload['eventType'] === 'Ended');
  }
  for (const st of occupied) {
    const from = journalEnd(ctx);
    await ctx.dut('unplug', { evseId: st.evseId, connectorId: st.connectorId });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => statusReports([e]).some((r) => r.evseId === st.evseId && r.status !== 'Occupied'));
  }
  for (const id of [...parkedEvses]) {
    await ctx.dut('driveOut', { evseId: id });
    parkedEvses.delete(id);
  }
  const stillOpen = [...transactions(ctx.journal()).values()].filter((t) => !t.ended);
  if (stillOpen.length > 0) {
    const from = journalEnd(ctx);
    const ended = await waitFor(ctx, from, ctx.config.messageTimeoutMs, () => [...transactions(ctx.journal()).values()].every((t) => t.ended));
    if (!ended && [...transactions(ctx.journal()).values()].some((t) => !t.ended)) throw new Error(`transaction ${stillOpen.map((t) => t.id).join(', ')} is still running`);
  }
  const inoperative = callsOut(entries, 'ChangeAvailability').filter(
    (c) => c.payload['operationalStatus'] === 'Inoperative' && ['Accepted', 'Scheduled'].includes(str(resultOf(entries, c.messageId, 'resultIn')?.['status']) ?? ''),
  );
  const unavailable = [...lastStatuses(ctx.journal()).values()].some((s) => s.status === 'Unavailable');
  if (inoperative.length > 0 || unavailable) {
    const from = journalEnd(ctx);
    await ctx.call('ChangeAvailability', { operationalStatus: 'Operative' });
    await waitFor(ctx, from, ctx.config.messageTimeoutMs, (e) => statusReports([e]).some((r) => r.status === 'Available'));
  }
  const reservations = callsOut(entries, 'ReserveNow').filter((c) => resultOf(entries, c.messageId, 'resultIn')?.['status'] === 'Accepted');
  for (const r of reservations) {
    const id = num(r.payload['id']);
    if (id !== undefined) await ctx.call('CancelReservation', { reservationId: id });
  }

  // 3. Configuration the case changed: back to the value it had before (read in the case, learned
  // earlier in the run, or a known default).
  const firstSet = new Map<string, number>();
  const changed = new Map<string, VariableRef>();
  for (const c of callsOut(entries, 'SetVariables')) {
    const res = resultOf(entries, c.messageId, 'resultIn');
    const results = Array.isArray(res?.['setVariableResult']) ? (res['setVariableResult'] as unknown[]).map(obj) : [];
    for (const r of results) {
      const ref = refOf(r);
      if (!ref || !['Accepted', 'RebootRequired'].includes(str(r?.['attributeStatus']) ?? '')) continue;
      const key = keyOf(ref);
      if (!firstSet.has(key)) firstSet.set(key, c.index);
      changed.set(key, ref);
    }
  }
  const readBefore = new Map<string, string>();
  for (const c of callsOut(entries, 'GetVariables')) {
    const res = resultOf(entries, c.messageId, 'resultIn');
    const results = Array.isArray(res?.['getVariableResult']) ? (res['getVariableResult'] as unknown[]).map(obj) : [];
    for (const r of results) {
      const ref = refOf(r);
      if (!ref || r?.['attributeStatus'] !== 'Accepted' || (r['attributeType'] !== undefined && r['attributeType'] !== 'Actual')) continue;
      const key = keyOf(ref);
      const setAt = firstSet.get(key);
      if ((setAt === undefined || c.index < setAt) && !readBefore.has(key)) readBefore.set(key, str(r['attributeValue']) ?? '');
    }
  }
  for (const [key, value] of readBefore) learned.set(key, value);
  const restoreData: JsonObject[] = [];
  for (const [key, ref] of changed) {
    const original = readBefore.get(key) ?? learned.get(key) ?? knownDefault(ctx, key);
    if (original === undefined) continue;
    restoreData.push({ attributeValue: original, ...refPayload(ref) });
  }
  for (let i = 0; i < restoreData.length; i += 10) {
    await ctx.call('SetVariables', { setVariableData: restoreData.slice(i, i + 10) });
  }
  await waitQuiet(ctx, 200, ctx.config.messageTimeoutMs);
}

export default defineStates({
  version: '2.0.1',
  sut: 'cs',
  states: {
    Booting: booting,
    Booted: booted,
    Reserved: reserved,
    Unavailable: unavailable,
    ParkingBayOccupied: parkingBayOccupied,
    EVConnectedPreSession: evConnectedPreSession,
    Authorized: authorized,
    EnergyTransferStarted: energyTransferStarted,
    EnergyTransferSuspended: energyTransferSuspended,
    StopAuthorized: stopAuthorized,
    EVConnectedPostSession: evConnectedPostSession,
    EVDisconnected: evDisconnected,
    ParkingBayUnoccupied: parkingBayUnoccupied,
    IdTokenCached: idTokenCached,
    IdTokenLocalAuthList: idTokenLocalAuthList,
  },
  restore,
});
