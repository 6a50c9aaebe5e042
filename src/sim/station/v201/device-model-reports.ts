/**
 * Block B, device-model reports: GetBaseReport (B07: FullInventory, ConfigurationInventory,
 * SummaryInventory) and GetReport (B08: component/variable selection and component criteria),
 * answered with NotifyReport in ItemsPerMessage parts (seqNo 0, 1, …; tbc while more follow).
 * Split out of provisioning.ts; the device model itself is ../device-model.ts.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201 } from './context.js';

/** The component criteria this station evaluates (Part 2 ComponentCriterionEnumType minus Active: no component of ours has an Active variable). */
export const supportedCriteria: readonly string[] = ['Available', 'Enabled', 'Problem'];
/** SummaryInventory (Part 2 B07): availability, plus these when a component has them set. */
const problemVariables = ['Problem', 'Tripped', 'Overload', 'Fallback'];

interface Selector {
  component: { name?: string; instance?: string; evse?: { id?: number; connectorId?: number } };
  variable?: { name?: string; instance?: string };
}

const obj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);
const componentOf = (d: JsonObject): JsonObject => obj(d['component']) ?? {};
const variableOf = (d: JsonObject): JsonObject => obj(d['variable']) ?? {};
const valueOf = (d: JsonObject): unknown => obj((d['variableAttribute'] as unknown[] | undefined)?.[0])?.['value'];
/** One component (name, instance, EVSE, connector) as a key. */
const componentKey = (d: JsonObject): string => {
  const c = componentOf(d);
  const evse = obj(c['evse']);
  return JSON.stringify([c['name'], c['instance'], evse?.['id'], evse?.['connectorId']]);
};

export const deviceModelReports: Block201 = {
  name: 'provisioning-reports',
  defects: [
    { name: 'no-notify-report', description: 'accepts GetBaseReport but never sends NotifyReport' },
    { name: 'config-inventory-omits-required', description: 'the ConfigurationInventory base report leaves out the writable TxStartPoint, TxStopPoint, AuthorizeRemoteStart and NetworkConfigurationPriority (FullInventory has them)' },
    { name: 'report-omits-required-variables', description: 'NotifyReport leaves out required variables (TxStartPoint, TxStopPoint, AuthorizeRemoteStart, SampledDataCtrlr, AlignedDataCtrlr, NetworkConfigurationPriority)' },
    { name: 'summary-omits-evse', description: 'the SummaryInventory base report leaves out the EVSE components' },
    { name: 'criteria-ignored', description: 'GetReport ignores componentCriteria: every variable of the selection is reported' },
    { name: 'criteria-unsupported-accepted', description: 'GetReport with a component criterion the station does not support is Accepted (the criterion ignored) instead of NotSupported' },
    { name: 'report-first-instance-only', description: 'GetReport for a variable without instance reports only its first instance' },
    { name: 'report-ignores-instance', description: 'GetReport for a variable with an instance reports every instance of it' },
    { name: 'report-evse-needs-id', description: 'GetReport for an EVSE component without evse.id matches no EVSE' },
    { name: 'custom-report-no-characteristics', description: 'NotifyReport after GetReport leaves out variableCharacteristics' },
    { name: 'report-option-value-not-listed', description: 'NotifyReport gives AvailabilityState values in lower case, outside their valuesList' },
    { name: 'accepts-unsupported-summary-inventory', description: 'cannot provide the SummaryInventory, yet answers GetBaseReport SummaryInventory Accepted and sends a report' },
  ],
  quirks: [
    // Part 5 C-56 is optional; Part 2 B07.FR.02: an unsupported reportBase is NotSupported (TC_B_15_CS).
    { name: 'no-summary-inventory', description: 'variant without the optional SummaryInventory base report (GetBaseReport SummaryInventory is NotSupported)', pics: { 'C-56': false } },
  ],
  create: (ctx) => ({
    handlers: {
      GetBaseReport: (call) => getBaseReport(ctx, call),
      GetReport: (call) => getReport(ctx, call),
    },
  }),
};

function getBaseReport(ctx: Context201, call: InboundCall): JsonObject {
  const { core, deviceModel } = ctx;
  const requestId = Number(call.payload['requestId']);
  const base = String(call.payload['reportBase']);
  let data: JsonObject[];
  if (base === 'ConfigurationInventory') {
    data = deviceModel.report((s) => s.mutability !== 'ReadOnly');
    if (core.has('config-inventory-omits-required')) data = data.filter((d) => !['TxStartPoint', 'TxStopPoint', 'AuthorizeRemoteStart', 'NetworkConfigurationPriority'].includes(String(variableOf(d)['name'])));
  } else if (base === 'SummaryInventory' && (!core.has('no-summary-inventory') || core.has('accepts-unsupported-summary-inventory'))) {
    data = deviceModel.report((s) => s.variable === 'AvailabilityState' || problemVariables.includes(s.variable)).filter((d) => variableOf(d)['name'] === 'AvailabilityState' || valueOf(d) === 'true');
    if (core.has('summary-omits-evse')) data = data.filter((d) => componentOf(d)['name'] !== 'EVSE');
  } else if (base === 'FullInventory') {
    data = deviceModel.report();
  } else {
    return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
  }
  if (!core.has('no-notify-report')) call.after(() => notifyReport(ctx, requestId, data));
  return { status: 'Accepted' };
}

/** Does a report entry fall under one componentVariable selector (Part 2 B08: absent parts select all)? */
function selects(ctx: Context201, sel: Selector, d: JsonObject): boolean {
  const c = componentOf(d);
  const v = variableOf(d);
  const evse = obj(c['evse']);
  if (sel.component.name !== c['name']) return false;
  if (sel.component.instance !== undefined && sel.component.instance !== c['instance']) return false;
  if (sel.component.evse === undefined) {
    if (evse !== undefined && ctx.core.has('report-evse-needs-id')) return false;
  } else {
    if (sel.component.evse.id !== undefined && sel.component.evse.id !== evse?.['id']) return false;
    if (sel.component.evse.connectorId !== undefined && sel.component.evse.connectorId !== evse?.['connectorId']) return false;
  }
  if (sel.variable === undefined) return true;
  if (sel.variable.name !== v['name']) return false;
  if (sel.variable.instance !== undefined && !ctx.core.has('report-ignores-instance')) return sel.variable.instance === v['instance'];
  return true;
}

function getReport(ctx: Context201, call: InboundCall): JsonObject {
  const { core, deviceModel } = ctx;
  const requestId = Number(call.payload['requestId']);
  const wanted = (call.payload['componentVariable'] as Selector[] | undefined) ?? [];
  const criteria = (call.payload['componentCriteria'] as string[] | undefined) ?? [];
  const unsupported = criteria.filter((c) => !supportedCriteria.includes(c));
  // Part 2 B08.FR.02: a criterion the station cannot evaluate makes the whole request NotSupported.
  if (unsupported.length > 0 && !core.has('criteria-unsupported-accepted')) return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam', additionalInfo: `componentCriteria ${unsupported.join(', ')}` } };
  const applied = core.has('criteria-ignored') ? [] : criteria.filter((c) => supportedCriteria.includes(c));
  const all = deviceModel.report();
  // A component meets a criterion when its variable of that name is "true" (Available, Enabled, Problem).
  const meeting = new Set(all.filter((d) => applied.includes(String(variableOf(d)['name'])) && valueOf(d) === 'true').map(componentKey));
  let data = all.filter((d) => {
    if (applied.length > 0 && !meeting.has(componentKey(d))) return false;
    // Criteria alone (Part 6 TC_B_16_CS step 3): the criterion variables of the matching components.
    if (wanted.length === 0) return applied.length === 0 || applied.includes(String(variableOf(d)['name']));
    return wanted.some((sel) => selects(ctx, sel, d));
  });
  if (core.has('report-first-instance-only')) {
    const seen = new Set<string>();
    data = data.filter((d) => {
      const key = `${componentKey(d)}|${String(variableOf(d)['name'])}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (core.has('custom-report-no-characteristics')) data = data.map(({ variableCharacteristics: _, ...rest }) => rest);
  if (data.length === 0) return { status: 'EmptyResultSet' };
  if (!core.has('no-notify-report')) call.after(() => notifyReport(ctx, requestId, data));
  return { status: 'Accepted' };
}

/** The report-omits-required-variables defect: what a sloppy report leaves out. */
const omittedByDefect = (d: JsonObject): boolean => {
  const component = componentOf(d)['name'];
  const variable = String(variableOf(d)['name']);
  return component === 'SampledDataCtrlr' || component === 'AlignedDataCtrlr' || ['TxStartPoint', 'TxStopPoint', 'AuthorizeRemoteStart', 'NetworkConfigurationPriority'].includes(variable);
};

/** The report-option-value-not-listed defect: AvailabilityState in lower case. */
const lowerCaseAvailability = (d: JsonObject): JsonObject => {
  if (variableOf(d)['name'] !== 'AvailabilityState') return d;
  const attributes = (d['variableAttribute'] as JsonObject[] | undefined) ?? [];
  return { ...d, variableAttribute: attributes.map((a) => (typeof a['value'] === 'string' ? { ...a, value: a['value'].toLowerCase() } : a)) };
};

async function notifyReport({ core, deviceModel }: Context201, requestId: number, all: JsonObject[]): Promise<void> {
  let data = core.has('report-omits-required-variables') ? all.filter((d) => !omittedByDefect(d)) : all;
  if (core.has('report-option-value-not-listed')) data = data.map(lowerCaseAvailability);
  const per = Math.max(1, deviceModel.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'));
  const generatedAt = core.nowIso();
  for (let i = 0, seqNo = 0; i < data.length; i += per, seqNo++) {
    const part = data.slice(i, i + per);
    const tbc = i + per < data.length;
    await core.send('NotifyReport', { requestId, generatedAt, seqNo, tbc, reportData: part }, { anyState: true });
  }
}
