/**
 * Block N, the variable monitors of the 2.0.1 station (Part 2 N02–N06, §3.4 of Part 2's device
 * model chapter): hard-wired, pre-configured and custom monitors per component/variable, the
 * checks of SetVariableMonitoring (N04), ClearVariableMonitoring (N06), SetMonitoringBase (N03)
 * and the selection of GetMonitoringReport (N02). No I/O: monitoring.ts wires it to the CALLs
 * and raises the events.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { VariableSpec } from '../device-model-data.js';
import type { ComponentRef, DeviceModel, VariableRef } from '../device-model.js';

export type MonitorType = 'UpperThreshold' | 'LowerThreshold' | 'Delta' | 'Periodic' | 'PeriodicClockAligned';
export type MonitorOrigin = 'HardWiredMonitor' | 'PreconfiguredMonitor' | 'CustomMonitor';
export const monitorTypes: readonly MonitorType[] = ['UpperThreshold', 'LowerThreshold', 'Delta', 'Periodic', 'PeriodicClockAligned'];

export interface Monitor {
  id: number;
  spec: VariableSpec;
  type: MonitorType;
  value: number;
  severity: number;
  transaction: boolean;
  origin: MonitorOrigin;
  /** The pre-configured monitor a custom one overrules (SetVariableMonitoring with its id), restored by FactoryDefault / All. */
  overrules?: Monitor;
}

/** What the store does wrong for a defect (set by monitoring.ts from the switched-on defects). */
export interface MonitorStoreFaults {
  acceptUnknown?: boolean;
  acceptNegativeDelta?: boolean;
  acceptOutOfRange?: boolean;
  acceptDuplicate?: boolean;
  duplicateIgnoresSeverity?: boolean;
  acceptMismatch?: boolean;
  acceptUnsupportedType?: boolean;
  notStored?: boolean;
  replaceAdds?: boolean;
  clearKeeps?: boolean;
  clearUnknownAccepted?: boolean;
  clearHardWired?: boolean;
  baseKeepsCustom?: boolean;
  hardWiredOnlyKeepsPreconfigured?: boolean;
  factoryDefaultNotRestored?: boolean;
}

/** Limits of the numeric variables this station monitors (Part 2 variableCharacteristics minLimit / maxLimit). */
const limits: Readonly<Record<string, { min: number; max: number }>> = { Power: { min: 0, max: 350_000 } };

const numeric = (spec: VariableSpec): boolean => spec.dataType === 'integer' || spec.dataType === 'decimal';
const asObj = (v: unknown): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined);

export function componentOf(spec: VariableSpec): JsonObject {
  return { name: spec.component, ...(spec.componentInstance ? { instance: spec.componentInstance } : {}), ...(spec.evse ? { evse: { ...spec.evse } } : {}) };
}
export function variableOf(spec: VariableSpec): JsonObject {
  return { name: spec.variable, ...(spec.variableInstance ? { instance: spec.variableInstance } : {}) };
}

export function componentRef(c: JsonObject | undefined): ComponentRef {
  const evse = asObj(c?.['evse']);
  return {
    name: typeof c?.['name'] === 'string' ? c['name'] : '',
    ...(typeof c?.['instance'] === 'string' ? { instance: c['instance'] } : {}),
    ...(typeof evse?.['id'] === 'number' ? { evse: { id: evse['id'], ...(typeof evse['connectorId'] === 'number' ? { connectorId: evse['connectorId'] } : {}) } } : {}),
  };
}
export function variableRef(v: JsonObject | undefined): VariableRef {
  return { name: typeof v?.['name'] === 'string' ? v['name'] : '', ...(typeof v?.['instance'] === 'string' ? { instance: v['instance'] } : {}) };
}

export class MonitorStore {
  private monitors: Monitor[] = [];
  /** Pre-configured monitors as the manufacturer shipped them (FactoryDefault / All bring them back). */
  private readonly factory: Monitor[];
  private nextId = 100;
  faults: MonitorStoreFaults = {};

  constructor(private readonly deviceModel: DeviceModel, shipped: readonly Omit<Monitor, 'id'>[]) {
    this.factory = shipped.map((m, i) => ({ ...m, id: i + 1 }));
    this.monitors = this.factory.map((m) => ({ ...m }));
  }

  all(): readonly Monitor[] {
    return this.monitors;
  }

  of(spec: VariableSpec): Monitor[] {
    return this.monitors.filter((m) => m.spec === spec);
  }

  /** One setMonitoringData element (Part 2 N04): the result entry, the monitor stored when Accepted. */
  set(data: JsonObject): { result: JsonObject; monitor?: Monitor } {
    const type = String(data['type']) as MonitorType;
    const severity = typeof data['severity'] === 'number' ? data['severity'] : -1;
    const value = typeof data['value'] === 'number' ? data['value'] : Number.NaN;
    const component = asObj(data['component']);
    const variable = asObj(data['variable']);
    const echo: JsonObject = { type, severity, component: component ?? {}, variable: variable ?? {} };
    const no = (status: string, reasonCode?: string): { result: JsonObject } => ({ result: { status, ...echo, ...(reasonCode ? { statusInfo: { reasonCode } } : {}) } });
    const found = this.deviceModel.lookup(componentRef(component), variableRef(variable));
    if (found.kind !== 'found') {
      if (this.faults.acceptUnknown) return this.accept(undefined, data, echo);
      // N04.FR.16: a variable this station has, but not on that component, is a combination that does not correspond.
      const elsewhere = found.kind === 'UnknownVariable' && this.deviceModel.specsOf((s) => s.variable === String(variable?.['name'])).length > 0;
      if (elsewhere) return this.faults.acceptMismatch ? this.accept(undefined, data, echo) : no('Rejected', 'InvalidValue');
      return no(found.kind, found.kind === 'UnknownComponent' ? 'NotFound' : 'NotFound');
    }
    const spec = found.spec;
    if (!monitorTypes.includes(type)) return no('UnsupportedMonitorType', 'UnsupportedParam');
    if (!Number.isInteger(severity) || severity < 0 || severity > 9) return no('Rejected', 'ValueOutOfRange');
    const threshold = type === 'UpperThreshold' || type === 'LowerThreshold';
    // N04.FR.05: thresholds need a number to compare with.
    if (threshold && !numeric(spec) && !this.faults.acceptUnsupportedType) return no('UnsupportedMonitorType', 'UnsupportedParam');
    if (!Number.isFinite(value)) return no('Rejected', 'InvalidValue');
    // N04.FR.14: a delta is a positive difference; N04.FR.13: a threshold lies within the variable's limits.
    if (type === 'Delta' && value <= 0 && !this.faults.acceptNegativeDelta) return no('Rejected', 'ValueOutOfRange');
    const limit = limits[spec.variable];
    if (threshold && limit && (value < limit.min || value > limit.max) && !this.faults.acceptOutOfRange) return no('Rejected', 'ValueOutOfRange');
    if ((type === 'Periodic' || type === 'PeriodicClockAligned') && value <= 0) return no('Rejected', 'ValueOutOfRange');
    const id = typeof data['id'] === 'number' ? data['id'] : undefined;
    if (id !== undefined) {
      const existing = this.monitors.find((m) => m.id === id);
      if (!existing || existing.origin === 'HardWiredMonitor' || existing.spec !== spec) return no('Rejected', 'InvalidValue');
    } else if (this.monitors.some((m) => m.spec === spec && m.type === type && (m.severity === severity || (this.faults.duplicateIgnoresSeverity === true && m.origin === 'CustomMonitor'))) && !this.faults.acceptDuplicate) {
      // N04.FR.10: one monitor per type and severity on a component/variable.
      return no('Duplicate', 'InvalidValue');
    }
    return this.accept(spec, data, echo, id);
  }

  private accept(spec: VariableSpec | undefined, data: JsonObject, echo: JsonObject, replaces?: number): { result: JsonObject; monitor?: Monitor } {
    const reuse = replaces !== undefined && !this.faults.replaceAdds;
    const id = reuse ? replaces : this.nextId++;
    if (!spec || this.faults.notStored) return { result: { id, status: 'Accepted', ...echo } };
    const old = replaces === undefined ? undefined : this.monitors.find((m) => m.id === replaces);
    const monitor: Monitor = {
      id,
      spec,
      type: echo['type'] as MonitorType,
      value: Number(data['value']),
      severity: Number(echo['severity']),
      transaction: data['transaction'] === true,
      origin: 'CustomMonitor',
      ...(old?.origin === 'PreconfiguredMonitor' ? { overrules: old } : old?.overrules ? { overrules: old.overrules } : {}),
    };
    this.monitors = reuse ? this.monitors.map((m) => (m.id === id ? monitor : m)) : [...this.monitors, monitor];
    return { result: { id, status: 'Accepted', ...echo }, monitor };
  }

  /** ClearVariableMonitoring (N06): Accepted, Rejected for a hard-wired monitor (N06.FR.03), NotFound. */
  clear(ids: readonly number[]): JsonObject[] {
    return ids.map((id) => {
      const m = this.monitors.find((x) => x.id === id);
      if (!m) return this.faults.clearUnknownAccepted ? { id, status: 'Accepted' } : { id, status: 'NotFound', statusInfo: { reasonCode: 'NotFound' } };
      if (m.origin === 'HardWiredMonitor' && !this.faults.clearHardWired) return { id, status: 'Rejected', statusInfo: { reasonCode: 'ReadOnly' } };
      if (!this.faults.clearKeeps) this.monitors = this.monitors.filter((x) => x !== m);
      return { id, status: 'Accepted' };
    });
  }

  /** SetMonitoringBase (N03, errata 2025-01 remark): which monitors stay. */
  setBase(base: string): void {
    const hardWired = this.factory.filter((m) => m.origin === 'HardWiredMonitor');
    const preconfigured = this.factory.filter((m) => m.origin === 'PreconfiguredMonitor');
    const custom = this.monitors.filter((m) => m.origin === 'CustomMonitor');
    const keep = this.faults.baseKeepsCustom ? custom : [];
    if (base === 'HardWiredOnly') {
      const stay = this.faults.hardWiredOnlyKeepsPreconfigured ? this.monitors.filter((m) => m.origin === 'PreconfiguredMonitor') : [];
      this.monitors = [...hardWired.map((m) => ({ ...m })), ...stay, ...keep];
    } else if (base === 'FactoryDefault') {
      const back = this.faults.factoryDefaultNotRestored ? this.monitors.filter((m) => m.origin !== 'CustomMonitor' || keep.includes(m)) : preconfigured.map((m) => ({ ...m }));
      this.monitors = [...hardWired.map((m) => ({ ...m })), ...back.filter((m) => m.origin !== 'HardWiredMonitor'), ...keep.filter((m) => !back.includes(m))];
    } else {
      // All: every pre-configured monitor that no custom monitor overrules, the custom ones intact.
      const overruled = new Set(custom.map((m) => m.overrules?.id).filter((id) => id !== undefined));
      this.monitors = [...hardWired.map((m) => ({ ...m })), ...preconfigured.filter((m) => !overruled.has(m.id)).map((m) => ({ ...m })), ...custom];
    }
  }

  /** Forget the custom monitors (the monitor-lost-on-reboot defect). */
  dropCustom(): void {
    this.monitors = this.monitors.filter((m) => m.origin !== 'CustomMonitor');
  }
}
