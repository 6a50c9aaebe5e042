/**
 * Block B, provisioning, the CSMS's own requests beyond Reset and the variables: which base report
 * it asks for, the SetNetworkProfile it builds from the operator's connection data (B09), and the
 * defects that bend these requests the way real CSMSs got them wrong.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { obj, str, type Call, type StationMemory } from '../block.js';
import { ParamError, type Params } from '../params.js';
import type { TriggerContext } from '../triggers.js';

export const provisioningRequestDefects = [
  { name: 'get-variables-first-only', description: 'asked for several variables, sends a GetVariablesRequest with only the first one' },
  { name: 'set-variables-first-only', description: 'asked to set several variables, sends a SetVariablesRequest with only the first one' },
  { name: 'base-report-wrong-base', description: 'GetBaseReportRequest.reportBase is the next value of the enumeration (an off-by-one in the mapping): Configuration → Full → Summary → Configuration' },
  { name: 'report-criteria-dropped', description: 'a GetReportRequest with both componentVariable and componentCriteria is sent without the componentCriteria' },
  { name: 'reset-evse-id-dropped', description: 'asked to reset one EVSE, sends a ResetRequest without evseId (resets the whole station)' },
  { name: 'get-variables-ignores-items-per-message', description: 'puts every requested variable in one GetVariablesRequest, more than the DeviceDataCtrlr.ItemsPerMessage[GetVariables] the station reported' },
  { name: 'network-profile-wrong-version', description: 'SetNetworkProfileRequest.connectionData.ocppVersion is OCPP16 on a 2.0.1 connection (copied from the 1.6 code path)' },
] as const;

export const reportBases = ['ConfigurationInventory', 'FullInventory', 'SummaryInventory'] as const;
type ReportBase = (typeof reportBases)[number];

/** The base report the CSMS puts in GetBaseReportRequest (the base-report-wrong-base defect shifts it by one). */
export function baseReportOf(ctx: TriggerContext, wanted: ReportBase): ReportBase {
  if (!ctx.has('base-report-wrong-base')) return wanted;
  return reportBases[(reportBases.indexOf(wanted) + 1) % reportBases.length] ?? wanted;
}

/** A *-first-only defect keeps only the first entry of a multi-entry request. */
export function firstOnly<T>(ctx: TriggerContext, defect: string, entries: T[]): T[] {
  return ctx.has(defect) && entries.length > 1 ? entries.slice(0, 1) : entries;
}

const interfaces = ['Wired0', 'Wired1', 'Wired2', 'Wired3', 'Wireless0', 'Wireless1', 'Wireless2', 'Wireless3'] as const;

/**
 * B09: SetNetworkProfileRequest for one configuration slot of the station. The operator gives the
 * slot and the new CSMS URL; the rest defaults to what this CSMS uses (JSON over a wired
 * interface, security profile 0 unless given, the message timeout the station should use).
 */
export function setNetworkProfile(ctx: TriggerContext, p: Params): Call {
  const ocppCsmsUrl = p.str('ocppCsmsUrl');
  if (ocppCsmsUrl === undefined || ocppCsmsUrl === '') throw new ParamError('parameter ocppCsmsUrl (the CSMS URL of the new profile) is required');
  const connectionData: JsonObject = {
    ocppVersion: ctx.has('network-profile-wrong-version') ? 'OCPP16' : 'OCPP20',
    ocppTransport: 'JSON',
    ocppCsmsUrl,
    messageTimeout: p.int('messageTimeout') ?? 30,
    securityProfile: p.int('securityProfile') ?? 0,
    ocppInterface: p.oneOf('ocppInterface', interfaces) ?? 'Wired0',
  };
  return { action: 'SetNetworkProfile', payload: { configurationSlot: p.int('configurationSlot') ?? 1, connectionData } };
}

/** The memory key of a component/variable: "Component.Variable[Instance]" (the instance only when there is one). */
export function variableKey(component: unknown, variable: unknown): string | undefined {
  const c = str(obj(component)?.name);
  const v = obj(variable);
  const name = str(v?.name);
  if (c === undefined || name === undefined) return undefined;
  const instance = str(v?.instance);
  return `${c}.${name}${instance === undefined ? '' : `[${instance}]`}`;
}

/** B06: what a station's GetVariablesResponse says of its device model (accepted values only). */
export function learnVariables(memory: StationMemory, call: { action: string }, response: JsonObject): void {
  if (call.action !== 'GetVariables' || !Array.isArray(response.getVariableResult)) return;
  for (const result of response.getVariableResult) {
    const r = obj(result);
    const key = variableKey(r?.component, r?.variable);
    const value = str(r?.attributeValue);
    if (r?.attributeStatus === 'Accepted' && key !== undefined && value !== undefined) memory.remember(key, value);
  }
}

/**
 * B06.FR.05: no more entries in one request than the station's DeviceDataCtrlr.ItemsPerMessage
 * for that message, when the CSMS has learnt it; the rest follow in further requests.
 */
export function splitByItemsPerMessage(ctx: TriggerContext, action: 'GetVariables' | 'SetVariables', list: string, entries: unknown[]): Call {
  const limit = Number(ctx.known?.(`DeviceDataCtrlr.ItemsPerMessage[${action}]`));
  const size = Number.isInteger(limit) && limit > 0 && !ctx.has('get-variables-ignores-items-per-message') ? limit : entries.length;
  const chunks: unknown[][] = [];
  for (let i = 0; i < entries.length; i += Math.max(1, size)) chunks.push(entries.slice(i, i + Math.max(1, size)));
  const [first, ...rest] = chunks.length === 0 ? [entries] : chunks;
  return { action, payload: { [list]: first ?? [] }, ...(rest.length === 0 ? {} : { then: rest.map((chunk) => ({ action, payload: { [list]: chunk } })) }) };
}
