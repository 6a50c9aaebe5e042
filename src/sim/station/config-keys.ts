/**
 * OCPP 1.6 configuration keys of the reference charge point (1.6 edition 2 chapter 9), as data,
 * and the Get/ChangeConfiguration rules: unknown keys → NotSupported / unknownKey, read-only keys
 * → Rejected, badly formatted values → Rejected, reboot-only keys → RebootRequired.
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

const measurands = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage', 'SoC'] as const;
const k = (key: string, type: KeyType, readonly: boolean, value: string, extra: Partial<ConfigKeySpec> = {}): ConfigKeySpec => ({ key, type, readonly, value, ...extra });

export function defaultConfigKeys(connectors: number): ConfigKeySpec[] {
  return [
    k('AllowOfflineTxForUnknownId', 'bool', false, 'false'),
    k('AuthorizationCacheEnabled', 'bool', false, 'true'),
    k('AuthorizeRemoteTxRequests', 'bool', false, 'false'),
    k('ClockAlignedDataInterval', 'int', false, '0'),
    k('ConnectionTimeOut', 'int', false, '60'),
    k('ConnectorPhaseRotation', 'csl', false, '0.RST'),
    k('GetConfigurationMaxKeys', 'int', true, '50'),
    k('HeartbeatInterval', 'int', false, '60'),
    k('LocalAuthorizeOffline', 'bool', false, 'true'),
    k('LocalPreAuthorize', 'bool', false, 'false'),
    k('MeterValuesAlignedData', 'csl', false, 'Energy.Active.Import.Register', { members: measurands }),
    k('MeterValuesSampledData', 'csl', false, 'Energy.Active.Import.Register', { members: measurands }),
    k('MeterValueSampleInterval', 'int', false, '0'),
    k('NumberOfConnectors', 'int', true, String(connectors)),
    k('ResetRetries', 'int', false, '1'),
    k('StopTransactionOnEVSideDisconnect', 'bool', false, 'true'),
    k('StopTransactionOnInvalidId', 'bool', false, 'true'),
    k('StopTxnAlignedData', 'csl', false, '', { members: measurands }),
    k('StopTxnSampledData', 'csl', false, '', { members: measurands }),
    k('SupportedFeatureProfiles', 'csl', true, 'Core,LocalAuthListManagement,RemoteTrigger'),
    k('TransactionMessageAttempts', 'int', false, '3'),
    k('TransactionMessageRetryInterval', 'int', false, '10'),
    k('UnlockConnectorOnEVSideDisconnect', 'bool', false, 'true'),
    k('WebSocketPingInterval', 'int', false, '0', { rebootRequired: true }),
    k('LocalAuthListEnabled', 'bool', false, 'true'),
    k('LocalAuthListMaxLength', 'int', true, '100'),
    k('SendLocalListMaxLength', 'int', true, '100'),
  ];
}

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
