/**
 * OCPP 1.6 reusable states for SUT = charge point (the harness plays the Central System),
 * modelled on the 2.0.1 Part 6 §2.2 reusable states but in 1.6 terms (OCPP 1.6 edition 2 §4.8,
 * §4.9, §4.10 and the ChargePointStatus vocabulary of §7.7):
 *
 * - Booted: the charge point is connected and accepted (the general precondition).
 * - Preparing: the cable is plugged in, no transaction (2.0.1 EVConnectedPreSession).
 * - Authorized: a valid idTag was presented locally, no cable yet.
 * - Charging: cable in and valid idTag presented, StartTransaction sent (2.0.1 EnergyTransferStarted).
 * - StopAuthorized: the same idTag presented again, StopTransaction sent, cable still in (Finishing).
 * - EVDisconnected: the cable is removed, the connector is Available again.
 *
 * Helpers used by the cases keep a small ledger of what the harness changed on the charge point
 * (configuration keys, cables plugged in, transactions started, connectors made inoperative);
 * `restore` undoes exactly that after every case, then checks every connector is Available.
 */
import type { ObservedCall, TestContext } from '../../../src/engine/context-types.js';
import type { JsonObject } from '../../../src/protocol/frames.js';
import { defineStates } from '../../../src/engine/states.js';

// ---- ledger of what to undo ----------------------------------------------------------------

interface Ledger {
  /** Configuration keys changed by a case and their value before it. */
  config: Map<string, string>;
  /** Connectors with a cable the harness plugged in. */
  plugged: Set<number>;
  /** Ongoing transactions by connector (transactionId as answered by the harness). */
  transactions: Map<number, number>;
  /** Connectors (0 = the whole charge point) the harness set Inoperative. */
  inoperative: Set<number>;
  /** A boot the charge point may still be doing (reset, power cycle, Pending registration). */
  bootExpected: boolean;
  /** The harness saw the charge point's registration accepted in this run. */
  knownBooted: boolean;
}

/**
 * One ledger per run: the run's configured values are one object shared by its cases and
 * restores, and runs in one process (the proof tests) must not see each other's ledgers.
 */
const ledgers = new WeakMap<object, Ledger>();
function ledgerOf(ctx: TestContext): Ledger {
  let ledger = ledgers.get(ctx.config);
  if (!ledger) {
    ledger = { config: new Map(), plugged: new Set(), transactions: new Map(), inoperative: new Set(), bootExpected: false, knownBooted: false };
    ledgers.set(ctx.config, ledger);
  }
  return ledger;
}

/** The journal index the next entry will get: expectations from here ignore everything earlier. */
export function journalMark(ctx: TestContext): number {
  const last = ctx.journal().at(-1);
  return last ? Math.max(last.index + 1, ctx.cursor()) : ctx.cursor();
}

/** Only what the charge point sends from now on counts for the next expectation. */
export function fromNow(ctx: TestContext): void {
  ctx.setCursor(journalMark(ctx));
}

export function framesOf(...calls: Array<ObservedCall | undefined>): number[] {
  return calls.flatMap((c) => (c?.frameSeq === undefined ? [] : [c.frameSeq]));
}

/** Partial match of a StatusNotification.req. */
export function status(connectorId: number, value: string): JsonObject {
  return { connectorId, status: value };
}

/** Statuses of a connector with an ongoing transaction (1.6 §7.7). */
export const transactionStatuses = ['Charging', 'SuspendedEV', 'SuspendedEVSE'] as const;

export function bootExpected(ctx: TestContext, on: boolean): void {
  const ledger = ledgerOf(ctx);
  ledger.bootExpected = on;
  if (!on) ledger.knownBooted = true;
}

// ---- configuration keys (1.6 §5.3, §5.8) -----------------------------------------------------

export interface KeyValue {
  key: string;
  readonly: boolean;
  value?: string;
}

/** GetConfiguration of some keys; the entries the charge point knows, by key. */
export async function getConfiguration(ctx: TestContext, keys: readonly string[]): Promise<Map<string, KeyValue>> {
  const res = await ctx.callExpect('GetConfiguration', { key: [...keys] });
  const list = (res['configurationKey'] as KeyValue[] | undefined) ?? [];
  return new Map(list.map((k) => [k.key, k]));
}

/**
 * Bring a configuration key to `value` for a case's precondition (remembered and put back after
 * the case). Returns the ChangeConfiguration status, or 'Unchanged' when it already had the value.
 * With `required`, anything but Accepted leaves the precondition unmet: inconclusive.
 */
export async function setConfiguration(ctx: TestContext, key: string, value: string, options: { required?: boolean } = {}): Promise<string> {
  const ledger = ledgerOf(ctx);
  const known = (await getConfiguration(ctx, [key])).get(key);
  if (known?.value === value) return 'Unchanged';
  const res = await ctx.call('ChangeConfiguration', { key, value });
  const answer = res.status === 'result' ? String(res.payload['status']) : res.status;
  if (answer === 'Accepted' && known?.value !== undefined && !ledger.config.has(key)) ledger.config.set(key, known.value);
  if (options.required && answer !== 'Accepted') {
    ctx.inconclusive(`could not set ${key} = ${value} for the precondition (ChangeConfiguration answered ${answer})`);
  }
  return answer;
}

/** Remember a key the case changed itself (with ChangeConfiguration as its test step). */
export function noteConfigurationChange(ctx: TestContext, key: string, original: string): void {
  const ledger = ledgerOf(ctx);
  if (!ledger.config.has(key)) ledger.config.set(key, original);
}

// ---- the charge point's hardware through the DUT adapter --------------------------------------

export async function plugIn(ctx: TestContext, connectorId: number): Promise<void> {
  const ledger = ledgerOf(ctx);
  fromNow(ctx);
  ledger.plugged.add(connectorId);
  await ctx.dut('plugIn', { connectorId });
}

export async function unplug(ctx: TestContext, connectorId: number): Promise<void> {
  const ledger = ledgerOf(ctx);
  fromNow(ctx);
  await ctx.dut('unplug', { connectorId });
  ledger.plugged.delete(connectorId);
}

export async function presentIdTag(ctx: TestContext, idTag: string, connectorId: number): Promise<void> {
  fromNow(ctx);
  await ctx.dut('presentIdToken', { idToken: idTag, type: 'ISO14443', connectorId });
}

export function noteInoperative(ctx: TestContext, connectorId: number, on: boolean): void {
  const ledger = ledgerOf(ctx);
  if (on) ledger.inoperative.add(connectorId);
  else ledger.inoperative.delete(connectorId);
}

// ---- transactions ------------------------------------------------------------------------------

/** The transactionId the harness gave in its StartTransaction.conf to this StartTransaction.req. */
export async function transactionIdOf(ctx: TestContext, start: ObservedCall): Promise<number | undefined> {
  for (let i = 0; i < 20; i++) {
    const answer = ctx.journal().find((e) => e.kind === 'resultOut' && e.messageId === start.messageId);
    if (answer && answer.kind === 'resultOut') {
      const id = answer.payload['transactionId'];
      return typeof id === 'number' ? id : undefined;
    }
    await ctx.sleep(50);
  }
  return undefined;
}

/** Record a transaction the case saw start (so restore can stop it if the case does not). */
export async function noteTransaction(ctx: TestContext, start: ObservedCall): Promise<number | undefined> {
  const ledger = ledgerOf(ctx);
  const id = await transactionIdOf(ctx, start);
  const connectorId = start.payload['connectorId'];
  if (id !== undefined && typeof connectorId === 'number') ledger.transactions.set(connectorId, id);
  return id;
}

/** The transactionId of the ongoing transaction the harness saw start on a connector. */
export function ongoingTransaction(ctx: TestContext, connectorId: number): number | undefined {
  return ledgerOf(ctx).transactions.get(connectorId);
}

/**
 * How long to watch for something that must NOT happen (e.g. a StartTransaction.req after a
 * rejected request): three tolerances, at most the message timeout.
 */
export function quietMs(ctx: TestContext): number {
  return Math.min(ctx.config.messageTimeoutMs, 3 * ctx.toleranceMs);
}

/**
 * No CALL of `action` (matching) since journal index `since` — what already arrived counts too,
 * not only what comes during the `quietMs` wait that follows.
 */
export async function expectNone(ctx: TestContext, action: string, since: number, options: { match?: JsonObject; describe?: string; wait?: boolean } = {}): Promise<void> {
  const early = ctx.journal().find((e) => e.index >= since && e.kind === 'callIn' && e.action === action && Object.entries(options.match ?? {}).every(([k, v]) => e.payload[k] === v));
  const what = `${action}${options.describe ? ` (${options.describe})` : ''}`;
  ctx.check(`no ${what} so far`, early === undefined, {
    expected: `no ${what}`,
    actual: early && early.kind === 'callIn' ? JSON.stringify(early.payload).slice(0, 200) : 'none',
    frames: early && early.kind === 'callIn' && early.frameSeq !== undefined ? [early.frameSeq] : [],
  });
  if (options.wait === false) return;
  await ctx.expectNoCall(action, { forMs: quietMs(ctx), ...(options.match ? { match: options.match } : {}), ...(options.describe ? { describe: options.describe } : {}) });
}

/** A connection timeout short enough for a quick case yet well above the tolerance (seconds). */
export function shortConnectionTimeOutS(ctx: TestContext): number {
  return Math.max(2, Math.ceil((3 * ctx.toleranceMs) / 1000));
}

export function noteTransactionEnded(ctx: TestContext, connectorId: number): void {
  const ledger = ledgerOf(ctx);
  ledger.transactions.delete(connectorId);
}

/**
 * Wait for a StatusNotification saying the connector is in a transaction state: Charging is what
 * the case asks for; SuspendedEV / SuspendedEVSE (the EV or EVSE not drawing energy yet) is a
 * transaction state too and is accepted with a warning.
 */
export async function expectChargingStatus(ctx: TestContext, connectorId: number, options: { from?: number; withinMs?: number } = {}): Promise<ObservedCall> {
  // The order of StartTransaction.req and this StatusNotification.req is not fixed by 1.6: search from `from`.
  const sn = await ctx.expectCall('StatusNotification', {
    ...options,
    match: (p) => p['connectorId'] === connectorId && (transactionStatuses as readonly string[]).includes(String(p['status'])),
    describe: `connectorId ${connectorId}, status Charging (or SuspendedEV / SuspendedEVSE)`,
  });
  ctx.check('status is Charging', sn.payload['status'] === 'Charging', { expected: 'Charging', actual: sn.payload['status'], frames: framesOf(sn), severity: 'warning' });
  return sn;
}

// ---- after an accepted boot (1.6 §4.2, §4.6, errata v4.0 §3.22) --------------------------------

/**
 * What a charge point does once its BootNotification is Accepted: a StatusNotification for
 * connector 0 and for every connector (Available after a boot without transactions), then a
 * Heartbeat every HeartbeatInterval (the interval of the BootNotification.conf), each ± the
 * configured tolerance.
 */
export async function expectAcceptedBoot(ctx: TestContext, boot: ObservedCall, options: { heartbeat?: boolean } = {}): Promise<void> {
  await ctx.step('StatusNotification.req for connector 0 and every connector: Available', async () => {
    const specs = [
      { action: 'StatusNotification', match: { connectorId: 0 }, describe: 'connectorId 0 (the charge point as a whole)' },
      ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => ({ action: 'StatusNotification', match: status(i + 1, 'Available') })),
    ];
    const found = await ctx.expectAll(specs);
    const main = found[0];
    ctx.check('connector 0 is Available', main?.payload['status'] === 'Available', { expected: 'Available', actual: main?.payload['status'], frames: framesOf(main) });
    for (const sn of found) ctx.check('errorCode is NoError', sn.payload['errorCode'] === 'NoError', { expected: 'NoError', actual: sn.payload['errorCode'], frames: framesOf(sn) });
  });
  if (options.heartbeat === false) return;
  await ctx.step('Heartbeat.req every HeartbeatInterval', async () => {
    const periodMs = ctx.config.heartbeatIntervalS * 1000;
    // The first one: one interval after the accepted boot (the charge point may start counting
    // after its StatusNotifications, hence the slack on the upper bound only).
    const first = await ctx.expectGap('Heartbeat', { after: boot, minMs: periodMs, withinMs: periodMs + 2 * ctx.toleranceMs });
    await ctx.expectPeriodic('Heartbeat', { periodMs, count: 1, after: first });
  });
}

/**
 * TC_013_CS / TC_014_CS: Reset.req of a type with no transaction ongoing (1.6 §5.14): Accepted,
 * the charge point reboots (BootNotification.req) and reports its connectors Available; it has
 * no transaction to stop, so no StopTransaction.req.
 */
export async function resetWithoutTransaction(ctx: TestContext, type: 'Hard' | 'Soft'): Promise<void> {
  await ctx.step(`Reset.req type ${type}: Accepted`, async () => {
    fromNow(ctx);
    bootExpected(ctx, true);
    await ctx.callExpect('Reset', { type }, { match: { status: 'Accepted' } });
  });
  const boot = await ctx.step('The charge point reboots: BootNotification.req, answered Accepted', async () => {
    const call = await ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
    bootExpected(ctx, false);
    return call;
  });
  await expectAcceptedBoot(ctx, boot, { heartbeat: false });
  await ctx.step('No StopTransaction.req (there was no transaction)', async () => {
    const stops = ctx.journal().filter((e) => e.kind === 'callIn' && e.action === 'StopTransaction');
    ctx.check('no StopTransaction.req', stops.length === 0, { expected: 'none', actual: `${stops.length}`, frames: stops.flatMap((e) => (e.kind === 'callIn' && e.frameSeq !== undefined ? [e.frameSeq] : [])) });
  });
}

// ---- the states -------------------------------------------------------------------------------

function connectorOf(ctx: TestContext, params: Record<string, unknown>): number {
  return typeof params['connectorId'] === 'number' ? params['connectorId'] : ctx.config.connectorId;
}
function idTagOf(ctx: TestContext, params: Record<string, unknown>): string {
  return typeof params['idTag'] === 'string' ? params['idTag'] : ctx.config.idTokens.valid.idToken;
}

/**
 * Booted: connected and registered. At the start of a run the charge point may still be booting
 * (it connects when the harness starts listening): wait for its first BootNotification.req of the
 * run (searched from the start of the journal) and the StatusNotification.req of each connector.
 */
async function booted(ctx: TestContext): Promise<void> {
  await ctx.peer();
  const ledger = ledgerOf(ctx);
  if (ledger.knownBooted || ledger.bootExpected) return;
  const boot = await ctx.maybeCall('BootNotification', { from: 0, withinMs: ctx.config.connectTimeoutMs });
  if (boot) {
    for (let c = 1; c <= ctx.config.numberOfEvses; c++) await ctx.maybeCall('StatusNotification', { from: boot.index + 1, match: { connectorId: c } });
    fromNow(ctx);
  }
  ledger.knownBooted = true;
}

async function preparing(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await booted(ctx);
  const connectorId = connectorOf(ctx, params);
  await plugIn(ctx, connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
}

async function authorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  await booted(ctx);
  const connectorId = connectorOf(ctx, params);
  await presentIdTag(ctx, idTagOf(ctx, params), connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Preparing') });
}

async function charging(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  const idTag = idTagOf(ctx, params);
  await preparing(ctx, params);
  await presentIdTag(ctx, idTag, connectorId);
  const [start] = await ctx.expectAll([
    { action: 'StartTransaction', match: { connectorId, idTag } },
    { action: 'StatusNotification', match: (p) => p['connectorId'] === connectorId && (transactionStatuses as readonly string[]).includes(String(p['status'])), describe: 'a transaction status' },
  ]);
  if (start) await noteTransaction(ctx, start);
}

async function stopAuthorized(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await presentIdTag(ctx, idTagOf(ctx, params), connectorId);
  await ctx.expectAll([{ action: 'StopTransaction' }, { action: 'StatusNotification', match: status(connectorId, 'Finishing') }]);
  noteTransactionEnded(ctx, connectorId);
}

async function evDisconnected(ctx: TestContext, params: Record<string, unknown>): Promise<void> {
  const connectorId = connectorOf(ctx, params);
  await unplug(ctx, connectorId);
  await ctx.expectCall('StatusNotification', { match: status(connectorId, 'Available') });
}

// ---- restore: back to the general preconditions -------------------------------------------------

/** Transactions the case's journal shows started and not stopped (when the restore can see them). */
function openTransactions(ctx: TestContext): Map<number, number> {
  const open = new Map<number, number>();
  const startIds = new Map<string, number>();
  for (const e of ctx.journal()) {
    if (e.kind === 'callIn' && e.action === 'StartTransaction' && typeof e.payload['connectorId'] === 'number') startIds.set(e.messageId, e.payload['connectorId']);
    if (e.kind === 'resultOut' && startIds.has(e.messageId) && typeof e.payload['transactionId'] === 'number') open.set(e.payload['transactionId'], startIds.get(e.messageId) ?? 0);
    if (e.kind === 'callIn' && e.action === 'StopTransaction' && typeof e.payload['transactionId'] === 'number') open.delete(e.payload['transactionId']);
  }
  return open;
}

/** The last BootNotification the restore can see was answered Accepted. */
function lastBootAccepted(ctx: TestContext): boolean {
  const entries = ctx.journal();
  const boot = entries.filter((e) => e.kind === 'callIn' && e.action === 'BootNotification').at(-1);
  if (!boot || boot.kind !== 'callIn') return false;
  const answer = entries.find((e) => e.kind === 'resultOut' && e.messageId === boot.messageId);
  return answer?.kind === 'resultOut' && answer.payload['status'] === 'Accepted';
}

async function statusOf(ctx: TestContext, connectorId: number): Promise<string | undefined> {
  fromNow(ctx);
  const res = await ctx.call('TriggerMessage', { requestedMessage: 'StatusNotification', connectorId });
  if (res.status !== 'result' || res.payload['status'] !== 'Accepted') return undefined;
  const sn = await ctx.maybeCall('StatusNotification', { match: { connectorId } });
  return sn ? String(sn.payload['status']) : undefined;
}

async function restore(ctx: TestContext): Promise<void> {
  const ledger = ledgerOf(ctx);
  await ctx.peer();
  if (ledger.bootExpected && !lastBootAccepted(ctx)) {
    // A reset / power cycle / Pending registration the case did not see through: let it finish.
    await ctx.maybeCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
    await ctx.peer();
  }
  ledger.bootExpected = false;
  const problems: string[] = [];
  // Configuration first, so StopTransactionOnEVSideDisconnect etc. are as before for the clean-up.
  for (const [key, value] of [...ledger.config]) {
    const res = await ctx.call('ChangeConfiguration', { key, value });
    if (res.status !== 'result' || !['Accepted', 'RebootRequired'].includes(String(res.payload['status']))) problems.push(`could not put ${key} back to ${value}`);
  }
  ledger.config.clear();
  const transactions = new Map<number, number>();
  for (const [connectorId, id] of ledger.transactions) transactions.set(id, connectorId);
  for (const [id, connectorId] of openTransactions(ctx)) transactions.set(id, connectorId);
  for (const id of transactions.keys()) {
    fromNow(ctx);
    const res = await ctx.call('RemoteStopTransaction', { transactionId: id });
    if (res.status === 'result' && res.payload['status'] === 'Accepted') await ctx.maybeCall('StopTransaction', { match: { transactionId: id } });
  }
  ledger.transactions.clear();
  for (const connectorId of [...ledger.plugged]) {
    await ctx.dut('unplug', { connectorId });
    ledger.plugged.delete(connectorId);
  }
  for (const connectorId of [...ledger.inoperative]) {
    await ctx.call('ChangeAvailability', { connectorId, type: 'Operative' });
    ledger.inoperative.delete(connectorId);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));

  // Every connector Available? (Asked with TriggerMessage when the charge point supports it.)
  const notAvailable: string[] = [];
  for (let c = 1; c <= ctx.config.numberOfEvses; c++) {
    const s = await statusOf(ctx, c);
    if (s !== undefined && s !== 'Available') notAvailable.push(`connector ${c} is ${s}`);
  }
  if (notAvailable.length === 0) return;
  // Last resort: a soft reset ends whatever is left (an authorization waiting for a cable …).
  fromNow(ctx);
  const reset = await ctx.call('Reset', { type: 'Soft' });
  if (reset.status !== 'result' || reset.payload['status'] !== 'Accepted') throw new Error(`${notAvailable.join(', ')} and a soft reset was not accepted`);
  const boot = await ctx.maybeCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs });
  if (!boot) throw new Error(`${notAvailable.join(', ')}; no BootNotification after a soft reset`);
  for (let c = 1; c <= ctx.config.numberOfEvses; c++) {
    const sn = await ctx.maybeCall('StatusNotification', { match: { connectorId: c }, from: boot.index + 1 });
    const after = sn === undefined ? 'no status' : JSON.stringify(sn.payload['status']);
    if (sn?.payload['status'] !== 'Available') throw new Error(`connector ${c} is not Available after a soft reset (${after})`);
  }
}

export default defineStates({
  version: '1.6',
  sut: 'cs',
  states: {
    Booted: booted,
    Preparing: preparing,
    Authorized: authorized,
    Charging: charging,
    StopAuthorized: stopAuthorized,
    EVDisconnected: evDisconnected,
  },
  restore,
});
