/**
 * What the 2.0.1 SUT = charging station states read from the journal: the per-case EVSE session
 * (how far a session got), the target of a state call, the station's CALLs and our results, and
 * the waits the states and the restore share (Part 6 §2.1 "Charging Station is Accepted").
 */
import type { JournalEntry, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

// ---- small types --------------------------------------------------------------------------

export interface IdTokenParam {
  idToken: string;
  type: string;
}
/** A CALL in the journal (the union member shared by callIn / callOut / sendIn). */
export type CallEntry = Extract<JournalEntry, { kind: 'callIn' | 'callOut' | 'sendIn' }>;
export type CallInEntry = CallEntry;
export type CallOutEntry = CallEntry;
export type ResultEntry = Extract<JournalEntry, { kind: 'resultIn' | 'resultOut' }>;

export interface Target {
  evseId: number;
  connectorId: number;
  idToken: IdTokenParam;
  method: 'local' | 'remote';
  stopMethod: 'local' | 'remote';
}

/** How far the session on one EVSE got within the current case. */
export interface EvseSession {
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
  /** Journal index of an event an earlier state consumed that already reported chargingState Charging. */
  chargingIndex?: number | undefined;
}

export const sessions = new WeakMap<TestContext, Map<number, EvseSession>>();
/** EVSEs the states drove an EV into and did not drive out of (the journal cannot show it). */
export const parkedEvses = new Set<number>();

export function sessionOf(ctx: TestContext, evseId: number): EvseSession {
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

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
export function obj(v: unknown): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}
export function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

export function targetOf(ctx: TestContext, params: Record<string, unknown>): Target {
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

export const frames = (c: ObservedCall): number[] => (c.frameSeq === undefined ? [] : [c.frameSeq]);
export const txInfo = (c: ObservedCall): JsonObject => obj(c.payload['transactionInfo']) ?? {};

// ---- journal reading ----------------------------------------------------------------------

export function callsIn(entries: readonly JournalEntry[], action?: string): CallInEntry[] {
  return entries.filter((e): e is CallInEntry => e.kind === 'callIn' && (action === undefined || e.action === action));
}
export function callsOut(entries: readonly JournalEntry[], action: string): CallOutEntry[] {
  return entries.filter((e): e is CallOutEntry => e.kind === 'callOut' && e.action === action);
}
export function resultOf(entries: readonly JournalEntry[], messageId: string, kind: 'resultIn' | 'resultOut'): JsonObject | undefined {
  const r = entries.find((e): e is ResultEntry => e.kind === kind && e.messageId === messageId);
  return r?.payload;
}

/** Connector status changes the station reported: StatusNotification or NotifyEvent AvailabilityState. */
export function statusReports(entries: readonly JournalEntry[]): Array<{ index: number; evseId: number; connectorId: number; status: string }> {
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
export function lastStatuses(entries: readonly JournalEntry[]): Map<string, { evseId: number; connectorId: number; status: string; index: number }> {
  const map = new Map<string, { evseId: number; connectorId: number; status: string; index: number }>();
  for (const r of statusReports(entries)) map.set(`${r.evseId}/${r.connectorId}`, r);
  return map;
}

export interface TxTrack {
  id: string;
  evseId?: number;
  ended: boolean;
  lastIndex: number;
  /** Index of the first event carrying an idToken. */
  tokenIndex?: number;
}
export function transactions(entries: readonly JournalEntry[]): Map<string, TxTrack> {
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
export function syncFromJournal(ctx: TestContext, t: Target, s: EvseSession): void {
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

export async function waitQuiet(ctx: TestContext, quietMs: number, maxMs: number): Promise<void> {
  const until = ctx.clock.monoMs() + maxMs;
  for (;;) {
    const last = callsIn(ctx.journal()).at(-1);
    const now = ctx.clock.monoMs();
    if (!last || now - last.monoMs >= quietMs || now >= until) return;
    await ctx.sleep(Math.min(quietMs, 50));
  }
}

/** Wait (no verdict) for a CALL from the station matching, from journal index `from`. */
export async function waitFor(ctx: TestContext, from: number, withinMs: number, pred: (e: CallInEntry) => boolean): Promise<CallInEntry | undefined> {
  const until = ctx.clock.monoMs() + withinMs;
  for (;;) {
    const hit = callsIn(ctx.journal()).find((e) => e.index >= from && pred(e));
    if (hit) return hit;
    if (ctx.clock.monoMs() >= until) return undefined;
    await ctx.sleep(20);
  }
}

export function bootAccepted(entries: readonly JournalEntry[]): { lastBoot?: CallInEntry; accepted: boolean; retryMs: number } {
  const boots = callsIn(entries, 'BootNotification');
  const lastBoot = boots.at(-1);
  if (!lastBoot) return { accepted: true, retryMs: 0 };
  const res = resultOf(entries, lastBoot.messageId, 'resultOut');
  return { lastBoot, accepted: res?.['status'] === 'Accepted', retryMs: (num(res?.['interval']) ?? 0) * 1000 };
}
