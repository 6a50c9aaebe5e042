/**
 * OCPP 1.6 configuration keys of the reference charge point (1.6 edition 2 chapter 9), as data,
 * and the Get/ChangeConfiguration rules: unknown keys → NotSupported / unknownKey, read-only keys
 * → Rejected, badly formatted values → Rejected, reboot-only keys → RebootRequired. The keys
 * themselves are declared by the feature-profile modules (station/v16/*.ts `configKeys`).
 */
export type KeyType = 'int' | 'bool' | 'string' | 'csl';

export interface ConfigKeySpec {
  key: string;
  type: KeyType;
  readonly: boolean;
  value: string;
  rebootRequired?: boolean;
  /** For comma separated lists: allowed members. */
  members?: readonly string[];
}

export const configMeasurands = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage', 'SoC'] as const;
/** One key spec (the profile modules declare their keys with it). */
export const k = (key: string, type: KeyType, readonly: boolean, value: string, extra: Partial<ConfigKeySpec> = {}): ConfigKeySpec => ({ key, type, readonly, value, ...extra });

export type ChangeConfigurationStatus = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

export interface ConfigKeyBehaviour {
  unknownRejected?: boolean;
  readOnlyAccepted?: boolean;
  acceptInvalidValues?: boolean;
  ignoreWrites?: boolean;
}

export class ConfigKeys {
  private readonly specs: ConfigKeySpec[];
  private readonly listeners = new Set<(key: string, value: string) => void>();

  constructor(specs: readonly ConfigKeySpec[], private behaviour: ConfigKeyBehaviour = {}) {
    this.specs = specs.map((s) => ({ ...s }));
  }

  /** How Get/ChangeConfiguration misbehave: set by the core profile block from its defects. */
  behave(behaviour: ConfigKeyBehaviour): void {
    this.behaviour = { ...behaviour };
  }

  onChange(listener: (key: string, value: string) => void): void {
    this.listeners.add(listener);
  }

  find(key: string): ConfigKeySpec | undefined {
    return this.specs.find((s) => s.key === key);
  }
  value(key: string): string {
    return this.find(key)?.value ?? '';
  }
  int(key: string): number {
    return Number.parseInt(this.value(key), 10) || 0;
  }
  bool(key: string): boolean {
    return this.value(key).toLowerCase() === 'true';
  }
  list(key: string): string[] {
    return this.value(key).split(',').map((x) => x.trim()).filter((x) => x !== '');
  }

  configure(settings: Record<string, string>): void {
    for (const [key, value] of Object.entries(settings)) {
      const spec = this.find(key);
      if (spec) spec.value = value;
    }
  }

  /** GetConfiguration: every key when `keys` is empty/absent; unknown keys are listed apart. */
  get(keys: readonly string[] | undefined): { configurationKey: Array<{ key: string; readonly: boolean; value: string }>; unknownKey: string[] } {
    const wanted = keys && keys.length > 0 ? keys : this.specs.map((s) => s.key);
    const configurationKey: Array<{ key: string; readonly: boolean; value: string }> = [];
    const unknownKey: string[] = [];
    for (const key of wanted) {
      const spec = this.find(key);
      if (spec) configurationKey.push({ key: spec.key, readonly: spec.readonly, value: spec.value });
      else unknownKey.push(key);
    }
    return { configurationKey, unknownKey };
  }

  change(key: string, value: string): ChangeConfigurationStatus {
    const spec = this.find(key);
    if (!spec) return this.behaviour.unknownRejected ? 'Rejected' : 'NotSupported';
    if (spec.readonly && !this.behaviour.readOnlyAccepted) return 'Rejected';
    if (!this.valid(spec, value) && !this.behaviour.acceptInvalidValues) return 'Rejected';
    if (!this.behaviour.ignoreWrites && spec.value !== value) {
      spec.value = value;
      for (const l of [...this.listeners]) l(spec.key, value);
    }
    return spec.rebootRequired ? 'RebootRequired' : 'Accepted';
  }

  dump(): Record<string, string> {
    return Object.fromEntries(this.specs.map((s) => [s.key, s.value]));
  }

  private valid(spec: ConfigKeySpec, value: string): boolean {
    switch (spec.type) {
      case 'int':
        return /^\d+$/.test(value);
      case 'bool':
        return /^(true|false)$/i.test(value);
      case 'csl':
        return spec.members === undefined || value === '' || value.split(',').every((x) => spec.members?.includes(x.trim()));
      case 'string':
        return value.length <= 500;
    }
  }
}
