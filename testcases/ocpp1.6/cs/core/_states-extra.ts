/**
 * Helpers of the OCPP 1.6 `_CS` Core cases of issue #17 part 2 (SUT = charge point) that the
 * shared states (../_shared/) do not offer: the reboot after a Reset or a power cycle with the
 * statuses the OCTT 1.6 document asks for after it, the configured values those cases need
 * ("Configured MeterValueSampleInterval", "Configured Transaction Duration") and the offline
 * preconditions of §2.14 (configuration states "if implemented").
 */
import type { JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { bootExpected, framesOf, fromNow, setConfiguration } from '../_shared/charge-point.js';

/** A number from the run's free-form configured values (`extra`), or the fallback. */
export function extraNumber(ctx: TestContext, name: string, fallback: number): number {
  const value = ctx.config.extra[name];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * OCTT "Configured MeterValueSampleInterval" (seconds): `extra.meterValueSampleIntervalS`, by
 * default the timing tolerance in whole seconds (at least 1): 4 s with the labs' tolerance.
 */
export function meterValueSampleIntervalS(ctx: TestContext): number {
  return Math.round(extraNumber(ctx, 'meterValueSampleIntervalS', Math.max(1, Math.round(ctx.toleranceMs / 1000))));
}

/**
 * OCTT "Configured Transaction Duration": how long the tool watches for a transaction that must
 * not start. `extra.transactionDurationS`, else two tolerances (at least 1 s), at most the
 * message timeout: long enough for a charge point to start one after the idTag and the cable.
 */
export function transactionDurationMs(ctx: TestContext): number {
  const configured = ctx.config.extra['transactionDurationS'];
  if (typeof configured === 'number' && configured > 0) return configured * 1000;
  return Math.min(ctx.config.messageTimeoutMs, Math.max(1000, 2 * ctx.toleranceMs));
}

/** The BootNotification.req of the reboot the case caused (a Reset or a power cycle). */
export async function expectReboot(ctx: TestContext, options: { from?: number } = {}): Promise<ObservedCall> {
  const boot = await ctx.expectCall('BootNotification', { withinMs: ctx.config.connectTimeoutMs, ...(options.from === undefined ? {} : { from: options.from }) });
  bootExpected(ctx, false);
  return boot;
}

/**
 * After an accepted reboot: a StatusNotification.req for connector 0 and for every connector
 * (OCTT 1.6 "Send per connector and connectorId = 0"); the connector of the case must have one
 * of `statuses`, every other one (connector 0 included) `others`.
 */
export async function expectStatusesAfterBoot(
  ctx: TestContext,
  boot: ObservedCall,
  target: { connectorId: number; statuses: readonly string[]; others: string; step: number },
): Promise<ObservedCall[]> {
  ctx.setCursor(Math.max(ctx.cursor(), boot.index + 1));
  return expectEveryConnector(ctx, (connectorId) => (connectorId === target.connectorId ? target.statuses : [target.others]), target.step);
}

/**
 * One StatusNotification.req for connector 0 and for each connector, in any order, from the
 * cursor; each checked against the statuses `wanted` gives for its connector.
 */
export async function expectEveryConnector(ctx: TestContext, wanted: (connectorId: number) => readonly string[], step: number): Promise<ObservedCall[]> {
  const ids = [0, ...Array.from({ length: ctx.config.numberOfEvses }, (_, i) => i + 1)];
  const found = await ctx.expectAll(ids.map((connectorId) => ({ action: 'StatusNotification', match: { connectorId }, describe: `connectorId ${connectorId}` })), { step });
  for (const sn of found) {
    const connectorId = Number(sn.payload['connectorId']);
    const statuses = wanted(connectorId);
    ctx.check(`connector ${connectorId} status`, statuses.includes(String(sn.payload['status'])), { expected: statuses.join(' or '), actual: sn.payload['status'], frames: framesOf(sn), step });
  }
  return found;
}

/** The first StatusNotification.req of a connector with one of `statuses` from journal index `from` (no strict order). */
export async function expectStatusSince(ctx: TestContext, connectorId: number, statuses: readonly string[], from: number, step: number, clause: string): Promise<ObservedCall> {
  return ctx.expectCall('StatusNotification', {
    from,
    match: (p: JsonObject) => p['connectorId'] === connectorId && statuses.includes(String(p['status'])),
    describe: `connectorId ${connectorId}, status ${statuses.join(' or ')}`,
    anyOrder: clause,
    step,
  });
}

/**
 * The configuration states of the offline cases (OCTT 1.6 §2.14): LocalAuthorizeOffline true
 * (required), and LocalAuthListEnabled, AuthorizationCacheEnabled, AllowOfflineTxForUnknownId
 * true "(If implemented)": a charge point that does not know one of those keys (NotSupported)
 * is not held to it. Extra keys (StopTransactionOnInvalidId …) are required.
 * Returns the status each key answered ('Unchanged' when it already had the value).
 */
export async function offlineConfiguration(ctx: TestContext, required: Record<string, string> = {}): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  answers['LocalAuthorizeOffline'] = await setConfiguration(ctx, 'LocalAuthorizeOffline', 'true', { required: true });
  for (const key of ['LocalAuthListEnabled', 'AuthorizationCacheEnabled', 'AllowOfflineTxForUnknownId']) {
    const answer = await setConfiguration(ctx, key, 'true');
    if (answer !== 'Accepted' && answer !== 'Unchanged' && answer !== 'NotSupported') ctx.inconclusive(`could not set ${key} = true for the configuration state (ChangeConfiguration answered ${answer})`);
    answers[key] = answer;
  }
  for (const [key, value] of Object.entries(required)) answers[key] = await setConfiguration(ctx, key, value, { required: true });
  return answers;
}

/**
 * Wait `forMs`, then check that no StartTransaction.req came since journal index `since` (what
 * came before the wait counts too).
 */
export async function expectNoTransactionStarted(ctx: TestContext, since: number, forMs: number, step: number): Promise<void> {
  await ctx.sleep(forMs);
  const starts = ctx.journal().flatMap((e) => (e.index >= since && e.kind === 'callIn' && e.action === 'StartTransaction' ? [e] : []));
  ctx.check(`no StartTransaction.req within ${forMs} ms`, starts.length === 0, {
    expected: 'no StartTransaction.req',
    actual: starts.length === 0 ? 'none' : `${starts.length} StartTransaction.req`,
    frames: framesOf(...starts),
    step,
  });
}

/**
 * "Remove connectivity between Charge Point and Central System": the connection must be seen to
 * drop (within the message timeout), and a moment later the charge point knows it is offline too.
 */
export async function removeConnectivity(ctx: TestContext): Promise<void> {
  const endpoint = await ctx.peer();
  fromNow(ctx);
  await ctx.dut('goOffline');
  const until = ctx.clock.monoMs() + ctx.config.messageTimeoutMs;
  while (!endpoint.closed && ctx.clock.monoMs() < until) await ctx.sleep(20);
  if (!endpoint.closed) ctx.inconclusive(`the connection to the charge point did not drop within ${ctx.config.messageTimeoutMs} ms after connectivity was removed`);
  await ctx.sleep(Math.min(200, ctx.toleranceMs));
}

/** "Restore connectivity between Charge Point and Central System": wait for it to reconnect. */
export async function restoreConnectivity(ctx: TestContext): Promise<void> {
  fromNow(ctx);
  await ctx.dut('goOnline');
  await ctx.peer();
}

/** StopTransaction.req reason of a local stop: "Local or is omitted" (OCTT 1.6 TC_038_CS / TC_039_CS; Local is the default, 1.6 §7.36). */
export function checkLocalStopReason(ctx: TestContext, stop: ObservedCall | undefined, step: number): void {
  const reason = stop?.payload['reason'];
  ctx.check('reason is Local or omitted', reason === undefined || reason === 'Local', { expected: 'Local or omitted', actual: reason ?? 'omitted', frames: framesOf(stop), step });
}

/**
 * The memory states of the offline cases (OCTT 1.6 §2.26), each "(If implemented)":
 * IdTagLocalAuthList when the charge point has a local list (LocalAuthListEnabled could be set),
 * IdTagCached when it has a cache and the idTag is one the Central System accepts (`cacheable`:
 * the cache can only learn an idTag from an Accepted answer). The restore removes the local list
 * again (§1.3). Without any way to authorize the idTag offline (none of these and no
 * AllowOfflineTxForUnknownId) the precondition cannot be established: inconclusive.
 */
export async function offlineMemoryStates(ctx: TestContext, answers: Record<string, string>, idTag: string, options: { cacheable: boolean }): Promise<void> {
  const set = (key: string): boolean => answers[key] === 'Accepted' || answers[key] === 'Unchanged';
  const list = set('LocalAuthListEnabled');
  const cache = options.cacheable && set('AuthorizationCacheEnabled');
  if (list) await ctx.state('IdTagLocalAuthList', { idTag });
  if (cache) await ctx.state('IdTagCached', { idTag });
  if (!list && !cache && !set('AllowOfflineTxForUnknownId')) {
    ctx.inconclusive('the charge point has no local authorization list, no authorization cache for this idTag and no AllowOfflineTxForUnknownId: it cannot authorize the idTag offline as the case needs');
  }
}

/** The frames of one CALL the harness sent and its answer (for the evidence of a check on the answer). */
export function callFrames(ctx: TestContext, messageId: string): number[] {
  return ctx.journal().flatMap((e) => ('messageId' in e && e.messageId === messageId && e.frameSeq !== undefined ? [e.frameSeq] : []));
}
