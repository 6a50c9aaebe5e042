/**
 * What the block G `_CS` cases share (Part 6 §2.8): the ChangeAvailabilityRequest for a scope
 * (station, EVSE, connector) with its response check, the connectors a scope covers, the
 * "current state of the connectors" expectations (StatusNotification or NotifyEvent, Part 5: either
 * is allowed), the post-scenario validation "a message to report the state … for all connectors",
 * and a reboot after which the availability must have persisted (TC_G_18/19/21_CS).
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { outcomeWords } from '../../../../src/engine/authoring.js';
import { expectConnectorStatus } from '../_shared/expect.js';
import { callsIn, frames, journalEnd, num, obj, statusReports, str, transactions } from '../_shared/journal.js';

export type Scope = 'station' | 'evse' | 'connector';

export interface Where {
  evseId: number;
  /** Undefined: any connector of the EVSE (one the station has not told us about yet). */
  connectorId?: number;
}

/** The `evse` field of a ChangeAvailabilityRequest for the configured EVSE / connector. */
export function evseField(ctx: TestContext, scope: Scope): JsonObject {
  if (scope === 'station') return {};
  return { evse: { id: ctx.config.evseId, ...(scope === 'connector' ? { connectorId: ctx.config.connectorId } : {}) } };
}

/** Send ChangeAvailability and check the response status (the validated step `step`). */
export async function changeAvailability(ctx: TestContext, operationalStatus: 'Operative' | 'Inoperative', scope: Scope, expected: 'Accepted' | 'Scheduled', at: { step: number }): Promise<JsonObject> {
  const { step } = at;
  const out = await ctx.call('ChangeAvailability', { operationalStatus, ...evseField(ctx, scope) });
  if (out.status !== 'result') ctx.fail(`ChangeAvailability ${operationalStatus}: ${outcomeWords(out)}`);
  ctx.check(`ChangeAvailabilityResponse status ${expected}`, out.payload['status'] === expected, { expected, actual: out.payload['status'] ?? 'absent', frames: framesOfMessage(ctx, out.messageId), step });
  return out.payload;
}

/** Wire frames of one message exchange (request and answer). */
export function framesOfMessage(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** Frames a failed "nothing reported" check can point at: the status reports and ChangeAvailability exchanges since `from`. */
function nearbyFrames(ctx: TestContext, from: number): number[] {
  return ctx.journal().flatMap((e) =>
    e.index >= from && 'action' in e && typeof e.action === 'string' && ['StatusNotification', 'NotifyEvent', 'ChangeAvailability'].includes(e.action) && 'frameSeq' in e && e.frameSeq !== undefined ? [e.frameSeq] : [],
  );
}

/**
 * The connectors a scope covers that we can name: the configured one, every connector of the scope
 * the station reported in this case, and for an EVSE we know no connector of, "any connector".
 */
export function connectorsOf(ctx: TestContext, scope: Scope): Where[] {
  const { evseId, connectorId } = ctx.config;
  if (scope === 'connector') return [{ evseId, connectorId }];
  const evses = scope === 'station' ? Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1) : [evseId];
  const known = new Map<string, Where>();
  if (evses.includes(evseId)) known.set(`${evseId}/${connectorId}`, { evseId, connectorId });
  for (const r of statusReports(ctx.journal())) {
    if (evses.includes(r.evseId) && r.connectorId > 0) known.set(`${r.evseId}/${r.connectorId}`, { evseId: r.evseId, connectorId: r.connectorId });
  }
  for (const id of evses) if (![...known.values()].some((w) => w.evseId === id)) known.set(`${id}/*`, { evseId: id });
  return [...known.values()].sort((a, b) => a.evseId - b.evseId || (a.connectorId ?? 0) - (b.connectorId ?? 0));
}

/** Every connector of the scope reported `status` (from journal index `from`). */
export async function expectStatuses(ctx: TestContext, status: string | ((w: Where) => string), scope: Scope, from: number, at: { step?: number } = {}): Promise<void> {
  const { step } = at;
  for (const w of connectorsOf(ctx, scope)) {
    await expectConnectorStatus(ctx, typeof status === 'string' ? status : status(w), w, { from, ...(step === undefined ? {} : { step }) });
  }
}

/**
 * A NotifyEvent for the ChargingStation (or EVSE) component's AvailabilityState with `status`, from
 * `from`: Part 6 TC_G_13_CS step 3 allows it instead of a message per connector.
 */
export function componentAvailabilityEvent(ctx: TestContext, component: 'ChargingStation' | 'EVSE', status: string, from: number): ObservedCall | undefined {
  const hit = callsIn(ctx.journal(), 'NotifyEvent').find((e) => {
    if (e.index < from) return false;
    const data = Array.isArray(e.payload['eventData']) ? (e.payload['eventData'] as unknown[]).map(obj) : [];
    return data.some((d) => str(obj(d?.['component'])?.['name']) === component && str(obj(d?.['variable'])?.['name']) === 'AvailabilityState' && d?.['actualValue'] === status);
  });
  return hit && { action: hit.action, messageId: hit.messageId, payload: hit.payload, monoMs: hit.monoMs, index: hit.index, ...(hit.frameSeq === undefined ? {} : { frameSeq: hit.frameSeq }) };
}

/**
 * Every connector of the scope reported `status`, or (as Part 6 TC_G_13_CS step 3 allows) one
 * NotifyEvent said so for the ChargingStation component: whichever comes first within the message timeout.
 */
export async function expectStatusesOrComponent(ctx: TestContext, status: string, scope: Scope, from: number, at: { step: number }): Promise<void> {
  const { step } = at;
  const deadline = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
  const allReported = (): boolean =>
    connectorsOf(ctx, scope).every((w) => statusReports(ctx.journal().filter((e) => e.index >= from)).some((r) => r.status === status && r.evseId === w.evseId && (w.connectorId === undefined ? r.connectorId > 0 : r.connectorId === w.connectorId)));
  for (;;) {
    const event = scope === 'station' ? componentAvailabilityEvent(ctx, 'ChargingStation', status, from) : undefined;
    if (event && !allReported()) {
      ctx.check(`NotifyEvent ChargingStation.AvailabilityState ${status}`, true, { expected: status, actual: status, frames: frames(event), step });
      return;
    }
    if (allReported() || ctx.clock.monoMs() >= deadline) return expectStatuses(ctx, status, scope, from, { step });
    await ctx.sleep(20);
  }
}

/** Post-scenario validation: a message reporting the state of each connector of the scope was received in the case. */
export async function postAllReported(ctx: TestContext, scope: Scope, from: number): Promise<void> {
  await ctx.step(`Post scenario: the state of ${scope === 'connector' ? 'the connector' : scope === 'evse' ? 'every connector of the EVSE' : 'every connector'} reported`, async () => {
    const reportedFor = (w: Where): boolean => statusReports(ctx.journal().filter((e) => e.index >= from)).some((r) => r.evseId === w.evseId && (w.connectorId === undefined ? r.connectorId > 0 : r.connectorId === w.connectorId));
    // A report may still be on its way (the station sends it after its response): wait up to a message timeout.
    const deadline = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
    while (!connectorsOf(ctx, scope).every(reportedFor) && ctx.clock.monoMs() < deadline) await ctx.sleep(20);
    for (const w of connectorsOf(ctx, scope)) {
      const reported = reportedFor(w);
      const what = `evseId ${w.evseId}${w.connectorId === undefined ? '' : `, connectorId ${w.connectorId}`}`;
      ctx.check(`a StatusNotification or NotifyEvent reported the state of ${what}`, reported, { expected: `a report for ${what}`, actual: reported ? 'reported' : 'none in the case', frames: nearbyFrames(ctx, from) });
    }
  });
}

/** Whether the transaction `transactionId` has ended (an Ended TransactionEvent is in the journal). */
export function txEnded(ctx: TestContext, transactionId: string | undefined): boolean {
  return transactionId !== undefined && transactions(ctx.journal()).get(transactionId)?.ended === true;
}

/** The transaction running on the configured EVSE, as the station reported it. */
export function runningTx(ctx: TestContext): string | undefined {
  const open = [...transactions(ctx.journal()).values()].filter((t) => !t.ended && (t.evseId === undefined || t.evseId === ctx.config.evseId));
  return open.at(-1)?.id;
}

/**
 * A reboot (power cycle through the adapter; `config.extra.rebootVia: 'reset'` sends Reset Immediate
 * instead): the BootNotification, then every connector reported as `statusOf` says (step
 * `statusStep`), then a SecurityEventNotification StartupOfTheDevice or ResetOrReboot (step `securityStep`).
 */
export async function rebootExpecting(ctx: TestContext, statusOf: (w: Where) => string, steps: { step?: number; security?: { step: number } }): Promise<void> {
  const from = journalEnd(ctx);
  if (ctx.config.extra['rebootVia'] === 'reset') {
    await ctx.callExpect('Reset', { type: 'Immediate' }, { match: { status: 'Accepted' } });
  } else {
    await ctx.dut('powerCycle');
  }
  const boot = await ctx.expectCall('BootNotification', { from, withinMs: ctx.config.connectTimeoutMs + ctx.config.messageTimeoutMs });
  for (const w of connectorsOf(ctx, 'station')) {
    const status = statusOf(w);
    const c = await expectConnectorStatus(ctx, status, w, { from: boot.index, ...(steps.step === undefined ? {} : { step: steps.step }) });
    // Part 6 TC_G_19/21_CS step 4: evseId and connectorId are not 0.
    const evseId = num(c.payload['evseId']);
    const connectorId = num(c.payload['connectorId']);
    if (c.action === 'StatusNotification') {
      ctx.check('StatusNotification evseId and connectorId not 0', evseId !== 0 && connectorId !== 0, { expected: 'evseId > 0, connectorId > 0', actual: `evseId ${String(evseId)}, connectorId ${String(connectorId)}`, frames: frames(c), ...(steps.step === undefined ? {} : { step: steps.step }) });
    }
  }
  const security = await ctx.expectCall('SecurityEventNotification', { from: boot.index, describe: 'a SecurityEventNotification after the boot', ...(steps.security === undefined ? {} : { step: steps.security.step }) });
  const type = security.payload['type'];
  ctx.check('SecurityEventNotification type StartupOfTheDevice or ResetOrReboot', type === 'StartupOfTheDevice' || type === 'ResetOrReboot', {
    expected: 'StartupOfTheDevice or ResetOrReboot',
    actual: type ?? 'absent',
    frames: frames(security),
    ...(steps.security === undefined ? {} : { step: steps.security.step }),
  });
}

/**
 * Part 6 TC_G_11/14/17_CS: Inoperative during a transaction. From EnergyTransferStarted the request is
 * answered Scheduled (step 2); the session is then ended state by state (StopAuthorized,
 * EVConnectedPostSession, EVDisconnected, ParkingBayUnoccupied) and after the state that ended the
 * transaction, and only then, the connectors of the configured EVSE in the scope must be reported
 * Unavailable (the one validated step `unavailableStep`; Part 6 numbers it 4/7/10/13 or 6/9/12/15
 * after the state that ends the transaction, the trace data keeps the first number).
 */
export async function inoperativeDuringTransaction(ctx: TestContext, scope: Scope, unavailable: { step: number }): Promise<void> {
  const unavailableStep = unavailable.step;
  await ctx.step('Reusable state: EnergyTransferStarted', () => ctx.state('EnergyTransferStarted'));
  const transactionId = runningTx(ctx);
  if (transactionId === undefined) ctx.inconclusive('the station reported no running transaction on the configured EVSE');
  const at = journalEnd(ctx);
  await ctx.step(`Steps 1-2: ChangeAvailability Inoperative (${scope}) during the transaction, answered Scheduled`, () => changeAvailability(ctx, 'Inoperative', scope, 'Scheduled', { step: 2 }));
  if (scope === 'station' && ctx.config.numberOfEvses > 1) {
    // Part 6 TC_G_14_CS step 3: the EVSEs without a transaction become Unavailable at once.
    await ctx.step('Step 3: the connectors of the EVSEs without a transaction reported Unavailable', async () => {
      for (const w of connectorsOf(ctx, 'station').filter((c) => c.evseId !== ctx.config.evseId)) await expectConnectorStatus(ctx, 'Unavailable', w, { from: at });
    });
  }
  const own = connectorsOf(ctx, scope === 'connector' ? 'connector' : 'evse');
  let ended = false;
  for (const state of ['StopAuthorized', 'EVConnectedPostSession', 'EVDisconnected', 'ParkingBayUnoccupied']) {
    const before = journalEnd(ctx);
    // After the transaction the connector is not Available again: the states leave the status to us.
    await ctx.step(`Reusable state: ${state}`, () => ctx.state(state, { connectorStatus: null }));
    if (ended || !txEnded(ctx, transactionId)) continue;
    ended = true;
    await ctx.step(`The ${state} state ended the transaction: the connectors of the EVSE reported Unavailable`, async () => {
      for (const w of own) await expectConnectorStatus(ctx, 'Unavailable', w, { from: before, step: unavailableStep });
    });
  }
  if (!ended) ctx.fail(`transaction ${transactionId} did not end by ParkingBayUnoccupied`);
}
