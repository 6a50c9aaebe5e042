/**
 * The harness-as-charging-station for the OCPP 2.0.1 `_CSMS` cases (SUT = CSMS): what the
 * simulated station remembers and the station-side messages the states and cases share.
 *
 * The harness plays a station, so it has to remember what it told the CSMS: which connection
 * booted, the connector states, and the open transaction (id, seqNo, EV plugged, authorized,
 * charging). That memory is one `SimulatedStation` per run, keyed by the run's configured values
 * (the one object every case and restore of a run share), so concurrent runs in one process do
 * not mix their stations.
 */
import type { ConfiguredValues, IdTokenValue, JsonObject, ObservedCall, OcppEndpoint, PayloadMatch, TestContext } from '../../../../src/engine/authoring.js';

// ---- what the simulated station remembers -----------------------------------------------------

export interface SimulatedTransaction {
  transactionId: string;
  /** seqNo of the next TransactionEvent (Part 6 §2.1: sequential from 0). */
  seqNo: number;
  evseId: number;
  connectorId: number;
  /** The idToken the transaction is authorized with, if any. */
  idToken?: IdTokenValue;
  authorized: boolean;
  chargingState?: string;
  remoteStartId?: number;
}

export interface SimulatedStation {
  /** The connection the last BootNotification was Accepted on. */
  bootedOn: OcppEndpoint | undefined;
  /** Last connectorStatus we reported, by "evseId/connectorId". */
  connectorStatus: Map<string, string>;
  /** EV cable plugged in at the configured EVSE / connector. */
  evConnected: boolean;
  /** EVSEs we reported Unavailable (ChangeAvailability Inoperative accepted). */
  inoperative: Set<number>;
  transaction: SimulatedTransaction | undefined;
  transactionsStarted: number;
}

export const stations = new WeakMap<ConfiguredValues, SimulatedStation>();

/** The simulated station of this run. */
export function stationOf(ctx: TestContext): SimulatedStation {
  let station = stations.get(ctx.config);
  if (station === undefined) {
    station = { bootedOn: undefined, connectorStatus: new Map(), evConnected: false, inoperative: new Set(), transaction: undefined, transactionsStarted: 0 };
    stations.set(ctx.config, station);
  }
  return station;
}

// ---- configured values of the simulated station --------------------------------------------------

export const extraString = (ctx: TestContext, name: string, fallback: string): string => {
  const v = ctx.config.extra[name];
  return typeof v === 'string' && v !== '' ? v : fallback;
};
export const extraNumber = (ctx: TestContext, name: string, fallback: number): number => {
  const v = ctx.config.extra[name];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
};

/** BootNotification chargingStation (OCTT "Configured model / vendorName"). */
export function chargingStationInfo(ctx: TestContext): JsonObject {
  return { model: extraString(ctx, 'model', 'ocpp-conform-station'), vendorName: extraString(ctx, 'vendorName', 'ocpp-conform') };
}

/** OCTT "Configured Transaction Duration": how long the simulated station lets a session run (extra.transactionDurationS, default 0). */
export function transactionDurationMs(ctx: TestContext): number {
  return extraNumber(ctx, 'transactionDurationS', 0) * 1000;
}

/** OCTT "Configured clock-aligned Meter Values interval" (extra.clockAlignedIntervalS, default the heartbeat interval). */
export function clockAlignedIntervalMs(ctx: TestContext): number {
  return Math.max(1, extraNumber(ctx, 'clockAlignedIntervalS', ctx.config.heartbeatIntervalS)) * 1000;
}

/** Every EVSE of the simulated station with the connector we use on it (one connector per EVSE). */
export function connectorsOf(ctx: TestContext): Array<{ evseId: number; connectorId: number }> {
  const list: Array<{ evseId: number; connectorId: number }> = [];
  for (let evseId = 1; evseId <= Math.max(1, ctx.config.numberOfEvses); evseId++) {
    list.push({ evseId, connectorId: evseId === ctx.config.evseId ? ctx.config.connectorId : 1 });
  }
  if (!list.some((c) => c.evseId === ctx.config.evseId)) list.push({ evseId: ctx.config.evseId, connectorId: ctx.config.connectorId });
  return list;
}

export const nowIso = (ctx: TestContext): string => new Date(ctx.clock.wallMs()).toISOString();
export const idTokenOf = (token: IdTokenValue): JsonObject => ({ idToken: token.idToken, type: token.type });

// ---- small helpers for checks ------------------------------------------------------------------

export const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);
export const framesOf = (call: ObservedCall): number[] => (call.frameSeq === undefined ? [] : [call.frameSeq]);

/** RFC 3339 date-time with a time offset (Z or ±hh:mm). */
export function isRfc3339(v: unknown): boolean {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
}

/** A response's idTokenInfo.status must be one of `allowed`. */
export function idTokenStatusIn(...allowed: string[]): PayloadMatch {
  return (p) => allowed.includes(String(obj(p['idTokenInfo'])?.['status']));
}

// ---- connection and boot -----------------------------------------------------------------------

/** Drop the connection the way a rebooting station does, and wait (bounded) until it is closed. */
export async function dropConnection(ctx: TestContext, reason: string): Promise<void> {
  const station = stationOf(ctx);
  const endpoint = await ctx.peer();
  station.bootedOn = undefined;
  if (endpoint.closed) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ctx.config.messageTimeoutMs);
    const off = endpoint.onEvent((e) => e.type === 'close' && done());
    function done(): void {
      clearTimeout(timer);
      off();
      resolve();
    }
    endpoint.close(1000, reason);
  });
}

/**
 * BootNotification and, once Accepted, the state of every connector (B01): the station is
 * registered on the current connection.
 */
export async function boot(ctx: TestContext, reason: string): Promise<JsonObject> {
  const station = stationOf(ctx);
  const endpoint = await ctx.peer();
  const response = await ctx.callExpect('BootNotification', { reason, chargingStation: chargingStationInfo(ctx) }, { match: { status: 'Accepted' }, describe: 'status Accepted' });
  ctx.check('BootNotificationResponse.interval is a heartbeat interval (> 0 s)', typeof response['interval'] === 'number' && response['interval'] > 0, {
    expected: 'interval > 0',
    actual: response['interval'],
  });
  ctx.check('BootNotificationResponse.currentTime is an RFC 3339 date-time with offset', isRfc3339(response['currentTime']), {
    expected: 'e.g. 2024-05-06T12:00:00Z',
    actual: response['currentTime'],
  });
  station.bootedOn = endpoint;
  return response;
}

/** StatusNotification for one connector; remembered for restore. */
export async function reportStatus(ctx: TestContext, evseId: number, connectorId: number, connectorStatus: string): Promise<void> {
  await ctx.callExpect('StatusNotification', { timestamp: nowIso(ctx), connectorStatus, evseId, connectorId });
  stationOf(ctx).connectorStatus.set(`${evseId}/${connectorId}`, connectorStatus);
}

/** What a connector is now: Unavailable, Occupied (EV plugged at the configured one) or Available. */
export function currentStatusOf(ctx: TestContext, evseId: number): string {
  const station = stationOf(ctx);
  if (station.inoperative.has(evseId)) return 'Unavailable';
  if (evseId === ctx.config.evseId && station.evConnected) return 'Occupied';
  return 'Available';
}

/** B01 after an Accepted boot: the station tells the state of all its connectors. */
export async function reportAllConnectors(ctx: TestContext): Promise<void> {
  for (const c of connectorsOf(ctx)) await reportStatus(ctx, c.evseId, c.connectorId, currentStatusOf(ctx, c.evseId));
}

/** General preconditions: connected and booted on this connection (boots only when needed). */
export async function ensureBooted(ctx: TestContext): Promise<void> {
  const endpoint = await ctx.peer();
  if (stationOf(ctx).bootedOn === endpoint) return;
  await ctx.step('Boot the simulated station (general preconditions)', async () => {
    await boot(ctx, 'PowerUp');
    await reportAllConnectors(ctx);
  });
}

/** A station that reboots: drop the connection, dial again, boot with `reason`, report connectors. */
export async function reboot(ctx: TestContext, reason: string): Promise<JsonObject> {
  await dropConnection(ctx, `rebooting (${reason})`);
  // A real station is away for seconds (config rebootDelayMs), not 20 ms.
  await ctx.sleep(ctx.config.rebootDelayMs);
  await ctx.peer();
  const response = await boot(ctx, reason);
  await reportAllConnectors(ctx);
  return response;
}

// ---- transactions ------------------------------------------------------------------------------

/** A transaction id unique across runs and reboots. */
export function newTransactionId(ctx: TestContext, station: SimulatedStation): string {
  station.transactionsStarted += 1;
  return `OCTT-${ctx.clock.wallMs().toString(36)}-${station.transactionsStarted}`;
}

export interface TransactionEventOptions {
  eventType: 'Started' | 'Updated' | 'Ended';
  triggerReason: string;
  chargingState?: string;
  stoppedReason?: string;
  idToken?: IdTokenValue;
  remoteStartId?: number;
  /** Include evse (always on Started). */
  withEvse?: boolean;
  meterValue?: JsonObject[];
  /** offline true: the event was queued while the connection was down (E14). */
  offline?: boolean;
  /** Requirement on the CSMS's TransactionEventResponse. */
  match?: PayloadMatch;
  describe?: string;
}

/**
 * Send a TransactionEvent of the simulated station's transaction (Started opens a new one) and
 * require a response; the station's memory follows what was sent.
 */
export async function sendTransactionEvent(ctx: TestContext, o: TransactionEventOptions): Promise<JsonObject> {
  const station = stationOf(ctx);
  let tx = station.transaction;
  if (o.eventType === 'Started' || tx === undefined) {
    tx = { transactionId: newTransactionId(ctx, station), seqNo: 0, evseId: ctx.config.evseId, connectorId: ctx.config.connectorId, authorized: false };
    station.transaction = tx;
  }
  const eventType = tx.seqNo === 0 ? 'Started' : o.eventType;
  const transactionInfo: JsonObject = { transactionId: tx.transactionId };
  if (o.chargingState !== undefined) transactionInfo['chargingState'] = o.chargingState;
  if (o.stoppedReason !== undefined) transactionInfo['stoppedReason'] = o.stoppedReason;
  if (o.remoteStartId !== undefined) transactionInfo['remoteStartId'] = o.remoteStartId;
  const payload: JsonObject = {
    eventType,
    timestamp: nowIso(ctx),
    triggerReason: o.triggerReason,
    seqNo: tx.seqNo,
    transactionInfo,
    ...(eventType === 'Started' || o.withEvse ? { evse: { id: tx.evseId, connectorId: tx.connectorId } } : {}),
    ...(o.idToken ? { idToken: idTokenOf(o.idToken) } : {}),
    ...(o.meterValue ? { meterValue: o.meterValue } : {}),
    ...(o.offline ? { offline: true } : {}),
  };
  tx.seqNo += 1;
  if (o.chargingState !== undefined) tx.chargingState = o.chargingState;
  if (o.remoteStartId !== undefined) tx.remoteStartId = o.remoteStartId;
  if (o.idToken) tx.idToken = o.idToken;
  if (eventType === 'Ended') station.transaction = undefined;
  return ctx.callExpect('TransactionEvent', payload, { ...(o.match ? { match: o.match } : {}), ...(o.describe ? { describe: o.describe } : {}) });
}

/** One energy register reading in the given reading context, taken now or at `timestamp`. */
export function energyReading(ctx: TestContext, context: string, wh: number, timestamp = nowIso(ctx)): JsonObject {
  return { timestamp, sampledValue: [{ value: wh, context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] };
}

/** The next clock-aligned instant (a whole multiple of the interval since midnight UTC): how long until it, and its time. */
export function nextAlignedTick(ctx: TestContext, intervalMs: number): { waitMs: number; timestamp: string } {
  const now = ctx.clock.wallMs();
  const tick = Math.ceil((now + 1) / intervalMs) * intervalMs;
  return { waitMs: tick - now, timestamp: new Date(tick).toISOString() };
}

// ---- CSMS-initiated calls ----------------------------------------------------------------------

/**
 * Answer the CSMS's `action` with `response`, make the CSMS send it (the DUT adapter's trigger)
 * and return the CALL the CSMS sent, validated against `match`.
 */
export async function triggered(
  ctx: TestContext,
  o: { action: string; trigger: Parameters<TestContext['dut']>[0]; params?: Record<string, unknown>; respond: (payload: JsonObject) => JsonObject; match?: PayloadMatch; describe?: string },
): Promise<ObservedCall> {
  ctx.respond(o.action, (call) => o.respond(call.payload));
  await ctx.dut(o.trigger, o.params ?? {});
  return ctx.expectCall(o.action, { ...(o.match ? { match: o.match } : {}), ...(o.describe ? { describe: o.describe } : {}) });
}

/** The idToken of a CSMS request must be the configured valid one. */
export function checkValidIdToken(ctx: TestContext, call: ObservedCall, where = 'idToken'): void {
  const token = obj(call.payload['idToken']);
  const valid = ctx.config.idTokens.valid;
  ctx.check(`${call.action}Request.${where} is the configured valid idToken`, token?.['idToken'] === valid.idToken && token['type'] === valid.type, {
    expected: idTokenOf(valid),
    actual: token ?? 'absent',
    frames: framesOf(call),
  });
}

/**
 * F01/F02: make the CSMS send RequestStartTransaction for the configured EVSE and valid idToken,
 * answer Accepted (with the open transaction's id, if any) and check the idToken it named.
 */
export async function acceptRemoteStart(ctx: TestContext): Promise<{ call: ObservedCall; remoteStartId: number; idToken: IdTokenValue }> {
  const transactionId = stationOf(ctx).transaction?.transactionId;
  const call = await triggered(ctx, {
    action: 'RequestStartTransaction',
    trigger: 'triggerRequestStartTransaction',
    // Every field the request needs, so a hook or a DUT map can build it (remoteStartId is required, Part 2 F01).
    params: { evseId: ctx.config.evseId, idToken: { ...ctx.config.idTokens.valid }, remoteStartId: Math.floor(Math.random() * 1_000_000) + 1 },
    respond: () => ({ status: 'Accepted', ...(transactionId === undefined ? {} : { transactionId }) }),
  });
  checkValidIdToken(ctx, call);
  const token = obj(call.payload['idToken']);
  const remoteStartId = call.payload['remoteStartId'];
  ctx.check('RequestStartTransactionRequest.remoteStartId is an integer', Number.isInteger(remoteStartId), { expected: 'an integer', actual: remoteStartId, frames: framesOf(call) });
  return { call, remoteStartId: remoteStartId as number, idToken: { idToken: String(token?.['idToken']), type: String(token?.['type']) } };
}

/** F01/F02: the station reports the remote start, authorized with the CSMS's idToken. */
export async function reportRemoteStart(ctx: TestContext, start: { remoteStartId: number; idToken: IdTokenValue }, eventType: 'Started' | 'Updated'): Promise<void> {
  await sendTransactionEvent(ctx, { eventType, triggerReason: 'RemoteStart', remoteStartId: start.remoteStartId, idToken: start.idToken });
  const tx = stationOf(ctx).transaction;
  if (tx) tx.authorized = true;
}
