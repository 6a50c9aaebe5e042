/**
 * Helpers the block B `_CSMS` cases share (SUT = CSMS, the harness plays the station): a CALL
 * whose answer a case judges field by field (with the answer's frame), the entries of a
 * Get/SetVariables request, a cold boot, and the NotifyReport parts that follow an accepted report.
 */
import type { CallOutcome, JsonObject, ObservedCall, TestContext } from '../../../../src/engine/authoring.js';
import { chargingStationInfo, dropConnection, nowIso, obj, stationOf } from '../_shared/station.js';

/** A CALL to the CSMS, its outcome and the frame of the answer (for the checks that judge it). */
export async function callAndAnswer(ctx: TestContext, action: string, payload: JsonObject): Promise<{ outcome: CallOutcome; answer: JsonObject | undefined; frames: number[] }> {
  const from = ctx.journal().length;
  const outcome = await ctx.call(action, payload);
  const entry = ctx.journal().slice(from).find((e) => (e.kind === 'resultIn' || e.kind === 'errorIn') && e.messageId === outcome.messageId);
  const frames = entry !== undefined && 'frameSeq' in entry && typeof entry.frameSeq === 'number' ? [entry.frameSeq] : [];
  return { outcome, answer: outcome.status === 'result' ? outcome.payload : undefined, frames };
}

/** What an outcome was, for the `actual` of a check. */
export function outcomeText(outcome: CallOutcome): unknown {
  if (outcome.status === 'result') return outcome.payload;
  if (outcome.status === 'error') return `CALLERROR ${outcome.errorCode}`;
  return outcome.status === 'timeout' ? `no answer within ${outcome.waitedMs} ms` : 'the connection closed';
}

/** A cold boot starts on a fresh connection: drop the current one and dial again. */
export async function freshConnection(ctx: TestContext): Promise<void> {
  await dropConnection(ctx, 'power cycle');
  await ctx.sleep(ctx.config.rebootDelayMs);
  await ctx.peer();
}

/** BootNotification with `reason`; remembers the connection as booted when the answer is Accepted. */
export async function sendBoot(ctx: TestContext, reason: string): Promise<{ outcome: CallOutcome; answer: JsonObject | undefined; frames: number[] }> {
  const endpoint = await ctx.peer();
  const station = stationOf(ctx);
  station.bootedOn = undefined;
  const sent = await callAndAnswer(ctx, 'BootNotification', { reason, chargingStation: chargingStationInfo(ctx) });
  if (sent.answer?.['status'] === 'Accepted') station.bootedOn = endpoint;
  return sent;
}

/** The getVariableData / setVariableData entries of a request. */
export function entriesOf(call: ObservedCall, list: string): JsonObject[] {
  const v = call.payload[list];
  return Array.isArray(v) ? v.map(obj).filter((e): e is JsonObject => e !== undefined) : [];
}

/** The entry for component.variable[instance] (instance undefined: no instance asked for). */
export function entryFor(entries: readonly JsonObject[], component: string, variable: string, instance?: string): JsonObject | undefined {
  return entries.find((e) => obj(e['component'])?.['name'] === component && obj(e['variable'])?.['name'] === variable && obj(e['variable'])?.['instance'] === instance);
}

export const refOf = (e: JsonObject): unknown => ({ component: e['component'], variable: e['variable'], ...(e['attributeType'] === undefined ? {} : { attributeType: e['attributeType'] }) });

/**
 * After an accepted GetBaseReport / GetReport: the report in `parts` NotifyReportRequests with the
 * request's requestId (seqNo from 0, tbc on all but the last); each must be answered.
 */
export async function sendReport(ctx: TestContext, requestId: number, parts: JsonObject[][]): Promise<void> {
  for (let seqNo = 0; seqNo < parts.length; seqNo++) {
    const { outcome, frames } = await callAndAnswer(ctx, 'NotifyReport', { requestId, generatedAt: nowIso(ctx), seqNo, tbc: seqNo < parts.length - 1, reportData: parts[seqNo] ?? [] });
    ctx.check(`NotifyReportRequest seqNo ${seqNo} of requestId ${requestId} is answered with a NotifyReportResponse`, outcome.status === 'result', {
      expected: 'a CALLRESULT',
      actual: outcomeText(outcome),
      frames,
    });
  }
}

/** One reportData entry: component.variable with its Actual value. */
export function reportEntry(component: JsonObject, variable: string, value: string, mutability = 'ReadWrite'): JsonObject {
  return { component, variable: { name: variable }, variableAttribute: [{ type: 'Actual', value, mutability }] };
}

/**
 * TC_B_12/13/14_CSMS: the operator asks for a base report; the CSMS sends GetBaseReportRequest
 * with that reportBase and a requestId >= 0 (step 1); the station accepts and sends the report in
 * two NotifyReportRequests, each of which the CSMS must take (post scenario, as far as the wire shows).
 */
export async function baseReportScenario(ctx: TestContext, reportBase: string, checks: { step1: (call: ObservedCall) => void; post: (requestId: number) => Promise<void> }): Promise<void> {
  let requestId = 0;
  await ctx.step(`Steps 1-2: the CSMS asks for the ${reportBase} report; the station accepts`, async () => {
    ctx.respond('GetBaseReport', () => ({ status: 'Accepted' }));
    await ctx.dut('triggerGetReport', { reportBase });
    const call = await ctx.expectCall('GetBaseReport');
    checks.step1(call);
    requestId = typeof call.payload['requestId'] === 'number' ? call.payload['requestId'] : 0;
  });
  await ctx.step(`Post scenario: the station reports (NotifyReport, requestId ${requestId}); the CSMS takes every part`, () => checks.post(requestId));
}

/** The parts of the simulated station's report for a base (two parts, so the CSMS sees tbc). */
export function reportParts(ctx: TestContext, reportBase: string): JsonObject[][] {
  const evse = { name: 'EVSE', evse: { id: ctx.config.evseId } };
  const connector = { name: 'Connector', evse: { id: ctx.config.evseId, connectorId: ctx.config.connectorId } };
  const config = [
    reportEntry({ name: 'OCPPCommCtrlr' }, 'HeartbeatInterval', String(ctx.config.heartbeatIntervalS)),
    reportEntry({ name: 'OCPPCommCtrlr' }, 'OfflineThreshold', '60'),
  ];
  const inventory = [reportEntry(evse, 'AvailabilityState', 'Available', 'ReadOnly'), reportEntry(connector, 'AvailabilityState', 'Available', 'ReadOnly')];
  if (reportBase === 'ConfigurationInventory') return [config.slice(0, 1), config.slice(1)];
  if (reportBase === 'SummaryInventory') return [inventory.slice(0, 1), inventory.slice(1)];
  return [config, inventory];
}

/** TC_B_25/26/27_CSMS step 1: the operator resets the configured EVSE; the CSMS's ResetRequest names its type and that EVSE. */
export async function resetEvse(ctx: TestContext, type: 'OnIdle' | 'Immediate', answer: 'Accepted' | 'Scheduled', check: (call: ObservedCall) => void): Promise<void> {
  ctx.respond('Reset', () => ({ status: answer }));
  await ctx.dut('triggerReset', { type, evseId: ctx.config.evseId });
  check(await ctx.expectCall('Reset'));
}

/**
 * The "Configured …" connection data of TC_B_42/44_CSMS (config extra.networkProfile: configurationSlot,
 * ocppCsmsUrl, ocppInterface, messageTimeout, securityProfile). Defaults: slot 1, the run's message
 * timeout and security profile, a wired interface and a CSMS URL whose scheme fits the profile.
 */
export function configuredNetworkProfile(ctx: TestContext): { configurationSlot: number; ocppCsmsUrl: string; ocppInterface: string; messageTimeout: number; securityProfile: number } {
  const given = obj(ctx.config.extra['networkProfile']) ?? {};
  const int = (name: string, fallback: number): number => (typeof given[name] === 'number' && Number.isInteger(given[name]) ? given[name] : fallback);
  const text = (name: string, fallback: string): string => (typeof given[name] === 'string' && given[name] !== '' ? given[name] : fallback);
  const securityProfile = int('securityProfile', ctx.config.securityProfile);
  return {
    configurationSlot: int('configurationSlot', 1),
    ocppCsmsUrl: text('ocppCsmsUrl', `${securityProfile >= 2 ? 'wss' : 'ws'}://csms.example.org/ocpp`),
    ocppInterface: text('ocppInterface', 'Wired0'),
    messageTimeout: int('messageTimeout', Math.max(1, Math.round(ctx.config.messageTimeoutMs / 1000))),
    securityProfile,
  };
}

/** TC_B_42/44_CSMS step 1: the operator sets the configured profile; the station answers `status`. */
export async function setNetworkProfile(ctx: TestContext, status: 'Accepted' | 'Failed'): Promise<ObservedCall> {
  ctx.respond('SetNetworkProfile', () => ({ status }));
  await ctx.dut('triggerSetNetworkProfile', { ...configuredNetworkProfile(ctx) });
  return ctx.expectCall('SetNetworkProfile');
}
