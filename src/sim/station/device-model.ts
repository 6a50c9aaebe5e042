/**
 * The 2.0.1 device model store with the Get/SetVariables attribute rules of Part 2 B05/B06:
 * UnknownComponent, UnknownVariable, NotSupportedAttributeType (we implement the Actual
 * attribute only), Rejected for ReadOnly writes / WriteOnly reads / badly formatted values,
 * RebootRequired for variables that only take effect after a reboot.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { VariableSpec } from './device-model-data.js';

export interface ComponentRef {
  name: string;
  instance?: string;
  evse?: { id: number; connectorId?: number };
}
export interface VariableRef {
  name: string;
  instance?: string;
}

type Lookup = { kind: 'found'; spec: VariableSpec } | { kind: 'UnknownComponent' } | { kind: 'UnknownVariable' };

export type GetVariableStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetVariableStatus = GetVariableStatus | 'RebootRequired';

export interface DeviceModelBehaviour {
  unknownAccepted?: boolean;
  ignoreAttributeType?: boolean;
  readOnlyAccepted?: boolean;
  acceptInvalidValues?: boolean;
  ignoreWrites?: boolean;
  rebootRequiredAlways?: boolean;
}

const sameEvse = (a: ComponentRef['evse'], b: VariableSpec['evse']): boolean =>
  (a === undefined && b === undefined) || (a !== undefined && b !== undefined && a.id === b.id && a.connectorId === b.connectorId);

export class DeviceModel {
  /**
   * Shared, never written: the specs (and their initial values) are the same objects in every
   * station built from the same list. Only the values a station changes live in `values`
   * (copy-on-write, issue #14: a full copy per station cost most of a station's memory).
   */
  private readonly specs: readonly VariableSpec[];
  private readonly values = new Map<VariableSpec, string>();
  private readonly listeners = new Set<(component: string, variable: string, value: string) => void>();
  /** Listeners that need the whole variable (its EVSE, its instance): block N's monitors. */
  private readonly specListeners = new Set<(spec: VariableSpec, value: string) => void>();
  /** A hardware variant's narrower valuesList of a shared spec (this station only). */
  private readonly narrowed = new Map<VariableSpec, readonly string[]>();

  constructor(specs: readonly VariableSpec[], private behaviour: DeviceModelBehaviour = {}) {
    this.specs = specs;
  }

  private valueOf(spec: VariableSpec): string {
    return this.values.get(spec) ?? spec.value;
  }

  /** How Get/SetVariables misbehave: set by the provisioning block from its defects. */
  behave(behaviour: DeviceModelBehaviour): void {
    this.behaviour = { ...behaviour };
  }

  /** This station supports only `allowed` of a list variable's values (a hardware variant, e.g. no EnergyTransfer start point). */
  narrow(component: string, variable: string, allowed: readonly string[]): void {
    for (const spec of this.specs) if (spec.component === component && spec.variable === variable) this.narrowed.set(spec, (spec.valuesList ?? []).filter((v) => allowed.includes(v)));
  }

  private valuesListOf(spec: VariableSpec): readonly string[] | undefined {
    return this.narrowed.get(spec) ?? spec.valuesList;
  }

  /** Called after a value changed (by SetVariables or by the station itself). */
  onChange(listener: (component: string, variable: string, value: string) => void): void {
    this.listeners.add(listener);
  }

  /** Called after a value changed, with the variable's spec (EVSE, instances) and its new value. */
  onSpecChange(listener: (spec: VariableSpec, value: string) => void): void {
    this.specListeners.add(listener);
  }

  /** The current value of a variable spec. */
  valueOfSpec(spec: VariableSpec): string {
    return this.valueOf(spec);
  }

  lookup(component: ComponentRef, variable: VariableRef): Lookup {
    const comps = this.specs.filter((s) => s.component === component.name && s.componentInstance === component.instance && sameEvse(component.evse, s.evse));
    if (comps.length === 0) return { kind: 'UnknownComponent' };
    const exact = comps.filter((s) => s.variable === variable.name && s.variableInstance === variable.instance);
    // A request without an instance for a variable that only exists with one instance names that one.
    const loose = variable.instance === undefined ? comps.filter((s) => s.variable === variable.name) : [];
    const spec = exact[0] ?? (loose.length === 1 ? loose[0] : undefined);
    return spec ? { kind: 'found', spec } : { kind: 'UnknownVariable' };
  }

  /** Current value of a known station variable (throws on a typo: that is our bug). */
  value(component: string, variable: string, instance?: string, evse?: ComponentRef['evse']): string {
    const found = this.lookup({ name: component, ...(evse ? { evse } : {}) }, { name: variable, ...(instance ? { instance } : {}) });
    if (found.kind !== 'found') throw new Error(`device model has no ${component}.${variable}`);
    return this.valueOf(found.spec);
  }
  int(component: string, variable: string, instance?: string): number {
    return Number.parseInt(this.value(component, variable, instance), 10) || 0;
  }
  bool(component: string, variable: string, instance?: string): boolean {
    return this.value(component, variable, instance) === 'true';
  }
  list(component: string, variable: string, instance?: string): string[] {
    return this.value(component, variable, instance).split(',').map((x) => x.trim()).filter((x) => x !== '');
  }

  /** The station changes its own (read-only) values, e.g. AvailabilityState; no validation. */
  setInternal(component: ComponentRef, variable: VariableRef, value: string): void {
    const found = this.lookup(component, variable);
    if (found.kind !== 'found') return;
    if (this.valueOf(found.spec) === value) return;
    this.values.set(found.spec, value);
    this.notify(found.spec, value);
  }

  get(component: ComponentRef, variable: VariableRef, attributeType = 'Actual'): { status: GetVariableStatus; value?: string } {
    const found = this.lookup(component, variable);
    if (found.kind !== 'found') return this.behaviour.unknownAccepted ? { status: 'Accepted', value: '' } : { status: found.kind };
    if (attributeType !== 'Actual' && !this.behaviour.ignoreAttributeType) return { status: 'NotSupportedAttributeType' };
    if (found.spec.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: this.valueOf(found.spec) };
  }

  set(component: ComponentRef, variable: VariableRef, value: string, attributeType = 'Actual'): SetVariableStatus {
    const found = this.lookup(component, variable);
    if (found.kind !== 'found') return this.behaviour.unknownAccepted ? 'Accepted' : found.kind;
    const spec = found.spec;
    if (attributeType !== 'Actual' && !this.behaviour.ignoreAttributeType) return 'NotSupportedAttributeType';
    if (spec.mutability === 'ReadOnly' && !this.behaviour.readOnlyAccepted) return 'Rejected';
    if (!this.valid(spec, value) && !this.behaviour.acceptInvalidValues) return 'Rejected';
    if (!this.behaviour.ignoreWrites && this.valueOf(spec) !== value) {
      this.values.set(spec, value);
      this.notify(spec, value);
    }
    return spec.rebootRequired || this.behaviour.rebootRequiredAlways ? 'RebootRequired' : 'Accepted';
  }

  /** Override defaults before start (options.settings): "Component.Variable[.Instance]" → value. */
  configure(settings: Record<string, string>): void {
    for (const [key, value] of Object.entries(settings)) {
      const [component = '', variable = '', instance] = key.split('.');
      const found = this.lookup({ name: component }, { name: variable, ...(instance ? { instance } : {}) });
      if (found.kind === 'found') this.values.set(found.spec, value);
    }
  }

  /** ReportData entries for GetBaseReport / GetReport (Part 2 B07/B08). */
  report(filter: (spec: VariableSpec) => boolean = () => true): JsonObject[] {
    return this.specs.filter(filter).map((s) => ({
      component: { name: s.component, ...(s.componentInstance ? { instance: s.componentInstance } : {}), ...(s.evse ? { evse: { ...s.evse } } : {}) },
      variable: { name: s.variable, ...(s.variableInstance ? { instance: s.variableInstance } : {}) },
      variableAttribute: [{ type: 'Actual', ...(s.mutability === 'WriteOnly' ? {} : { value: this.valueOf(s) }), mutability: s.mutability, persistent: true, constant: false }],
      variableCharacteristics: {
        dataType: s.dataType,
        supportsMonitoring: false,
        ...(s.unit ? { unit: s.unit } : {}),
        ...(this.valuesListOf(s) ? { valuesList: (this.valuesListOf(s) ?? []).join(',') } : {}),
      },
    }));
  }

  specsOf(filter: (spec: VariableSpec) => boolean): VariableSpec[] {
    return this.specs.filter(filter);
  }

  /** Everything, for snapshots: "Component[evse].Variable[.Instance]" → value. */
  dump(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const s of this.specs) {
      const evse = s.evse ? `[${s.evse.id}${s.evse.connectorId === undefined ? '' : `/${s.evse.connectorId}`}]` : '';
      out[`${s.component}${evse}.${s.variable}${s.variableInstance ? `.${s.variableInstance}` : ''}`] = this.valueOf(s);
    }
    return out;
  }

  private valid(spec: VariableSpec, value: string): boolean {
    if (value.length > 1000) return false;
    switch (spec.dataType) {
      case 'integer':
        return /^-?\d+$/.test(value) && (spec.min === undefined || Number(value) >= spec.min);
      case 'decimal':
        return /^-?\d+(\.\d+)?$/.test(value);
      case 'boolean':
        return value === 'true' || value === 'false';
      case 'dateTime':
        return !Number.isNaN(Date.parse(value));
      case 'OptionList':
        return (this.valuesListOf(spec) ?? []).includes(value);
      case 'MemberList':
      case 'SequenceList': {
        const items = value.split(',').map((x) => x.trim());
        if (value === '') return spec.value === '';
        return items.every((x) => (this.valuesListOf(spec) ?? []).includes(x));
      }
      case 'string':
        return true;
    }
  }

  private notify(spec: VariableSpec, value: string): void {
    for (const l of [...this.listeners]) l(spec.component, spec.variable, value);
    for (const l of [...this.specListeners]) l(spec, value);
  }
}
