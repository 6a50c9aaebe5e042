/**
 * Support for the C, E, F, G and J cases (SUT = charging station): the Part 6 "Configuration
 * State" as a report step (set by ./expect.ts `prepareVariables`, put back by ./restore.ts), the OCTT
 * "Configured …" values these blocks need, and the TransactionEvent rules of Part 6 §2.1
 * (sequential seqNo, Started first, one Ended last).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { prepareVariables } from './expect.js';

export interface VariableRef {
  component: string;
  variable: string;
  instance?: string;
}

export interface Setting extends VariableRef {
  value: string;
  /** Part 6 "(If implemented AND ReadWrite)": a station without the variable is fine. */
  ifImplemented?: boolean;
}

/** The journal index the next entry will get: expectations from here ignore everything earlier. */
export function journalMark(ctx: TestContext): number {
  const last = ctx.journal().at(-1);
  return last ? Math.max(last.index + 1, ctx.cursor()) : ctx.cursor();
}

/** Move the case cursor to now, so the next expectation only sees what the DUT sends from here on. */
export function fromNow(ctx: TestContext): void {
  ctx.setCursor(journalMark(ctx));
}

/**
 * Part 6 §2.1 "Charging Station is Accepted by the CSMS": when the station (re)connected during
 * this case, e.g. the first case of a run, wait until its BootNotification was Accepted and its
 * start-up messages are through, so nothing the case sets is overwritten by the boot.
 */
export async function ready(ctx: TestContext): Promise<void> {
  await ctx.peer();
  const connectedAt = ctx.journal().findLast((e) => e.kind === 'connected')?.index;
  if (connectedAt === undefined) return;
  const until = ctx.clock.monoMs() + ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs;
  const accepted = (): boolean => {
    const entries = ctx.journal();
    return entries.some((e) => e.kind === 'resultOut' && e.action === 'BootNotification' && e.index > connectedAt && e.payload['status'] === 'Accepted');
  };
  while (!accepted()) {
    if (ctx.clock.monoMs() >= until) ctx.inconclusive('the station connected but its BootNotification was not accepted in time');
    await ctx.sleep(20);
  }
  // Let the start-up burst (StatusNotification, SecurityEventNotification) finish.
  for (;;) {
    const last = ctx.journal().filter((e) => e.kind === 'callIn').at(-1);
    if (!last || ctx.clock.monoMs() - last.monoMs >= 300 || ctx.clock.monoMs() >= until) return;
    await ctx.sleep(50);
  }
}

/** Read variables (Actual); undefined for each one the station does not report as Accepted. No verdict. */
export async function getVariables(ctx: TestContext, refs: readonly VariableRef[]): Promise<Array<string | undefined>> {
  const outcome = await ctx.call('GetVariables', {
    getVariableData: refs.map((r) => ({ component: { name: r.component }, variable: { name: r.variable, ...(r.instance ? { instance: r.instance } : {}) } })),
  });
  if (outcome.status !== 'result') return refs.map(() => undefined);
  const results = (outcome.payload['getVariableResult'] as JsonObject[] | undefined) ?? [];
  return refs.map((r) => {
    const hit = results.find((x) => {
      const c = x['component'] as JsonObject | undefined;
      const v = x['variable'] as JsonObject | undefined;
      return c?.['name'] === r.component && v?.['name'] === r.variable && (v?.['instance'] ?? undefined) === r.instance;
    });
    return hit?.['attributeStatus'] === 'Accepted' && typeof hit['attributeValue'] === 'string' ? hit['attributeValue'] : undefined;
  });
}

export async function getVariable(ctx: TestContext, ref: VariableRef): Promise<string | undefined> {
  return (await getVariables(ctx, [ref]))[0];
}

/**
 * Part 6 "Before: Configuration State", as its own report step. The states module reads the
 * values first and sets what differs; its restore puts the originals back after the case.
 */
export async function configure(ctx: TestContext, settings: Setting[]): Promise<void> {
  await ctx.step('Configuration state', () => prepareVariables(ctx, settings));
}

/** OCTT "Configured …" values of these blocks, from the run configuration's `extra` (with defaults). */
export function configured(ctx: TestContext): {
  /** <Configured ev_connection_timeout>, seconds. */
  evConnectionTimeoutS: number;
  /** <Configured message_attempts_transaction_event> (> 1). */
  messageAttemptsTransactionEvent: number;
  /** <Configured message_attempts_transaction_event_interval>, seconds. */
  messageAttemptIntervalTransactionEventS: number;
  /** <Configured clock-aligned Meter Values interval>, seconds. */
  alignedDataIntervalS: number;
} {
  const num = (name: string, fallback: number): number => {
    const v = ctx.config.extra[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback;
  };
  // Defaults follow the run's heartbeat interval: short in the demo, realistic on a lab bench.
  const period = Math.max(1, ctx.config.heartbeatIntervalS);
  return {
    evConnectionTimeoutS: num('evConnectionTimeoutS', period),
    messageAttemptsTransactionEvent: Math.max(2, Math.round(num('messageAttemptsTransactionEvent', 3))),
    messageAttemptIntervalTransactionEventS: num('messageAttemptIntervalTransactionEventS', Math.max(1, Math.round(period / 3))),
    alignedDataIntervalS: num('alignedDataIntervalS', period),
  };
}

/** The configured idToken of a kind as a 2.0.1 IdTokenType. */
export function idTokenOf(ctx: TestContext, kind: 'valid' | 'invalid' | 'blocked' | 'expired'): { idToken: string; type: string } {
  const t = ctx.config.idTokens[kind];
  return { idToken: t.idToken, type: t.type };
}

export interface TxInfo {
  transactionId?: string;
  chargingState?: string;
  stoppedReason?: string;
  remoteStartId?: number;
}

export function txInfo(call: ObservedCall | JsonObject): TxInfo {
  const payload = 'payload' in call && typeof call.payload === 'object' ? (call.payload as JsonObject) : (call as JsonObject);
  return (payload['transactionInfo'] as TxInfo | undefined) ?? {};
}

/** The TransactionEvents of the case so far (in arrival order). */
export function transactionEvents(ctx: TestContext, transactionId?: string): ObservedCall[] {
  const out: ObservedCall[] = [];
  for (const e of ctx.journal()) {
    if (e.kind !== 'callIn' || e.action !== 'TransactionEvent') continue;
    if (transactionId !== undefined && txInfo(e.payload).transactionId !== transactionId) continue;
    out.push({ action: e.action, messageId: e.messageId, payload: e.payload, monoMs: e.monoMs, index: e.index, ...(e.frameSeq === undefined ? {} : { frameSeq: e.frameSeq }) });
  }
  return out;
}

/**
 * Part 6 §2.1 general rules over every TransactionEvent of one transaction the case saw: one
 * Started, first; seqNo numbered without gaps or repeats (message order may differ); nothing
 * after Ended. Retransmissions of one message (same messageId) count once.
 */
export function checkTransactionEvents(ctx: TestContext, transactionId: string, options: { ended?: boolean } = {}): void {
  const seen = new Set<string>();
  const events = transactionEvents(ctx, transactionId).filter((e) => (seen.has(e.messageId) ? false : (seen.add(e.messageId), true)));
  const frames = events.flatMap((e) => (e.frameSeq === undefined ? [] : [e.frameSeq]));
  if (events.length === 0) return;
  const seqNos = events.map((e) => e.payload['seqNo']).filter((n): n is number => typeof n === 'number');
  const sorted = [...seqNos].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const contiguous = sorted.length === events.length && sorted.every((n, i) => n === first + i);
  ctx.check(`seqNo of transaction ${transactionId} numbered without gaps`, contiguous, { expected: `${events.length} consecutive seqNo values`, actual: seqNos.join(', '), frames });
  const started = events.filter((e) => e.payload['eventType'] === 'Started');
  const startedFirst = started.length === 0 || (started.length === 1 && started[0]?.payload['seqNo'] === first);
  ctx.check(`eventType Started is the first event of transaction ${transactionId}`, startedFirst, { expected: 'one Started, with the lowest seqNo', actual: events.map((e) => `${String(e.payload['seqNo'])}:${String(e.payload['eventType'])}`).join(', '), frames });
  const ended = events.filter((e) => e.payload['eventType'] === 'Ended');
  if (options.ended !== undefined) {
    ctx.check(`transaction ${transactionId} ${options.ended ? 'ended' : 'still running'}`, options.ended ? ended.length === 1 : ended.length === 0, { expected: options.ended ? 'one eventType Ended' : 'no eventType Ended', actual: `${ended.length} Ended`, frames });
  }
  if (ended.length > 0) {
    const last = sorted.at(-1);
    ctx.check(`eventType Ended carries the last seqNo of transaction ${transactionId}`, ended.length === 1 && ended[0]?.payload['seqNo'] === last, { expected: `Ended with seqNo ${String(last)}`, actual: ended.map((e) => e.payload['seqNo']).join(', '), frames });
  }
}
