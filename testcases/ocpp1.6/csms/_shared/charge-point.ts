/**
 * The harness as an OCPP 1.6 Charge Point (SUT = Central System): what it remembers between
 * steps, states and cases (booted connection, connector statuses, the open transaction, its
 * configuration keys) and the requests it sends, each checked against the Central System's
 * answer. The reusable states (states.ts), their `restore` and the `_CSMS` cases share it.
 *
 * One model per run: it is keyed by the run's configured values (one object per run), so runs in
 * the same process (the proof test runs several demos at once) never see each other's station.
 */
import type { ConfiguredValues, InboundCall, JsonObject, OcppEndpoint, TestContext } from '../../../../src/engine/authoring.js';

/** OCPP 1.6 §7.7 ChargePointStatus. */
export type ConnectorStatus16 = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEVSE' | 'SuspendedEV' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

/** OCPP 1.6 §7.36 Reason (StopTransaction.req). */
export type StopReason16 = 'EmergencyStop' | 'EVDisconnected' | 'HardReset' | 'Local' | 'Other' | 'PowerLoss' | 'Reboot' | 'Remote' | 'SoftReset' | 'UnlockCommand' | 'DeAuthorized';

export interface Transaction16 {
  /** As assigned by the Central System in StartTransaction.conf. */
  transactionId: number;
  connectorId: number;
  idTag: string;
  meterStartWh: number;
}

export interface ConfigurationKey16 {
  value: string;
  readonly: boolean;
}

export interface ChargePointModel {
  /** The connection on which the Central System accepted our BootNotification. */
  bootedOn: OcppEndpoint | undefined;
  /** Last status we reported per connector (0 = the Charge Point as a whole). */
  status: Map<number, ConnectorStatus16>;
  /** The idTag the Central System last accepted in Authorize.conf, until a transaction uses it. */
  authorizedIdTag: string | undefined;
  transaction: Transaction16 | undefined;
  /** The energy register, Wh. */
  meterWh: number;
  configuration: Map<string, ConfigurationKey16>;
}

const models = new WeakMap<ConfiguredValues, ChargePointModel>();

/** The harness's charge point for this run. */
export function chargePoint(ctx: TestContext): ChargePointModel {
  let model = models.get(ctx.config);
  if (model === undefined) {
    model = { bootedOn: undefined, status: new Map(), authorizedIdTag: undefined, transaction: undefined, meterWh: 0, configuration: defaultConfiguration(ctx.config) };
    models.set(ctx.config, model);
  }
  return model;
}

/** The connector ids of the Charge Point: 1 … numberOfEvses (1.6: connectors). */
export function connectorIds(ctx: TestContext): number[] {
  return Array.from({ length: Math.max(1, ctx.config.numberOfEvses) }, (_, i) => i + 1);
}

/**
 * The Core profile configuration keys (OCPP 1.6 §9.1) a real Charge Point reports, with values
 * that fit the run. Read-only flags as in the specification's accessibility column.
 */
export function defaultConfiguration(config: ConfiguredValues): Map<string, ConfigurationKey16> {
  const rw = (value: string): ConfigurationKey16 => ({ value, readonly: false });
  const r = (value: string): ConfigurationKey16 => ({ value, readonly: true });
  const measurands = 'Energy.Active.Import.Register';
  return new Map<string, ConfigurationKey16>([
    ['AuthorizeRemoteTxRequests', rw('true')],
    ['ClockAlignedDataInterval', rw('0')],
    ['ConnectionTimeOut', rw('60')],
    ['ConnectorPhaseRotation', r(['0.RST', ...Array.from({ length: Math.max(1, config.numberOfEvses) }, (_, i) => `${i + 1}.RST`)].join(','))],
    ['GetConfigurationMaxKeys', r('50')],
    ['HeartbeatInterval', rw(String(config.heartbeatIntervalS))],
    ['LocalAuthorizeOffline', rw('false')],
    ['LocalPreAuthorize', rw('false')],
    ['MeterValueSampleInterval', rw('60')],
    ['MeterValuesAlignedData', rw(measurands)],
    ['MeterValuesSampledData', rw(measurands)],
    ['NumberOfConnectors', r(String(Math.max(1, config.numberOfEvses)))],
    ['ResetRetries', rw('1')],
    ['StopTransactionOnEVSideDisconnect', rw('true')],
    ['StopTransactionOnInvalidId', rw('true')],
    ['StopTxnAlignedData', rw(measurands)],
    ['StopTxnSampledData', rw(measurands)],
    ['SupportedFeatureProfiles', r('Core')],
    ['SupportedFileTransferProtocols', r('FTP')],
    ['TransactionMessageAttempts', rw('3')],
    ['TransactionMessageRetryInterval', rw('20')],
    ['UnlockConnectorOnEVSideDisconnect', rw('true')],
  ]);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const extraText = (ctx: TestContext, name: string, fallback: string): string => text(ctx.config.extra[name]) ?? fallback;
const nowIso = (ctx: TestContext): string => new Date(ctx.clock.wallMs()).toISOString();

/** idTagInfo.status of an Authorize / StartTransaction / StopTransaction answer. */
export function idTagStatus(payload: JsonObject): string | undefined {
  const info = payload.idTagInfo;
  return info !== null && typeof info === 'object' && !Array.isArray(info) ? text((info as JsonObject).status) : undefined;
}

// ---- requests the Charge Point sends -----------------------------------------------------

/**
 * BootNotification.req (OCPP 1.6 §4.2); the Central System must accept it. Vendor and model come
 * from `extra.chargePointVendor` / `extra.chargePointModel` when the CSMS only knows certain ones.
 */
export async function bootNotification(ctx: TestContext): Promise<JsonObject> {
  const peer = await ctx.peer();
  const answer = await ctx.callExpect(
    'BootNotification',
    {
      chargePointVendor: extraText(ctx, 'chargePointVendor', 'ocpp-conform'),
      chargePointModel: extraText(ctx, 'chargePointModel', 'harness-cp'),
      chargePointSerialNumber: extraText(ctx, 'chargePointSerialNumber', ctx.config.stationId.slice(0, 25)),
      firmwareVersion: extraText(ctx, 'firmwareVersion', '1.0.0'),
    },
    { match: { status: 'Accepted' }, describe: 'status Accepted' },
  );
  const model = chargePoint(ctx);
  model.bootedOn = peer;
  return answer;
}

/** StatusNotification.req (OCPP 1.6 §4.9) for one connector; the answer is an empty object. */
export async function statusNotification(ctx: TestContext, connectorId: number, status: ConnectorStatus16, errorCode = 'NoError'): Promise<void> {
  await ctx.callExpect('StatusNotification', { connectorId, errorCode, status, timestamp: nowIso(ctx) });
  chargePoint(ctx).status.set(connectorId, status);
}

/**
 * After a (re)boot the Charge Point reports connector 0 and every connector (OCPP 1.6 §4.9:
 * connectorId 0 is the Charge Point main controller). No transaction survives a boot here.
 */
export async function reportAllConnectors(ctx: TestContext): Promise<void> {
  await statusNotification(ctx, 0, 'Available');
  for (const id of connectorIds(ctx)) await statusNotification(ctx, id, 'Available');
}

/** Authorize.req (OCPP 1.6 §4.1); returns the idTagInfo status the Central System gave. */
export async function authorize(ctx: TestContext, idTag: string): Promise<string | undefined> {
  const answer = await ctx.callExpect('Authorize', { idTag }, { match: (p) => idTagStatus(p) !== undefined, describe: 'an idTagInfo with a status' });
  const status = idTagStatus(answer);
  if (status === 'Accepted') chargePoint(ctx).authorizedIdTag = idTag;
  return status;
}

/** Authorize the configured valid idTag; the Central System must accept it. */
export async function authorizeValid(ctx: TestContext): Promise<void> {
  const idTag = ctx.config.idTokens.valid.idToken;
  const status = await authorize(ctx, idTag);
  ctx.check('Authorize.conf idTagInfo.status for the configured valid idTag', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent' });
}

/**
 * StartTransaction.req (OCPP 1.6 §4.8): the Central System assigns the transactionId and
 * authorizes the idTag again. The transaction is remembered before the checks, so the general
 * restore closes it whatever the verdict.
 */
export async function startTransaction(ctx: TestContext, idTag: string, connectorId = ctx.config.connectorId): Promise<Transaction16> {
  const model = chargePoint(ctx);
  const meterStartWh = model.meterWh;
  const answer = await ctx.callExpect(
    'StartTransaction',
    { connectorId, idTag, meterStart: meterStartWh, timestamp: nowIso(ctx) },
    { match: (p) => typeof p.transactionId === 'number' && idTagStatus(p) !== undefined, describe: 'a transactionId and an idTagInfo' },
  );
  const transactionId = answer.transactionId as number;
  const tx: Transaction16 = { transactionId, connectorId, idTag, meterStartWh };
  model.transaction = tx;
  model.authorizedIdTag = undefined;
  // OCPP 1.6 §4.8 / §6.46: the transactionId identifies the transaction in every later message;
  // 0 (or a negative id) cannot tell one transaction from the next.
  ctx.check('StartTransaction.conf transactionId is a positive integer', Number.isInteger(transactionId) && transactionId > 0, { expected: 'an integer > 0', actual: transactionId });
  const status = idTagStatus(answer);
  ctx.check('StartTransaction.conf idTagInfo.status', status === 'Accepted', { expected: 'Accepted', actual: status ?? 'absent' });
  return tx;
}

/**
 * StopTransaction.req (OCPP 1.6 §4.10) for the open transaction; the Central System must answer
 * with a CALLRESULT (and, with an idTag in the request, MAY give an idTagInfo).
 */
export async function stopTransaction(ctx: TestContext, reason: StopReason16, options: { withIdTag?: boolean } = {}): Promise<JsonObject> {
  const model = chargePoint(ctx);
  const tx = model.transaction;
  if (tx === undefined) throw new Error('stopTransaction: the harness charge point has no open transaction');
  model.meterWh = tx.meterStartWh + 1250;
  const answer = await ctx.callExpect('StopTransaction', {
    transactionId: tx.transactionId,
    meterStop: model.meterWh,
    timestamp: nowIso(ctx),
    reason,
    ...(options.withIdTag === false ? {} : { idTag: tx.idTag }),
  });
  model.transaction = undefined;
  return answer;
}

// ---- connection ---------------------------------------------------------------------------

/** Close the connection (power off / reboot) and wait for the close handshake, bounded. */
export async function disconnect(ctx: TestContext, reason: string): Promise<void> {
  const model = chargePoint(ctx);
  const peer = model.bootedOn ?? (await ctx.peer());
  model.bootedOn = undefined;
  if (peer.closed) return;
  const closed = new Promise<void>((resolve) => peer.onEvent((e) => e.type === 'close' && resolve()));
  peer.close(1000, reason);
  await within(ctx, closed, ctx.config.messageTimeoutMs);
}

/** Wait for `promise`, at most `ms`; the timer never outlives the wait. */
async function within(ctx: TestContext, promise: Promise<unknown>, ms: number): Promise<void> {
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await Promise.race([promise, ctx.clock.sleep(ms, stop.signal).catch(() => undefined)]);
  } finally {
    stop.abort();
    ctx.signal.removeEventListener('abort', onAbort);
  }
}

/** Connected and accepted on the current connection (boot first if this connection never booted). */
export async function ensureBooted(ctx: TestContext): Promise<void> {
  const peer = await ctx.peer();
  const model = chargePoint(ctx);
  if (model.bootedOn === peer && !peer.closed) return;
  await bootNotification(ctx);
  await reportAllConnectors(ctx);
}

/** A restart: the connection drops, the Charge Point reconnects and boots (§4.2: after every reboot). */
export async function reboot(ctx: TestContext, reason: string): Promise<void> {
  await disconnect(ctx, reason);
  // A real charge point is away for seconds (config rebootDelayMs), not 20 ms.
  await ctx.sleep(ctx.config.rebootDelayMs);
  await ctx.peer();
}

/**
 * Answer the Central System's `action` CALLs with `answer` for the rest of the case, and return a
 * promise that settles once the first answer has gone out (so a reboot never cuts it off).
 */
export function answerWith(ctx: TestContext, action: string, answer: (call: InboundCall) => JsonObject): Promise<InboundCall> {
  let settle: (call: InboundCall) => void = () => undefined;
  const sent = new Promise<InboundCall>((resolve) => (settle = resolve));
  ctx.respond(action, (call) => {
    call.after(() => settle(call));
    return answer(call);
  });
  return sent;
}

/** Wait (bounded by the message timeout) until an answer promised by `answerWith` has gone out. */
export async function answered(ctx: TestContext, sent: Promise<unknown>): Promise<void> {
  await within(ctx, sent, ctx.config.messageTimeoutMs);
}

// ---- checks on what the Central System sends ----------------------------------------------

/**
 * RemoteStartTransaction.req (OCPP 1.6 §5.11) as the operator asked for it: the configured valid
 * idTag, the configured connector when a connectorId is given (it is optional), and a charging
 * profile, if any, with purpose TxProfile.
 */
export function checkRemoteStart(ctx: TestContext, payload: JsonObject, frames: number[]): void {
  const idTag = ctx.config.idTokens.valid.idToken;
  ctx.check('RemoteStartTransaction.req idTag is the configured valid idTag', payload.idTag === idTag, { expected: idTag, actual: payload.idTag ?? 'absent', frames });
  if (payload.connectorId !== undefined) {
    ctx.check('RemoteStartTransaction.req connectorId is the configured connector', payload.connectorId === ctx.config.connectorId, { expected: ctx.config.connectorId, actual: payload.connectorId, frames });
  }
  const profile = payload.chargingProfile;
  if (profile !== null && typeof profile === 'object' && !Array.isArray(profile)) {
    const purpose = (profile as JsonObject).chargingProfilePurpose;
    ctx.check('RemoteStartTransaction.req chargingProfile purpose is TxProfile (§5.11)', purpose === 'TxProfile', { expected: 'TxProfile', actual: purpose ?? 'absent', frames });
  }
}

// ---- answers the Charge Point gives ------------------------------------------------------

/**
 * GetConfiguration.conf (OCPP 1.6 §5.8): every key when the request lists none, else the keys
 * asked for, with unknown ones in unknownKey.
 */
export function getConfigurationAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const config = chargePoint(ctx).configuration;
  const entry = ([key, k]: [string, ConfigurationKey16]): JsonObject => ({ key, readonly: k.readonly, value: k.value });
  const asked = Array.isArray(payload.key) ? payload.key.filter((k): k is string => typeof k === 'string') : [];
  if (asked.length === 0) return { configurationKey: [...config.entries()].map(entry) };
  const known = asked.filter((k) => config.has(k));
  const unknown = asked.filter((k) => !config.has(k));
  return {
    configurationKey: known.map((k) => entry([k, config.get(k) as ConfigurationKey16])),
    ...(unknown.length === 0 ? {} : { unknownKey: unknown }),
  };
}

/**
 * ChangeConfiguration.conf (OCPP 1.6 §5.3): NotSupported for a key the Charge Point does not have,
 * Rejected for a read-only key or an integer key given something else, else Accepted (applied).
 */
export function changeConfigurationAnswer(ctx: TestContext, payload: JsonObject): JsonObject {
  const config = chargePoint(ctx).configuration;
  const key = text(payload.key) ?? '';
  const value = text(payload.value) ?? '';
  const current = config.get(key);
  if (current === undefined) return { status: 'NotSupported' };
  if (current.readonly) return { status: 'Rejected' };
  if (/^-?\d+$/.test(current.value) && !/^-?\d+$/.test(value)) return { status: 'Rejected' };
  config.set(key, { value, readonly: false });
  return { status: 'Accepted' };
}
