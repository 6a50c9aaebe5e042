/**
 * The OCPP 1.6 charge point: connectors with the 1.6 status vocabulary (Available, Preparing,
 * Charging, SuspendedEV, SuspendedEVSE, Finishing, Unavailable, Faulted), StartTransaction /
 * StopTransaction with the transactionId from the Central System, configuration keys
 * (chapter 9), and the Central System initiated operations of chapter 5.
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { InboundCall, OcppEndpoint } from '../../session/endpoint.js';
import type { ControlResult } from '../types.js';
import type { AuthStatus, TokenInfo } from './auth.js';
import { ConfigKeys, defaultConfigKeys } from './config-keys.js';
import { StationCore, type StationOptions } from './core.js';
import { Outlet } from './outlet.js';

interface Tx16 {
  localId: string;
  transactionId?: number;
  idTag: string;
  parentIdTag?: string;
  stopped: boolean;
  meterAbort?: AbortController;
}

interface Connector {
  outlet: Outlet;
  authorized?: { idTag: string; parentIdTag?: string };
  tx?: Tx16;
  /** Transaction stopped but the cable is still in (status Finishing). */
  finishing: boolean;
  timer?: AbortController;
  reported?: string;
}

const stationActions = [
  'plugIn', 'unplug', 'plugInStationSide', 'unplugStationSide', 'presentIdToken',
  'suspendEnergyTransfer', 'resumeEnergyTransfer', 'powerCycle', 'goOffline', 'goOnline', 'setFaulted', 'clearFault', 'reconfigure',
] as const;

const rejectedFor: Partial<Record<string, string>> = { Blocked: 'starts-tx-for-blocked-token', Invalid: 'starts-tx-for-invalid-token', Expired: 'starts-tx-for-expired-token' };

export class Station16 extends StationCore {
  readonly actions: readonly string[] = stationActions;
  readonly config: ConfigKeys;
  private readonly connectors: Connector[];
  private alignedAbort: AbortController | undefined;
  private stationInoperative = false;

  constructor(options: StationOptions) {
    super(options);
    const count = options.connectors ?? 1;
    this.config = new ConfigKeys(defaultConfigKeys(count), {
      unknownRejected: this.has('unknown-key-rejected'),
      readOnlyAccepted: this.has('read-only-accepted'),
      acceptInvalidValues: this.has('accepts-invalid-values'),
      ignoreWrites: this.has('ignores-set-variables'),
    });
    this.config.configure(options.settings ?? {});
    this.connectors = Array.from({ length: count }, (_, i) => ({ outlet: new Outlet(i + 1, [i + 1], this.clock, this.powerW), finishing: false }));
    this.config.onChange((key) => {
      if (key === 'HeartbeatInterval') this.restartHeartbeat();
      if (key === 'MeterValueSampleInterval') for (const c of this.connectors) this.restartMeter(c);
      if (key === 'ClockAlignedDataInterval' && this.accepted) this.restartAligned();
    });
  }

  // ---- core contract ---------------------------------------------------------------------

  protected bootPayload(): JsonObject {
    return {
      chargePointVendor: this.options.vendor ?? 'ocpp-conform',
      chargePointModel: this.options.model ?? 'Reference Station',
      ...(this.options.serialNumber ? { chargePointSerialNumber: this.options.serialNumber } : {}),
      firmwareVersion: this.options.firmwareVersion ?? '1.0.0',
    };
  }

  protected async onBootAccepted(): Promise<void> {
    await this.send('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: this.stationInoperative ? 'Unavailable' : 'Available', timestamp: this.nowIso() });
    for (const c of this.connectors) c.reported = undefined;
    for (const c of this.connectors) await this.report(c, true);
    this.restartAligned();
    for (const c of this.connectors) this.restartMeter(c);
  }

  protected async onReconnected(): Promise<void> {
    for (const c of this.connectors) await this.report(c, false);
  }

  protected heartbeatIntervalS(): number {
    return this.config.int('HeartbeatInterval');
  }
  protected setHeartbeatIntervalS(seconds: number): void {
    this.config.configure({ HeartbeatInterval: String(seconds) });
  }
  protected txRetryPolicy(): { attempts: number; intervalMs: number } {
    return { attempts: Math.max(1, this.config.int('TransactionMessageAttempts')), intervalMs: this.config.int('TransactionMessageRetryInterval') * 1000 };
  }
  protected backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number } {
    return { minimumMs: this.timers.reconnectBackoffMs, repeatTimes: 3, randomRangeMs: 0 };
  }
  protected messageTimeoutMs(): number {
    return this.options.callTimeoutMs ?? 30_000;
  }

  protected beforePowerDown(kind: 'reset' | 'powerLoss', resetType?: string): void {
    for (const c of this.connectors) {
      if (c.tx && !c.tx.stopped) this.stopTx(c, kind === 'reset' ? (resetType === 'Soft' ? 'SoftReset' : 'HardReset') : 'PowerLoss');
      this.deauthorize(c);
    }
  }

  protected override onPowerOff(): void {
    this.alignedAbort?.abort();
    for (const c of this.connectors) {
      c.tx?.meterAbort?.abort();
      c.timer?.abort();
    }
  }

  protected snapshotState(): JsonObject {
    return {
      connectors: this.connectors.map((c) => ({
        id: c.outlet.id,
        status: this.statusOf(c),
        cableConnected: c.outlet.cableConnected,
        energyWh: c.outlet.energyWh(),
        authorized: c.authorized?.idTag ?? null,
        transaction: c.tx ? { localId: c.tx.localId, transactionId: c.tx.transactionId ?? null, idTag: c.tx.idTag, stopped: c.tx.stopped } : null,
      })),
      configuration: this.config.dump(),
    };
  }

  // ---- control actions -------------------------------------------------------------------

  protected async performAction(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    const id = typeof params['connectorId'] === 'number' ? params['connectorId'] : typeof params['evseId'] === 'number' ? params['evseId'] : 1;
    const c = this.connectors[id - 1];
    if (!c) return { done: false, reason: `no connector ${id}` };
    const o = c.outlet;
    switch (action) {
      case 'plugIn':
      case 'plugInStationSide': {
        const was = o.cableConnected;
        o.evSide = action === 'plugIn' ? true : o.evSide;
        o.stationSide = true;
        o.pluggedConnectorId = o.id;
        if (o.cableConnected && !was) {
          c.timer?.abort();
          if (c.authorized && !c.tx) this.startTx(c);
        }
        if (!this.has('no-status-on-plug')) await this.report(c, false);
        this.updateFlow(c);
        return { done: true };
      }
      case 'unplug':
      case 'unplugStationSide': {
        const was = o.cableConnected;
        o.evSide = false;
        if (action === 'unplug') o.stationSide = false;
        o.stopFlow();
        // 1.6 §9.1 StopTransactionOnEVSideDisconnect.
        if (was && c.tx && !c.tx.stopped && this.config.bool('StopTransactionOnEVSideDisconnect')) this.stopTx(c, 'EVDisconnected');
        if (!o.evSide && !o.stationSide) {
          c.finishing = false;
          o.pluggedConnectorId = undefined;
          if (c.tx?.stopped) c.tx = undefined;
        }
        if (!this.has('no-status-on-plug')) await this.report(c, false);
        return { done: true };
      }
      case 'presentIdToken': {
        const idTag = typeof params['idToken'] === 'string' ? params['idToken'] : 'VALID-TOKEN-01';
        return { done: true, detail: await this.presentTag(c, idTag) };
      }
      case 'suspendEnergyTransfer':
      case 'resumeEnergyTransfer':
        o.evSuspended = action === 'suspendEnergyTransfer';
        this.updateFlow(c);
        await this.report(c, false);
        return { done: true };
      case 'setFaulted':
      case 'clearFault':
        o.faulted = action === 'setFaulted';
        this.updateFlow(c);
        await this.report(c, false);
        return { done: true };
      case 'reconfigure': {
        const key = this.param(params, 'key', this.param(params, 'variable'));
        if (!this.config.find(key)) return { done: false, reason: `unknown configuration key ${key}` };
        this.config.configure({ [key]: this.param(params, 'value') });
        return { done: true };
      }
      default:
        return { done: false, reason: `unknown action ${action}` };
    }
  }

  private async presentTag(c: Connector, idTag: string): Promise<string> {
    const running = this.connectors.find((x) => x.tx && !x.tx.stopped && x.tx.idTag === idTag);
    if (running) {
      this.stopTx(running, 'Local');
      await this.report(running, false);
      return 'Stopped';
    }
    const info = await this.authorize(idTag);
    const withTx = this.connectors.find((x) => x.tx && !x.tx.stopped);
    // 1.6 §3.5.3: a token with the same parentIdTag may stop the transaction.
    if (withTx && info.status === 'Accepted' && info.groupId !== undefined && info.groupId === withTx.tx?.parentIdTag) {
      this.stopTx(withTx, 'Local');
      await this.report(withTx, false);
      return 'Stopped';
    }
    if (info.status !== 'Accepted' && !this.has(rejectedFor[info.status] ?? '-')) return info.status;
    c.authorized = { idTag, ...(info.groupId === undefined ? {} : { parentIdTag: info.groupId }) };
    if (c.outlet.cableConnected) this.startTx(c);
    else this.startConnectionTimer(c);
    await this.report(c, false);
    this.updateFlow(c);
    return 'Accepted';
  }

  private startConnectionTimer(c: Connector): void {
    c.timer?.abort();
    if (this.has('ignores-ev-connection-timeout')) return;
    const seconds = this.config.int('ConnectionTimeOut');
    if (seconds <= 0) return;
    const abort = new AbortController();
    c.timer = abort;
    void this.sleep(seconds * 1000, abort.signal).then(async (elapsed) => {
      if (!elapsed || c.outlet.cableConnected || c.tx) return;
      this.deauthorize(c);
      await this.report(c, false);
    });
  }

  private deauthorize(c: Connector): void {
    c.authorized = undefined;
    c.timer?.abort();
    c.timer = undefined;
  }

  private async authorize(idTag: string): Promise<TokenInfo> {
    if (this.has('no-authorize')) return { status: 'Accepted' };
    const local = this.auth.lookup(idTag, this.clock.wallMs(), { localList: this.config.bool('LocalAuthListEnabled'), cache: this.config.bool('AuthorizationCacheEnabled') });
    if (this.online && this.accepted) {
      if (local?.status === 'Accepted' && this.config.bool('LocalPreAuthorize')) return local;
      const out = await this.send('Authorize', { idTag });
      if (out?.status === 'result') {
        const info = this.tagInfo(out.payload['idTagInfo']);
        this.remember(idTag, info);
        return info;
      }
    }
    if (local && this.config.bool('LocalAuthorizeOffline')) return local;
    if (!local && this.config.bool('AllowOfflineTxForUnknownId')) return { status: 'Accepted' };
    return { status: local?.status ?? 'Invalid' };
  }

  private tagInfo(raw: unknown): TokenInfo {
    const info = (raw ?? {}) as { status?: AuthStatus; parentIdTag?: string; expiryDate?: string };
    return {
      status: info.status ?? 'Invalid',
      ...(info.parentIdTag ? { groupId: info.parentIdTag } : {}),
      ...(info.expiryDate ? { expiresAtMs: Date.parse(info.expiryDate) } : {}),
    };
  }

  private remember(idTag: string, info: TokenInfo): void {
    if (this.config.bool('AuthorizationCacheEnabled')) this.auth.remember(idTag, info);
  }

  // ---- transactions ------------------------------------------------------------------------

  private startTx(c: Connector): void {
    const auth = c.authorized;
    if (!auth) return;
    c.timer?.abort();
    const tx: Tx16 = { localId: this.newId(), idTag: auth.idTag, stopped: false, ...(auth.parentIdTag ? { parentIdTag: auth.parentIdTag } : {}) };
    c.tx = tx;
    c.finishing = false;
    const payload = { connectorId: c.outlet.id, idTag: auth.idTag, meterStart: c.outlet.energyWh(), timestamp: this.nowIso() };
    this.enqueue({
      action: 'StartTransaction',
      txId: tx.localId,
      build: () => payload,
      onResult: (res) => {
        tx.transactionId = Number(res['transactionId']);
        const info = this.tagInfo(res['idTagInfo']);
        this.remember(tx.idTag, info);
        if (info.groupId) tx.parentIdTag = info.groupId;
        if (info.status !== 'Accepted' && !this.has(rejectedFor[info.status] ?? '-') && !tx.stopped) {
          // 1.6 §5.11 / StopTransactionOnInvalidId.
          if (this.config.bool('StopTransactionOnInvalidId')) this.stopTx(c, 'DeAuthorized');
          else c.outlet.stopFlow();
          void this.report(c, false);
        }
      },
    });
    this.updateFlow(c);
    this.restartMeter(c);
  }

  private stopTx(c: Connector, reason: string): void {
    const tx = c.tx;
    if (!tx || tx.stopped) return;
    tx.stopped = true;
    tx.meterAbort?.abort();
    c.outlet.stopFlow();
    this.deauthorize(c);
    c.finishing = c.outlet.evSide || c.outlet.stationSide;
    if (!c.finishing) c.tx = undefined;
    if (!this.has('no-stop-transaction')) this.enqueueStop(c, tx, reason);
    if (c.outlet.scheduledInoperative !== undefined) {
      c.outlet.inoperative = c.outlet.scheduledInoperative;
      c.outlet.scheduledInoperative = undefined;
    }
  }

  private enqueueStop(c: Connector, tx: Tx16, reason: string): void {
    const meterStop = c.outlet.energyWh();
    const timestamp = this.nowIso();
    this.enqueue({
      action: 'StopTransaction',
      txId: tx.localId,
      build: () => ({ transactionId: tx.transactionId ?? -1, idTag: tx.idTag, meterStop, timestamp, reason: this.has('wrong-stop-reason') ? 'Other' : reason }),
    });
  }

  private updateFlow(c: Connector): void {
    const o = c.outlet;
    if (c.tx && !c.tx.stopped && o.cableConnected && !o.evSuspended && !o.faulted && !o.inoperative) o.startFlow();
    else o.stopFlow();
  }

  // ---- meter values ------------------------------------------------------------------------

  private meterValue(c: Connector, measurands: readonly string[], context: string): JsonObject[] {
    const sampledValue = measurands.flatMap((m) => {
      const s = c.outlet.sample(m);
      return s ? [{ value: String(s.value), context, measurand: m, ...(s.unit ? { unit: s.unit } : {}) }] : [];
    });
    return sampledValue.length > 0 ? [{ timestamp: this.nowIso(), sampledValue }] : [];
  }

  private restartMeter(c: Connector): void {
    const tx = c.tx;
    if (!tx || tx.stopped) return;
    tx.meterAbort?.abort();
    tx.meterAbort = undefined;
    if (this.has('no-meter-values')) return;
    const seconds = this.config.int('MeterValueSampleInterval');
    if (seconds <= 0) return;
    const abort = new AbortController();
    tx.meterAbort = abort;
    void (async () => {
      while (await this.sleep(seconds * 1000, abort.signal)) {
        if (tx.stopped) return;
        const meterValue = this.meterValue(c, this.config.list('MeterValuesSampledData'), 'Sample.Periodic');
        if (meterValue.length === 0) continue;
        this.enqueue({ action: 'MeterValues', txId: tx.localId, build: () => ({ connectorId: c.outlet.id, ...(tx.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }) });
      }
    })();
  }

  private restartAligned(): void {
    this.alignedAbort?.abort();
    this.alignedAbort = undefined;
    if (this.has('no-clock-aligned-meter-values')) return;
    const seconds = this.config.int('ClockAlignedDataInterval');
    if (seconds <= 0) return;
    const abort = new AbortController();
    this.alignedAbort = abort;
    const periodMs = seconds * 1000;
    void (async () => {
      for (;;) {
        if (!(await this.sleep(periodMs - (this.clock.wallMs() % periodMs), abort.signal))) return;
        for (const c of this.connectors) {
          const meterValue = this.meterValue(c, this.config.list('MeterValuesAlignedData'), 'Sample.Clock');
          if (meterValue.length === 0) continue;
          const tx = c.tx && !c.tx.stopped ? c.tx : undefined;
          if (tx) this.enqueue({ action: 'MeterValues', txId: tx.localId, build: () => ({ connectorId: c.outlet.id, ...(tx.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }) });
          else void this.send('MeterValues', { connectorId: c.outlet.id, meterValue });
        }
      }
    })();
  }

  // ---- status ------------------------------------------------------------------------------

  private statusOf(c: Connector): string {
    const o = c.outlet;
    if (o.faulted) return 'Faulted';
    const active = c.tx && !c.tx.stopped;
    if (active) {
      if (o.flowing) return 'Charging';
      if (o.cableConnected && o.evSuspended) return 'SuspendedEV';
      if (o.cableConnected) return 'SuspendedEVSE';
      return 'Preparing';
    }
    if (o.inoperative || this.stationInoperative) return 'Unavailable';
    if (c.finishing) return 'Finishing';
    if (o.evSide || o.stationSide || c.authorized) return 'Preparing';
    return 'Available';
  }

  private async report(c: Connector, force: boolean): Promise<void> {
    const status = this.statusOf(c);
    if (!force && c.reported === status) return;
    const out = await this.send('StatusNotification', { connectorId: c.outlet.id, errorCode: c.outlet.faulted ? 'OtherError' : 'NoError', status, timestamp: this.nowIso() });
    if (out) c.reported = status;
  }

  // ---- Central System initiated operations ------------------------------------------------

  protected installHandlers(ep: OcppEndpoint): void {
    ep.handle('GetConfiguration', (call) => {
      const keys = call.payload['key'] as string[] | undefined;
      const result = this.config.get(keys);
      const configurationKey = this.has('drops-get-variables-entries') ? result.configurationKey.slice(0, 1) : result.configurationKey;
      return { configurationKey, ...(result.unknownKey.length > 0 ? { unknownKey: result.unknownKey } : {}) };
    });
    ep.handle('ChangeConfiguration', (call) => ({ status: this.config.change(String(call.payload['key']), String(call.payload['value'])) }));
    ep.handle('Reset', (call) => this.reset(call));
    ep.handle('ChangeAvailability', (call) => this.changeAvailability(call));
    ep.handle('RemoteStartTransaction', (call) => this.remoteStart(call));
    ep.handle('RemoteStopTransaction', (call) => this.remoteStop(call));
    ep.handle('UnlockConnector', (call) => this.unlock(call));
    ep.handle('TriggerMessage', (call) => this.triggerMessage(call));
    ep.handle('ClearCache', () => {
      this.auth.clearCache();
      return { status: 'Accepted' };
    });
    ep.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
    ep.handle('GetLocalListVersion', () => ({ listVersion: this.config.bool('LocalAuthListEnabled') ? this.auth.localListVersion : -1 }));
    ep.handle('SendLocalList', (call) => {
      if (!this.config.bool('LocalAuthListEnabled')) return { status: 'NotSupported' };
      const list = (call.payload['localAuthorizationList'] as Array<{ idTag: string; idTagInfo?: unknown }> | undefined) ?? [];
      const status = this.auth.updateLocalList(
        Number(call.payload['listVersion']),
        call.payload['updateType'] === 'Differential' ? 'Differential' : 'Full',
        list.map((e) => ({ idToken: e.idTag, ...(e.idTagInfo ? { info: this.tagInfo(e.idTagInfo) } : {}) })),
      );
      return { status };
    });
    const no: Record<string, JsonObject> = {
      ReserveNow: { status: 'Rejected' },
      CancelReservation: { status: 'Rejected' },
      SetChargingProfile: { status: 'Rejected' },
      ClearChargingProfile: { status: 'Unknown' },
      GetCompositeSchedule: { status: 'Rejected' },
      GetDiagnostics: {},
      UpdateFirmware: {},
    };
    for (const [action, response] of Object.entries(no)) ep.handle(action, () => ({ ...response }));
  }

  private reset(call: InboundCall): JsonObject {
    const type = String(call.payload['type']);
    if (!this.has('reset-without-reboot')) {
      call.after(async () => {
        this.beforePowerDown('reset', type);
        await this.drainQueue(5_000);
        void this.reboot('RemoteReset');
      });
    }
    return { status: 'Accepted' };
  }

  private changeAvailability(call: InboundCall): JsonObject {
    const connectorId = Number(call.payload['connectorId']);
    const inoperative = call.payload['type'] === 'Inoperative';
    const targets = connectorId === 0 ? this.connectors : this.connectors.filter((c) => c.outlet.id === connectorId);
    if (targets.length === 0) return { status: 'Rejected' };
    const scheduled = inoperative && targets.some((c) => c.tx && !c.tx.stopped);
    if (!this.has('availability-not-applied')) {
      call.after(async () => {
        if (connectorId === 0) {
          this.stationInoperative = inoperative;
          await this.send('StatusNotification', { connectorId: 0, errorCode: 'NoError', status: inoperative ? 'Unavailable' : 'Available', timestamp: this.nowIso() });
        }
        for (const c of targets) {
          if (inoperative && c.tx && !c.tx.stopped) c.outlet.scheduledInoperative = true;
          else c.outlet.inoperative = inoperative;
          await this.report(c, false);
        }
      });
    }
    return { status: scheduled ? 'Scheduled' : 'Accepted' };
  }

  private remoteStart(call: InboundCall): JsonObject {
    const idTag = String(call.payload['idTag']);
    const requested = call.payload['connectorId'] as number | undefined;
    if (requested === 0 && !this.has('accepts-remote-start-connector-0')) return { status: 'Rejected' };
    const c = requested === undefined || requested === 0 ? this.connectors.find((x) => !x.tx && !x.authorized) : this.connectors[requested - 1];
    if (!c) return { status: 'Rejected' };
    const unusable = c.outlet.inoperative || this.stationInoperative || c.outlet.faulted || (c.tx !== undefined && !c.tx.stopped) || c.authorized !== undefined;
    if (unusable && !this.has('accepts-remote-start-when-unavailable')) return { status: 'Rejected' };
    if (!this.has('remote-start-ignored') && !unusable) {
      call.after(async () => {
        if (this.config.bool('AuthorizeRemoteTxRequests')) {
          const info = await this.authorize(idTag);
          if (info.status !== 'Accepted') return;
        }
        c.authorized = { idTag };
        if (c.outlet.cableConnected) this.startTx(c);
        else this.startConnectionTimer(c);
        await this.report(c, false);
      });
    }
    return { status: 'Accepted' };
  }

  private remoteStop(call: InboundCall): JsonObject {
    if (this.has('rejects-remote-stop')) return { status: 'Rejected' };
    const id = Number(call.payload['transactionId']);
    const c = this.connectors.find((x) => x.tx && !x.tx.stopped && x.tx.transactionId === id);
    if (!c) return { status: this.has('accepts-remote-stop-unknown-tx') ? 'Accepted' : 'Rejected' };
    call.after(async () => {
      this.stopTx(c, 'Remote');
      await this.report(c, false);
    });
    return { status: 'Accepted' };
  }

  private unlock(call: InboundCall): JsonObject {
    const c = this.connectors[Number(call.payload['connectorId']) - 1];
    if (!c) return { status: 'NotSupported' };
    if (this.has('unlock-fails')) return { status: 'UnlockFailed' };
    if (c.tx && !c.tx.stopped) {
      call.after(async () => {
        this.stopTx(c, 'UnlockCommand');
        await this.report(c, false);
      });
    }
    return { status: 'Unlocked' };
  }

  private triggerMessage(call: InboundCall): JsonObject {
    const requested = String(call.payload['requestedMessage']);
    const connectorId = call.payload['connectorId'] as number | undefined;
    const targets = connectorId === undefined ? this.connectors : this.connectors.filter((c) => c.outlet.id === connectorId);
    if (connectorId !== undefined && connectorId !== 0 && targets.length === 0) return { status: 'Rejected' };
    const go = (fn: () => Promise<unknown>): JsonObject => {
      if (!this.has('trigger-message-ignored')) call.after(async () => void (await fn()));
      return { status: 'Accepted' };
    };
    switch (requested) {
      case 'BootNotification':
        return go(async () => (this.triggerBoot() ? undefined : this.send('BootNotification', this.bootPayload(), { anyState: true })));
      case 'Heartbeat':
        return go(() => this.send('Heartbeat', {}, { anyState: true }));
      case 'StatusNotification':
        return go(async () => {
          for (const c of targets) await this.send('StatusNotification', { connectorId: c.outlet.id, errorCode: 'NoError', status: this.statusOf(c), timestamp: this.nowIso() }, { anyState: true });
        });
      case 'MeterValues':
        return go(async () => {
          for (const c of targets) {
            const meterValue = this.meterValue(c, this.config.list('MeterValuesSampledData'), 'Trigger');
            const tx = c.tx && !c.tx.stopped ? c.tx : undefined;
            if (meterValue.length > 0) await this.send('MeterValues', { connectorId: c.outlet.id, ...(tx?.transactionId === undefined ? {} : { transactionId: tx.transactionId }), meterValue }, { anyState: true });
          }
        });
      case 'DiagnosticsStatusNotification':
        return go(() => this.send('DiagnosticsStatusNotification', { status: 'Idle' }, { anyState: true }));
      case 'FirmwareStatusNotification':
        return go(() => this.send('FirmwareStatusNotification', { status: 'Idle' }, { anyState: true }));
      default:
        return { status: 'NotImplemented' };
    }
  }
}
