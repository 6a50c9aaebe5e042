/**
 * Helpers for the OCPP 1.6 `_CS` cases and states (SUT = charge point): a small ledger of what
 * the harness changed on the charge point (configuration keys, cables plugged in, transactions
 * started, connectors made inoperative) so ./restore.ts can undo exactly that, configuration
 * keys (1.6 §5.3, §5.8), the hardware through the DUT adapter, transactions and the accepted boot.
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';

// ---- ledger of what to undo ----------------------------------------------------------------

export interface Ledger {
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
  /** TriggerMessage StatusNotification was Accepted but nothing came: not asked again (issue #11). */
  triggerIgnored?: string;
  /** Connectors (0 = the whole charge point) the harness put in a fault (SetConnectorFaulted / SetChargePointFaulted). */
  faulted?: Set<number>;
  /** Reservations the harness made (Reserved), by reservationId. */
  reservations?: Set<number>;
  /** The harness installed a local authorization list (IdTagLocalAuthList). */
  localList?: boolean;
  /** Charging profiles the harness set (SetChargingProfile), by chargingProfileId. */
  chargingProfiles?: Set<number>;
  /** The run-wide general preconditions of OCTT 1.6 §1.3 (MinimumStatusDuration 0, empty cache) were set once. */
  generalDone?: boolean;
}

/**
 * One ledger per run: the run's configured values are one object shared by its cases and
 * restores, and runs in one process (the proof tests) must not see each other's ledgers.
 */
export const ledgers = new WeakMap<object, Ledger>();
export function ledgerOf(ctx: TestContext): Ledger {
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

/** Connectors with a cable in, as far as the harness knows (plugged in by it and not unplugged). */
export function isPlugged(ctx: TestContext, connectorId: number): boolean {
  return ledgerOf(ctx).plugged.has(connectorId);
}

export async function plugIn(ctx: TestContext, connectorId: number): Promise<void> {
  const ledger = ledgerOf(ctx);
  fromNow(ctx);
  await ctx.dut('plugIn', { connectorId });
  // Only once it is in: a plug-in that failed leaves nothing for the restore to undo (issue #11).
  ledger.plugged.add(connectorId);
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
 * Wait for the StatusNotification saying the connector is in a transaction state and check it is
 * Charging. The OCTT 1.6 document requires Charging wherever it names the status (e.g. the Charging
 * state §2.25 step 13): SuspendedEV / SuspendedEVSE fail, unless a case passes `allowSuspended`
 * quoting the clause that allows them (then they pass with a warning).
 */
export async function expectChargingStatus(ctx: TestContext, connectorId: number, options: { from?: number; withinMs?: number; step?: number; allowSuspended?: string } = {}): Promise<ObservedCall> {
  const { step, allowSuspended, ...wait } = options;
  // The order of StartTransaction.req and this StatusNotification.req is not fixed by 1.6: search from `from`.
  const sn = await ctx.expectCall('StatusNotification', {
    ...wait,
    ...(step === undefined ? {} : { step }),
    match: (p) => p['connectorId'] === connectorId && (transactionStatuses as readonly string[]).includes(String(p['status'])),
    describe: `connectorId ${connectorId}, status Charging`,
  });
  ctx.check(`status is Charging${allowSuspended ? ` (SuspendedEV / SuspendedEVSE allowed: ${allowSuspended})` : ''}`, sn.payload['status'] === 'Charging', {
    expected: 'Charging',
    actual: sn.payload['status'],
    frames: framesOf(sn),
    ...(allowSuspended ? { severity: 'warning' as const } : {}),
    ...(step === undefined ? {} : { step }),
  });
  return sn;
}

// ---- after an accepted boot (1.6 §4.2, §4.6, errata v4.0 §3.22) --------------------------------

/**
 * What a charge point does once its BootNotification is Accepted: a StatusNotification for
 * connector 0 and for every connector (Available after a boot without transactions), then a
 * Heartbeat every HeartbeatInterval (the interval of the BootNotification.conf), each ± the
 * configured tolerance.
 */
export async function expectAcceptedBoot(ctx: TestContext, boot: ObservedCall, options: { heartbeat?: boolean; steps?: { status?: number; heartbeat?: number } } = {}): Promise<void> {
  const statusStep = options.steps?.status === undefined ? {} : { step: options.steps.status };
  const heartbeatStep = options.steps?.heartbeat === undefined ? {} : { step: options.steps.heartbeat };
  await ctx.step('StatusNotification.req for connector 0 and every connector: Available', async () => {
    const specs = [
      { action: 'StatusNotification', match: { connectorId: 0 }, describe: 'connectorId 0 (the charge point as a whole)' },
      ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => ({ action: 'StatusNotification', match: status(i + 1, 'Available') })),
    ];
    const found = await ctx.expectAll(specs, statusStep);
    const main = found[0];
    ctx.check('connector 0 is Available', main?.payload['status'] === 'Available', { expected: 'Available', actual: main?.payload['status'], frames: framesOf(main), ...statusStep });
    for (const sn of found) ctx.check('errorCode is NoError', sn.payload['errorCode'] === 'NoError', { expected: 'NoError', actual: sn.payload['errorCode'], frames: framesOf(sn), ...statusStep });
  });
  if (options.heartbeat === false) return;
  await ctx.step('Heartbeat.req every HeartbeatInterval', async () => {
    const periodMs = ctx.config.heartbeatIntervalS * 1000;
    // The first one within one interval of the accepted boot, but no minimum delay: HeartbeatInterval
    // bounds the time between heartbeats (1.6 §4.6, §9.1.10), a charge point may send one at once.
    // (The charge point may start counting after its StatusNotifications: slack on the upper bound.)
    const first = await ctx.expectCall('Heartbeat', { from: boot.index, withinMs: Math.max(0, boot.monoMs + periodMs + 2 * ctx.toleranceMs - ctx.clock.monoMs()), ...heartbeatStep });
    await ctx.expectPeriodic('Heartbeat', { periodMs, count: 1, after: first, ...heartbeatStep });
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
