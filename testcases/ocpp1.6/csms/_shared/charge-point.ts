/**
 * The harness as an OCPP 1.6 Charge Point (SUT = Central System): the requests it sends, each
 * checked against the Central System's answer, and the connection it keeps. The model lives in
 * cp-model.ts, the answers it gives in cp-answers.ts (both re-exported here). The reusable states
 * (states.ts), their `restore` and the `_CSMS` cases share it.
 *
 * Every helper takes an optional `step`: the official step (OCTT 1.6 document §3) the check of the
 * Central System's answer implements, for the trace.
 */
import type { InboundCall, JsonObject, TestContext } from '../../../../src/engine/authoring.js';
import { chargePoint, connectorIds, type ConnectorStatus16, type StopReason16, type Transaction16 } from './cp-model.js';
import { remoteStartAnswer } from './cp-answers.js';

export * from './cp-model.js';
export * from './cp-answers.js';

/** The official step a check implements (absent in a reusable state or the restore). */
export interface StepOption {
  step?: number;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const extraText = (ctx: TestContext, name: string, fallback: string): string => text(ctx.config.extra[name]) ?? fallback;
const nowIso = (ctx: TestContext): string => new Date(ctx.clock.wallMs()).toISOString();
const stepOf = (o: StepOption): StepOption => (o.step === undefined ? {} : { step: o.step });

/** idTagInfo.status of an Authorize / StartTransaction / StopTransaction answer. */
export function idTagStatus(payload: JsonObject): string | undefined {
  const info = payload.idTagInfo;
  return info !== null && typeof info === 'object' && !Array.isArray(info) ? text((info as JsonObject).status) : undefined;
}

/** The wire frames of one message id in the case's journal. */
export function framesOfMessage(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}

/** A request of the Charge Point and the Central System's answer (an empty object when it gave none). */
export interface Answered {
  payload: JsonObject;
  frames: number[];
}

/**
 * Send `action` and require a CALLRESULT: the check names `step` and the frames. A CALLERROR, no
 * answer or a closed connection fails it.
 */
export async function request(ctx: TestContext, action: string, payload: JsonObject, options: StepOption & { describe?: string } = {}): Promise<Answered> {
  const outcome = await ctx.call(action, payload);
  const frames = framesOfMessage(ctx, outcome.messageId);
  const actual =
    outcome.status === 'result' ? `CALLRESULT ${JSON.stringify(outcome.payload)}` : outcome.status === 'error' ? `CALLERROR ${outcome.errorCode} ${outcome.errorDescription}`.trim() : outcome.status === 'timeout' ? `no answer within ${outcome.waitedMs} ms` : 'the connection closed';
  ctx.check(options.describe ?? `${action}.conf received`, outcome.status === 'result', { expected: `a ${action}.conf (CALLRESULT)`, actual, frames, ...stepOf(options) });
  return { payload: outcome.status === 'result' ? outcome.payload : {}, frames };
}

// ---- requests the Charge Point sends -----------------------------------------------------

/**
 * BootNotification.req (OCPP 1.6 §4.2) with the configured vendor and model (OCTT 1.6 §3.22
 * Booted: `extra.chargePointVendor` / `extra.chargePointModel`); the Central System must accept it.
 */
export async function bootNotification(ctx: TestContext, options: StepOption = {}): Promise<JsonObject> {
  const payload = {
    chargePointVendor: extraText(ctx, 'chargePointVendor', 'ocpp-conform'),
    chargePointModel: extraText(ctx, 'chargePointModel', 'harness-cp'),
    chargePointSerialNumber: extraText(ctx, 'chargePointSerialNumber', ctx.config.stationId.slice(0, 25)),
    firmwareVersion: extraText(ctx, 'firmwareVersion', '1.0.0'),
  };
  // Issue #24: a Central System that still holds the previous session may close a new socket
  // without answering. A charge point dials again after a back-off (here the configured reboot
  // time, doubled per attempt, as OCPP-J reconnect back-offs grow) within the connect timeout;
  // only an answer, or a close on the last attempt, is judged.
  const deadline = ctx.clock.monoMs() + ctx.config.connectTimeoutMs;
  let backoffMs = ctx.config.rebootDelayMs;
  for (;;) {
    const peer = await ctx.peer();
    const last = ctx.clock.monoMs() + backoffMs >= deadline;
    const outcome = await ctx.call('BootNotification', payload);
    if (outcome.status === 'closed' && !last) {
      await ctx.sleep(backoffMs);
      backoffMs *= 2;
      continue;
    }
    const accepted = outcome.status === 'result' && outcome.payload['status'] === 'Accepted';
    ctx.check('BootNotification.conf status is Accepted', accepted, {
      expected: 'a BootNotification.conf with status Accepted',
      actual: outcome.status === 'result' ? `CALLRESULT ${JSON.stringify(outcome.payload)}` : outcome.status === 'error' ? `CALLERROR ${outcome.errorCode}` : outcome.status === 'timeout' ? `no answer within ${outcome.waitedMs} ms` : 'the connection closed',
      frames: framesOfMessage(ctx, outcome.messageId),
      ...stepOf(options),
    });
    chargePoint(ctx).bootedOn = peer;
    return outcome.status === 'result' ? outcome.payload : {};
  }
}

/** StatusNotification.req (OCPP 1.6 §4.9) for one connector; the Central System must answer it. */
export async function statusNotification(ctx: TestContext, connectorId: number, status: ConnectorStatus16, errorCode = 'NoError', options: StepOption = {}): Promise<void> {
  await request(ctx, 'StatusNotification', { connectorId, errorCode, status, timestamp: nowIso(ctx) }, { ...options, describe: `StatusNotification.conf for connector ${connectorId} ${status}${errorCode === 'NoError' ? '' : ` (${errorCode})`}` });
  chargePoint(ctx).status.set(connectorId, status);
}

/**
 * After a (re)boot the Charge Point reports connector 0 (the Charge Point main controller, OCPP
 * 1.6 §4.9) and every connector: Available unless `statuses` says otherwise (TC_032_1_CSMS: the
 * connector whose transaction the power loss ended is Finishing).
 */
export async function reportAllConnectors(ctx: TestContext, options: StepOption & { statuses?: ReadonlyMap<number, ConnectorStatus16> } = {}): Promise<void> {
  for (const id of [0, ...connectorIds(ctx)]) await statusNotification(ctx, id, options.statuses?.get(id) ?? 'Available', 'NoError', stepOf(options));
}

/**
 * Authorize.req (OCPP 1.6 §4.1); returns the idTagInfo status the Central System gave. With
 * `expect`, the status must be that one (the check names `step`).
 */
export async function authorize(ctx: TestContext, idTag: string, options: StepOption & { expect?: string } = {}): Promise<string | undefined> {
  const answer = await request(ctx, 'Authorize', { idTag }, stepOf(options));
  const status = idTagStatus(answer.payload);
  if (options.expect !== undefined) ctx.check('Authorize.conf idTagInfo.status', status === options.expect, { expected: options.expect, actual: status ?? 'absent', frames: answer.frames, ...stepOf(options) });
  if (status === 'Accepted') chargePoint(ctx).authorizedIdTag = idTag;
  return status;
}

/** Authorize the configured valid idTag; the Central System must accept it (OCTT 1.6 §3.22 Authorized). */
export async function authorizeValid(ctx: TestContext, options: StepOption = {}): Promise<void> {
  await authorize(ctx, ctx.config.idTokens.valid.idToken, { ...options, expect: 'Accepted' });
}

/**
 * StartTransaction.req (OCPP 1.6 §4.8): the Central System assigns the transactionId and answers
 * the idTag's status, `expect` (default Accepted). The transaction is remembered before the
 * checks, so the general restore closes it whatever the verdict. `timestamp` dates a start that
 * happened while offline.
 */
export async function startTransaction(ctx: TestContext, idTag: string, connectorId = ctx.config.connectorId, options: StepOption & { expect?: string; timestamp?: string } = {}): Promise<Transaction16> {
  const model = chargePoint(ctx);
  const meterStartWh = model.meterWh;
  const answer = await request(ctx, 'StartTransaction', { connectorId, idTag, meterStart: meterStartWh, timestamp: options.timestamp ?? nowIso(ctx) }, stepOf(options));
  const transactionId = typeof answer.payload.transactionId === 'number' ? answer.payload.transactionId : 0;
  const tx: Transaction16 = { transactionId, connectorId, idTag, meterStartWh };
  model.transaction = tx;
  model.authorizedIdTag = undefined;
  const expected = options.expect ?? 'Accepted';
  const status = idTagStatus(answer.payload);
  ctx.check('StartTransaction.conf idTagInfo.status', status === expected, { expected, actual: status ?? 'absent', frames: answer.frames, ...stepOf(options) });
  // OCPP 1.6 §4.8: the transactionId names the transaction in every later message. The document
  // validates only the status, so an id that cannot tell transactions apart (0) only warns.
  ctx.check('StartTransaction.conf transactionId is a positive integer', Number.isInteger(transactionId) && transactionId > 0, { expected: 'an integer > 0', actual: answer.payload.transactionId ?? 'absent', frames: answer.frames, severity: 'warning' });
  return tx;
}

/**
 * StopTransaction.req (OCPP 1.6 §4.10) for the open transaction; the Central System must answer
 * with a CALLRESULT (and, with an idTag in the request, MAY give an idTagInfo).
 */
export async function stopTransaction(ctx: TestContext, reason: StopReason16, options: StepOption & { withIdTag?: boolean; timestamp?: string } = {}): Promise<JsonObject> {
  const model = chargePoint(ctx);
  const tx = model.transaction;
  if (tx === undefined) throw new Error('stopTransaction: the harness charge point has no open transaction');
  model.meterWh = tx.meterStartWh + 1250;
  // Closed on our side whatever the answer: the case judges the answer, the restore must not stop it again.
  model.transaction = undefined;
  const answer = await request(
    ctx,
    'StopTransaction',
    { transactionId: tx.transactionId, meterStop: model.meterWh, timestamp: options.timestamp ?? nowIso(ctx), reason, ...(options.withIdTag === false ? {} : { idTag: tx.idTag }) },
    { ...stepOf(options), describe: `StopTransaction.conf for reason ${reason}` },
  );
  return answer.payload;
}

// ---- connection ---------------------------------------------------------------------------

/** Close the connection (power off / reboot / connectivity lost) and wait for the close handshake, bounded. */
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

/**
 * OCTT 1.6 §1.3 general preconditions of a case whose reusable states are "n/a": the Charge
 * Point is connected and Accepted. The restore after each case keeps it so; only the first case
 * of a run boots here.
 */
export async function generalPreconditions(ctx: TestContext): Promise<void> {
  await ctx.step('§1.3 general preconditions: connected and Accepted by the Central System', async () => {
    await ensureBooted(ctx);
  });
}

/** A restart: the connection drops, the Charge Point reconnects and boots (§4.2: after every reboot). */
export async function reboot(ctx: TestContext, reason: string): Promise<void> {
  await disconnect(ctx, reason);
  // A real charge point is away for seconds (config rebootDelayMs), not 20 ms.
  await ctx.sleep(ctx.config.rebootDelayMs);
  await ctx.peer();
}

/**
 * Connectivity is back after an outage without a restart (TC_037/039_CSMS): the Charge Point dials
 * again and carries on where it was; no BootNotification, as it did not reboot (OCPP 1.6 §4.2
 * asks for one after a (re)boot).
 */
export async function reconnectAfterOutage(ctx: TestContext): Promise<void> {
  await ctx.sleep(ctx.config.rebootDelayMs);
  chargePoint(ctx).bootedOn = await ctx.peer();
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

/**
 * The operator's request through the Central System (`trigger`), the Central System's `action`
 * CALL (the check names `step`) and the answer our Charge Point gave it, once it has gone out.
 */
export async function triggeredCall(
  ctx: TestContext,
  options: StepOption & { action: string; trigger: Parameters<TestContext['dut']>[0]; params?: Record<string, unknown>; answer: (call: InboundCall) => JsonObject },
): Promise<{ payload: JsonObject; frames: number[]; reply: JsonObject }> {
  let reply: JsonObject = {};
  const sent = answerWith(ctx, options.action, (call) => (reply = options.answer(call)));
  await ctx.dut(options.trigger, options.params ?? {});
  const call = await ctx.expectCall(options.action, stepOf(options));
  await answered(ctx, sent);
  return { payload: call.payload, frames: call.frameSeq === undefined ? [] : [call.frameSeq], reply };
}

/** The answer our Charge Point gave is the one the document expects (else the request was not what it asks for). */
export function checkReply(ctx: TestContext, action: string, reply: JsonObject, expected: string, frames: number[], step: number): void {
  ctx.check(`${action}.conf status the Charge Point could give`, reply.status === expected, {
    expected: `${expected} (what a compliant Charge Point answers the request the document describes)`,
    actual: typeof reply.status === 'string' ? `${reply.status}: the request made the Charge Point answer so` : 'no answer of the Charge Point: the request was refused before one (a CALLERROR, see the frames)',
    frames,
    step,
  });
}

// ---- checks on what the Central System sends ----------------------------------------------

/**
 * RemoteStartTransaction.req (OCPP 1.6 §5.11) as the operator asked for it: the configured valid
 * idTag, the configured connector when a connectorId is given (it is optional), and a charging
 * profile, if any, with purpose TxProfile.
 */
export function checkRemoteStart(ctx: TestContext, payload: JsonObject, frames: number[], options: StepOption = {}): void {
  const idTag = ctx.config.idTokens.valid.idToken;
  ctx.check('RemoteStartTransaction.req idTag is the configured valid idTag', payload.idTag === idTag, { expected: idTag, actual: payload.idTag ?? 'absent', frames, ...stepOf(options) });
  if (payload.connectorId !== undefined) {
    ctx.check('RemoteStartTransaction.req connectorId is the configured connector', payload.connectorId === ctx.config.connectorId, { expected: ctx.config.connectorId, actual: payload.connectorId, frames, ...stepOf(options) });
  }
  const profile = payload.chargingProfile;
  if (profile !== null && typeof profile === 'object' && !Array.isArray(profile)) {
    const purpose = (profile as JsonObject).chargingProfilePurpose;
    ctx.check('RemoteStartTransaction.req chargingProfile purpose is TxProfile (§5.11)', purpose === 'TxProfile', { expected: 'TxProfile', actual: purpose ?? 'absent', frames, ...stepOf(options) });
  }
}

/**
 * The Central System, asked by its operator, sends RemoteStartTransaction.req for the configured
 * valid idTag and connector; the Charge Point answers it (Accepted when it is right). `step` is
 * the document's validation step of the request (TC_010: 4, TC_011_1/011_2: 2).
 */
export async function expectRemoteStart(ctx: TestContext, step: number): Promise<void> {
  const params = { connectorId: ctx.config.connectorId, idTag: ctx.config.idTokens.valid.idToken };
  const call = await triggeredCall(ctx, { action: 'RemoteStartTransaction', trigger: 'triggerRequestStartTransaction', params, answer: (c) => remoteStartAnswer(ctx, c.payload), step });
  checkRemoteStart(ctx, call.payload, call.frames, { step });
  checkReply(ctx, 'RemoteStartTransaction', call.reply, 'Accepted', call.frames, step);
}
