/**
 * Block N, GetMonitoringReport (Part 2 N02): which monitors a request selects (monitoringCriteria
 * and componentVariable together, N02.FR.13) and the NotifyMonitoringReport parts that carry them
 * (seqNo from 0, tbc on every part but the last).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import { componentOf, componentRef, variableOf, variableRef, type Monitor, type MonitorType } from './monitoring-store.js';

const criteriaTypes: Readonly<Record<string, readonly MonitorType[]>> = {
  ThresholdMonitoring: ['UpperThreshold', 'LowerThreshold'],
  DeltaMonitoring: ['Delta'],
  PeriodicMonitoring: ['Periodic', 'PeriodicClockAligned'],
};

/** How many component/variable entries one NotifyMonitoringReport carries. */
export const monitorsPerReport = 3;

export interface ReportFaults {
  ignoreCriteria?: boolean;
  ignoreComponents?: boolean;
  allCustomOnly?: boolean;
}

export function selectMonitors(monitors: readonly Monitor[], payload: JsonObject, faults: ReportFaults = {}): Monitor[] {
  const criteria = Array.isArray(payload['monitoringCriteria']) ? payload['monitoringCriteria'].map(String) : [];
  const wanted = Array.isArray(payload['componentVariable']) ? (payload['componentVariable'] as JsonObject[]) : [];
  const types = new Set(criteria.flatMap((c) => criteriaTypes[c] ?? []));
  return monitors.filter((m) => {
    if (criteria.length === 0 && wanted.length === 0 && faults.allCustomOnly && m.origin !== 'CustomMonitor') return false;
    if (criteria.length > 0 && !faults.ignoreCriteria && !types.has(m.type)) return false;
    if (wanted.length === 0 || faults.ignoreComponents) return true;
    return wanted.some((cv) => {
      const c = componentRef(cv['component'] as JsonObject | undefined);
      if (c.name !== m.spec.component) return false;
      if (c.instance !== undefined && c.instance !== m.spec.componentInstance) return false;
      if (c.evse !== undefined && (c.evse.id !== m.spec.evse?.id || (c.evse.connectorId !== undefined && c.evse.connectorId !== m.spec.evse?.connectorId))) return false;
      if (cv['variable'] === undefined) return true;
      const v = variableRef(cv['variable'] as JsonObject);
      return v.name === m.spec.variable && (v.instance === undefined || v.instance === m.spec.variableInstance);
    });
  });
}

/** The NotifyMonitoringReport payloads of one request: monitors grouped per component/variable. */
export function reportParts(monitors: readonly Monitor[], requestId: number, generatedAt: string): JsonObject[] {
  const groups = new Map<object, Monitor[]>();
  for (const m of monitors) groups.set(m.spec, [...(groups.get(m.spec) ?? []), m]);
  const entries = [...groups.values()].map((ms) => ({
    component: componentOf(ms[0]!.spec),
    variable: variableOf(ms[0]!.spec),
    variableMonitoring: ms.map((m) => ({ id: m.id, transaction: m.transaction, value: m.value, type: m.type, severity: m.severity })),
  }));
  const parts: JsonObject[] = [];
  for (let i = 0; i < entries.length; i += monitorsPerReport) {
    parts.push({ requestId, seqNo: parts.length, generatedAt, monitor: entries.slice(i, i + monitorsPerReport), tbc: i + monitorsPerReport < entries.length });
  }
  return parts;
}
