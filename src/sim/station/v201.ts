/**
 * The OCPP 2.0.1 charging station: device model, flexible transactions (TxStartPoint /
 * TxStopPoint, Part 2 E01–E07), TransactionEvent with a per-transaction seqNo from 0, local and
 * remote authorization, meter values, and the CSMS-initiated messages of blocks B, C, D, E, F, G.
 * Message order follows the Part 6 §2.18 reusable states (StatusNotification before the
 * TransactionEvent of the same cable event; StopAuthorized → ChargingStateChanged Ended; …).
 */
import type { JsonObject } from '../../protocol/frames.js';
import type { InboundCall, OcppEndpoint } from '../../session/endpoint.js';
import type { ControlResult } from '../types.js';
import type { AuthStatus, TokenInfo } from './auth.js';
import { StationCore, type StationOptions } from './core.js';
import { layoutVariables, stationVariables } from './device-model-data.js';
import { DeviceModel, type ComponentRef, type VariableRef } from './device-model.js';
import { Outlet } from './outlet.js';

interface IdToken {
  idToken: string;
  type: string;
}

type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

interface Tx {
  id: string;
  nextSeqNo: number;
  chargingState: ChargingState;
  idToken?: IdToken;
  groupId?: string;
  /** Whether the idToken was already reported in a TransactionEvent. */
  tokenReported: boolean;
  evseReported: boolean;
  remoteStartId?: number;
  /** Set when stop was authorized (Local / Remote / …) and the Ended event is still to come. */
  stopReason?: string;
  ended: boolean;
  meterAbort?: AbortController;
}

interface Evse {
  outlet: Outlet;
  authorized?: { idToken: IdToken; groupId?: string; remoteStartId?: number };
  tx?: Tx;
  connectionTimer?: AbortController;
  /** Last connectorStatus sent per connector (to report only changes after a reconnect). */
  reported: Map<number, string>;
}

const stationActions = [
  'plugIn', 'unplug', 'plugInStationSide', 'unplugStationSide', 'presentIdToken', 'driveIn', 'driveOut',
  'suspendEnergyTransfer', 'resumeEnergyTransfer', 'powerCycle', 'goOffline', 'goOnline', 'setFaulted', 'clearFault', 'reconfigure',
] as const;

const rejectedFor: Partial<Record<AuthStatus, string>> = { Blocked: 'starts-tx-for-blocked-token', Invalid: 'starts-tx-for-invalid-token', Unknown: 'starts-tx-for-invalid-token', Expired: 'starts-tx-for-expired-token' };

export class Station201 extends StationCore {
  readonly actions: readonly string[] = stationActions;
  readonly deviceModel: DeviceModel;
  private readonly evses: Evse[];
  private alignedAbort: AbortController | undefined;
  private pendingReset = false;

  constructor(options: StationOptions) {
    super(options);
    const layout = options.evses ?? [1];
    this.deviceModel = new DeviceModel([...stationVariables, ...layoutVariables(layout)], {
      unknownAccepted: this.has('unknown-variable-accepted'),
      ignoreAttributeType: this.has('ignores-attribute-type'),
      readOnlyAccepted: this.has('read-only-accepted'),
      acceptInvalidValues: this.has('accepts-invalid-values'),
      ignoreWrites: this.has('ignores-set-variables'),
      rebootRequiredAlways: this.has('set-variables-reboot-required'),
    });
    this.deviceModel.configure({
      'ChargingStation.Model': options.model ?? 'Reference Station',
      'ChargingStation.VendorName': options.vendor ?? 'ocpp-conform',
      'SecurityCtrlr.Identity': this.stationId,
      'OCPPCommCtrlr.RetryBackOffWaitMinimum': String(Math.max(0, Math.round(this.timers.reconnectBackoffMs / 1000))),
      ...(options.settings ?? {}),
    });
    this.evses = layout.map((connectors, i) => ({
      outlet: new Outlet(i + 1, Array.from({ length: connectors }, (_, c) => c + 1), this.clock, this.powerW),
      reported: new Map(),
    }));
    this.deviceModel.onChange((component, variable) => this.onVariableChanged(component, variable));
  }

  // ---- core contract ---------------------------------------------------------------------

  protected bootPayload(): JsonObject {
    return {
      reason: this.bootReason,
      chargingStation: {
        model: this.options.model ?? 'Reference Station',
        vendorName: this.options.vendor ?? 'ocpp-conform',
        ...(this.options.serialNumber ? { serialNumber: this.options.serialNumber } : {}),
        firmwareVersion: this.options.firmwareVersion ?? '1.0.0',
      },
    };
  }

  protected async onBootAccepted(): Promise<void> {
    for (const evse of this.evses) evse.reported.clear();
    await this.reportAllStatuses(true);
    // Part 2 A04.FR.01: a security event for the start-up / reboot (Part 6 reusable state Booted, step 7).
    await this.send('SecurityEventNotification', { type: this.bootReason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot', timestamp: this.nowIso() });
    this.restartAligned();
    for (const evse of this.evses) if (evse.tx && !evse.tx.ended) this.restartMeter(evse);
  }

  protected async onReconnected(offlineMs: number): Promise<void> {
    // Part 2 B04 / Part 6 §2.1: report what changed while offline (everything after OfflineThreshold).
    await this.reportAllStatuses(offlineMs > this.deviceModel.int('OCPPCommCtrlr', 'OfflineThreshold') * 1000);
  }

  protected heartbeatIntervalS(): number {
    return this.deviceModel.int('OCPPCommCtrlr', 'HeartbeatInterval');
  }
  protected setHeartbeatIntervalS(seconds: number): void {
    this.deviceModel.setInternal({ name: 'OCPPCommCtrlr' }, { name: 'HeartbeatInterval' }, String(seconds));
  }
  protected txRetryPolicy(): { attempts: number; intervalMs: number } {
    return {
      attempts: Math.max(1, this.deviceModel.int('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent')),
      intervalMs: this.deviceModel.int('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent') * 1000,
    };
  }
  protected backoffPolicy(): { minimumMs: number; repeatTimes: number; randomRangeMs: number } {
    return {
      minimumMs: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffWaitMinimum') * 1000 || this.timers.reconnectBackoffMs,
      repeatTimes: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffRepeatTimes'),
      randomRangeMs: this.deviceModel.int('OCPPCommCtrlr', 'RetryBackOffRandomRange') * 1000,
    };
  }
  protected messageTimeoutMs(): number {
    return this.options.callTimeoutMs ?? this.deviceModel.int('OCPPCommCtrlr', 'MessageTimeout', 'Default') * 1000;
  }

  protected beforePowerDown(kind: 'reset' | 'powerLoss'): void {
    for (const evse of this.evses) {
      if (!evse.tx || evse.tx.ended) continue;
      evse.outlet.stopFlow();
      // Part 6 TC_B_22_CS step 3: the EV is still connected, only the energy stopped.
      evse.tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
      this.endTx(evse, kind === 'reset' ? 'ResetCommand' : 'AbnormalCondition', kind === 'reset' ? 'ImmediateReset' : 'PowerLoss');
    }
    for (const evse of this.evses) this.deauthorize(evse);
  }

  protected override onPowerOff(): void {
    this.alignedAbort?.abort();
    for (const evse of this.evses) {
      evse.tx?.meterAbort?.abort();
      evse.connectionTimer?.abort();
    }
  }

  protected snapshotState(): JsonObject {
    return {
      evses: this.evses.map((e) => ({
        id: e.outlet.id,
        connectors: e.outlet.connectorIds.map((c) => ({ id: c, status: this.statusOf(e, c) })),
        parked: e.outlet.parked,
        cableConnected: e.outlet.cableConnected,
        inoperative: e.outlet.inoperative,
        energyWh: e.outlet.energyWh(),
        authorized: e.authorized?.idToken.idToken ?? null,
        transaction: e.tx ? { id: e.tx.id, chargingState: e.tx.chargingState, seqNo: e.tx.nextSeqNo, ended: e.tx.ended } : null,
      })),
      deviceModel: this.deviceModel.dump(),
    };
  }

  // ---- control actions -------------------------------------------------------------------

  protected async performAction(action: string, params: Record<string, unknown>): Promise<ControlResult> {
    const evse = this.evseFor(params);
    if (!evse) return { done: false, reason: `no EVSE ${String(params['evseId'])}` };
    const o = evse.outlet;
    const connectorId = typeof params['connectorId'] === 'number' ? params['connectorId'] : o.connectorIds[0] ?? 1;
    switch (action) {
      case 'plugIn':
        await this.cableIn(evse, connectorId, true, true);
        return { done: true };
      case 'plugInStationSide':
        await this.cableIn(evse, connectorId, o.evSide, true);
        return { done: true };
      case 'unplug':
        await this.cableOut(evse, false, false);
        return { done: true };
      case 'unplugStationSide':
        await this.cableOut(evse, o.evSide, false);
        return { done: true };
      case 'presentIdToken': {
        const idToken = { idToken: typeof params['idToken'] === 'string' ? params['idToken'] : 'VALID-TOKEN-01', type: typeof params['type'] === 'string' ? params['type'] : 'ISO14443' };
        const status = await this.presentToken(evse, idToken);
        return { done: true, detail: status };
      }
      case 'driveIn':
        o.parked = true;
        if (evse.tx && !evse.tx.ended) this.txEvent(evse, 'Updated', 'EVDetected');
        else if (this.startPoints().includes('ParkingBayOccupancy')) this.startTx(evse, 'EVDetected');
        return { done: true };
      case 'driveOut':
        o.parked = false;
        if (evse.tx && !evse.tx.ended && this.stopPoints().includes('ParkingBayOccupancy')) this.endTx(evse, 'EVDeparted', evse.tx.stopReason ?? 'Local');
        return { done: true };
      case 'suspendEnergyTransfer':
        o.evSuspended = true;
        this.updateFlow(evse);
        return { done: true };
      case 'resumeEnergyTransfer':
        o.evSuspended = false;
        this.updateFlow(evse);
        return { done: true };
      case 'setFaulted':
        o.faulted = true;
        this.updateFlow(evse);
        await this.reportStatuses(evse, false);
        return { done: true };
      case 'clearFault':
        o.faulted = false;
        await this.reportStatuses(evse, false);
        this.updateFlow(evse);
        return { done: true };
      case 'reconfigure': {
        const component = this.param(params, 'component');
        const variable = this.param(params, 'variable');
        const found = this.deviceModel.lookup({ name: component }, { name: variable, ...(typeof params['instance'] === 'string' ? { instance: params['instance'] } : {}) });
        if (found.kind !== 'found') return { done: false, reason: `${found.kind}: ${component}.${variable}` };
        this.deviceModel.setInternal({ name: component }, { name: variable, ...(found.spec.variableInstance ? { instance: found.spec.variableInstance } : {}) }, this.param(params, 'value'));
        return { done: true };
      }
      default:
        return { done: false, reason: `unknown action ${action}` };
    }
  }

  // ---- physical events -------------------------------------------------------------------

  private async cableIn(evse: Evse, connectorId: number, evSide: boolean, stationSide: boolean): Promise<void> {
    const o = evse.outlet;
    const wasConnected = o.cableConnected;
    o.evSide = evSide;
    o.stationSide = stationSide;
    o.pluggedConnectorId = connectorId;
    if (!this.has('no-status-on-plug')) await this.reportStatuses(evse, false);
    if (!o.cableConnected || wasConnected) return;
    evse.connectionTimer?.abort();
    evse.connectionTimer = undefined;
    if (evse.tx && !evse.tx.ended) {
      this.txEvent(evse, 'Updated', evse.authorized?.remoteStartId !== undefined && !evse.tx.tokenReported ? 'RemoteStart' : 'CablePluggedIn');
    } else if (this.startConditionMet(evse)) {
      this.startTx(evse, evse.authorized?.remoteStartId !== undefined ? 'RemoteStart' : 'CablePluggedIn');
    }
    this.updateFlow(evse);
  }

  private async cableOut(evse: Evse, evSide: boolean, stationSide: boolean): Promise<void> {
    const o = evse.outlet;
    const wasConnected = o.cableConnected;
    o.evSide = evSide;
    o.stationSide = stationSide;
    if (!evSide && !stationSide) o.pluggedConnectorId = undefined;
    o.stopFlow();
    if (!this.has('no-status-on-plug')) await this.reportStatuses(evse, false);
    if (!wasConnected) return;
    const tx = evse.tx;
    if (tx && !tx.ended) {
      tx.chargingState = 'Idle';
      const stops = this.stopPoints();
      const stopsOnCable = stops.includes('EVConnected') || stops.includes('PowerPathClosed') || this.deviceModel.bool('TxCtrlr', 'StopTxOnEVSideDisconnect');
      if (stopsOnCable || tx.stopReason) this.endTx(evse, 'EVCommunicationLost', tx.stopReason ?? 'EVDisconnected');
      else this.txEvent(evse, 'Updated', 'EVCommunicationLost');
    }
    this.deauthorize(evse);
  }

  private async presentToken(evse: Evse, idToken: IdToken): Promise<string> {
    // A token presented at an EVSE with a running transaction: stop when it is the same token or group.
    const running = this.evses.find((e) => e.tx && !e.tx.ended && e.tx.stopReason === undefined && e.tx.idToken?.idToken === idToken.idToken) ?? evse;
    const tx = running.tx;
    if (tx && !tx.ended && tx.stopReason === undefined && tx.idToken) {
      if (tx.idToken.idToken === idToken.idToken) {
        this.stopAuthorized(running, idToken);
        return 'StopAuthorized';
      }
      const info = await this.authorize(idToken);
      const master = this.deviceModel.value('AuthCtrlr', 'MasterPassGroupId');
      if (info.status === 'Accepted' && info.groupId !== undefined && (info.groupId === tx.groupId || (master !== '' && info.groupId === master))) {
        this.stopAuthorized(running, idToken, master !== '' && info.groupId === master ? 'MasterPass' : 'Local');
        return 'StopAuthorized';
      }
      return info.status;
    }
    const info = await this.authorize(idToken);
    const acceptedAnyway = rejectedFor[info.status] !== undefined && this.has(rejectedFor[info.status] ?? '');
    if (info.status !== 'Accepted' && !acceptedAnyway) return info.status;
    this.authorizeEvse(evse, { idToken, ...(info.groupId === undefined ? {} : { groupId: info.groupId }) }, 'Authorized');
    return 'Accepted';
  }

  private authorizeEvse(evse: Evse, auth: NonNullable<Evse['authorized']>, trigger: 'Authorized' | 'RemoteStart'): void {
    evse.authorized = auth;
    const tx = evse.tx;
    if (tx && !tx.ended) {
      this.txEvent(evse, 'Updated', trigger);
    } else if (this.startConditionMet(evse)) {
      this.startTx(evse, trigger);
    }
    if (!evse.outlet.cableConnected) this.startConnectionTimer(evse);
    this.updateFlow(evse);
  }

  /** Part 2 E03.FR.05 / C09: the cable must be plugged in within EVConnectionTimeOut. */
  private startConnectionTimer(evse: Evse): void {
    evse.connectionTimer?.abort();
    if (this.has('ignores-ev-connection-timeout')) return;
    const seconds = this.deviceModel.int('TxCtrlr', 'EVConnectionTimeOut');
    if (seconds <= 0) return;
    const abort = new AbortController();
    evse.connectionTimer = abort;
    void this.sleep(seconds * 1000, abort.signal).then((elapsed) => {
      if (!elapsed || evse.outlet.cableConnected) return;
      evse.connectionTimer = undefined;
      const tx = evse.tx;
      this.deauthorize(evse);
      if (tx && !tx.ended) {
        if (this.startPoints().includes('ParkingBayOccupancy')) this.txEvent(evse, 'Updated', 'EVConnectTimeout');
        else this.endTx(evse, 'EVConnectTimeout', 'Timeout');
      }
    });
  }

  private stopAuthorized(evse: Evse, idToken: IdToken, reason = 'Local'): void {
    const tx = evse.tx;
    if (!tx) return;
    tx.stopReason = reason;
    this.deauthorize(evse);
    evse.outlet.stopFlow();
    const stops = this.stopPoints();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    // Part 6 reusable state StopAuthorized (local): StopAuthorized, then ChargingStateChanged (Ended).
    this.txEvent(evse, 'Updated', 'StopAuthorized', { idToken });
    if (stops.includes('Authorized') || stops.includes('PowerPathClosed') || !evse.outlet.cableConnected) this.endTx(evse, 'ChargingStateChanged', reason);
    else this.txEvent(evse, 'Updated', 'ChargingStateChanged');
  }

  private remoteStop(evse: Evse): void {
    const tx = evse.tx;
    if (!tx) return;
    tx.stopReason = 'Remote';
    this.deauthorize(evse);
    evse.outlet.stopFlow();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    const stops = this.stopPoints();
    if (stops.includes('Authorized') || stops.includes('PowerPathClosed') || !evse.outlet.cableConnected) this.endTx(evse, 'RemoteStop', 'Remote');
    else this.txEvent(evse, 'Updated', 'RemoteStop');
  }

  private deauthorize(evse: Evse): void {
    evse.authorized = undefined;
    evse.connectionTimer?.abort();
    evse.connectionTimer = undefined;
  }

  /** Energy flows when the cable is in, the session authorized, the EV willing and the EVSE usable. */
  private updateFlow(evse: Evse): void {
    const o = evse.outlet;
    const tx = evse.tx;
    const canFlow = o.cableConnected && evse.authorized !== undefined && tx !== undefined && !tx.ended && !o.faulted && !o.inoperative;
    let state: ChargingState;
    if (canFlow && !o.evSuspended) {
      o.startFlow();
      state = 'Charging';
    } else {
      o.stopFlow();
      state = canFlow ? 'SuspendedEV' : o.cableConnected ? (o.faulted && evse.authorized ? 'SuspendedEVSE' : 'EVConnected') : 'Idle';
    }
    if (tx && !tx.ended && tx.chargingState !== state) {
      tx.chargingState = state;
      this.txEvent(evse, 'Updated', 'ChargingStateChanged');
      if (this.stopPoints().includes('EnergyTransfer') && state !== 'Charging' && tx.nextSeqNo > 1) this.endTx(evse, 'ChargingStateChanged', 'StoppedByEV');
    }
  }

  // ---- transactions ------------------------------------------------------------------------

  private startPoints(): string[] {
    return this.deviceModel.list('TxCtrlr', 'TxStartPoint');
  }
  private stopPoints(): string[] {
    return this.deviceModel.list('TxCtrlr', 'TxStopPoint');
  }

  private startConditionMet(evse: Evse): boolean {
    const o = evse.outlet;
    const authorized = evse.authorized !== undefined;
    if (o.inoperative || o.faulted) return false;
    return this.startPoints().some((p) => {
      switch (p) {
        case 'ParkingBayOccupancy':
          return o.parked;
        case 'EVConnected':
          return o.cableConnected;
        case 'Authorized':
          return authorized;
        default:
          // PowerPathClosed, EnergyTransfer, DataSigned: cable in and authorized.
          return o.cableConnected && authorized;
      }
    });
  }

  private startTx(evse: Evse, trigger: string): void {
    const tx: Tx = { id: this.newId(), nextSeqNo: 0, chargingState: evse.outlet.cableConnected ? 'EVConnected' : 'Idle', tokenReported: false, evseReported: false, ended: false };
    evse.tx = tx;
    this.txEvent(evse, 'Started', trigger);
    this.restartMeter(evse);
  }

  private endTx(evse: Evse, trigger: string, stoppedReason: string): void {
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    tx.meterAbort?.abort();
    tx.ended = true;
    if (!this.has('no-transaction-event-ended')) {
      const reason = this.has('wrong-stop-reason') ? 'Other' : stoppedReason;
      this.txEvent(evse, 'Ended', trigger, { stoppedReason: reason, force: true });
    }
    evse.tx = undefined;
    void this.afterTxEnded(evse);
  }

  private async afterTxEnded(evse: Evse): Promise<void> {
    if (evse.outlet.scheduledInoperative !== undefined) {
      evse.outlet.inoperative = evse.outlet.scheduledInoperative;
      evse.outlet.scheduledInoperative = undefined;
      await this.reportStatuses(evse, false);
    }
    if (this.pendingReset && this.evses.every((e) => !e.tx)) {
      this.pendingReset = false;
      await this.drainQueue(5_000);
      // Part 6 TC_B_21_CS step 7: a reset carried out after the transactions ended.
      void this.reboot('ScheduledReset');
    }
  }

  /** Build (now, so seqNo and offline are those of the event) and queue one TransactionEvent. */
  private txEvent(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, extra: { idToken?: IdToken; stoppedReason?: string; meterValue?: JsonObject[]; force?: boolean } = {}): void {
    const tx = evse.tx;
    if (!tx) return;
    if (tx.ended && !extra.force) return;
    const seqNo = tx.nextSeqNo;
    tx.nextSeqNo += this.has('skips-seqno') && eventType === 'Started' ? 2 : 1;
    const auth = evse.authorized;
    let idToken = extra.idToken;
    if (!idToken && auth && !tx.tokenReported) {
      idToken = auth.idToken;
      tx.tokenReported = true;
      tx.idToken = auth.idToken;
      if (auth.groupId !== undefined) tx.groupId = auth.groupId;
      if (auth.remoteStartId !== undefined) tx.remoteStartId = auth.remoteStartId;
    }
    const triggerReason = idToken && auth?.remoteStartId !== undefined && trigger === 'Authorized' ? 'RemoteStart' : trigger;
    const includeEvse = !tx.evseReported;
    if (includeEvse && evse.outlet.pluggedConnectorId !== undefined) tx.evseReported = true;
    const payload: JsonObject = {
      eventType,
      timestamp: this.nowIso(),
      triggerReason,
      seqNo,
      transactionInfo: {
        transactionId: tx.id,
        chargingState: tx.chargingState,
        ...(extra.stoppedReason ? { stoppedReason: extra.stoppedReason } : {}),
        ...(idToken && triggerReason === 'RemoteStart' && tx.remoteStartId !== undefined ? { remoteStartId: tx.remoteStartId } : {}),
      },
      ...(this.online && this.accepted ? {} : { offline: true }),
      ...(includeEvse ? { evse: { id: evse.outlet.id, ...(evse.outlet.pluggedConnectorId === undefined ? {} : { connectorId: evse.outlet.pluggedConnectorId }) } } : {}),
      ...(idToken ? { idToken: { ...idToken } } : {}),
      ...(extra.meterValue ? { meterValue: extra.meterValue } : {}),
    };
    const txId = tx.id;
    this.enqueue({ action: 'TransactionEvent', txId, build: () => payload, onResult: (res) => this.onTxResult(evse, txId, idToken, res) });
  }

  private onTxResult(evse: Evse, txId: string, idToken: IdToken | undefined, res: JsonObject): void {
    const info = res['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string } } | undefined;
    if (!info?.status || !idToken) return;
    this.rememberToken(idToken.idToken, { status: info.status, ...(info.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}) });
    const tx = evse.tx;
    if (!tx || tx.id !== txId || tx.ended) return;
    if (info.groupIdToken?.idToken) tx.groupId = info.groupIdToken.idToken;
    if (info.status === 'Accepted' || this.has(rejectedFor[info.status] ?? '-')) return;
    // Part 2 E05: a non-Accepted idTokenInfo deauthorizes the transaction.
    this.deauthorize(evse);
    evse.outlet.stopFlow();
    if (this.deviceModel.bool('TxCtrlr', 'StopTxOnInvalidId')) {
      tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
      this.endTx(evse, 'Deauthorized', 'DeAuthorized');
    } else {
      tx.chargingState = 'SuspendedEVSE';
      this.txEvent(evse, 'Updated', 'Deauthorized');
    }
  }

  private rememberToken(idToken: string, info: TokenInfo): void {
    if (this.deviceModel.bool('AuthCacheCtrlr', 'Enabled')) this.auth.remember(idToken, info);
  }

  /** Part 2 C01/C12/C13/C15: local list, cache, Authorize, offline rules. */
  private async authorize(idToken: IdToken): Promise<TokenInfo> {
    if (this.has('no-authorize') || !this.deviceModel.bool('AuthCtrlr', 'Enabled')) return { status: 'Accepted' };
    const local = this.auth.lookup(idToken.idToken, this.clock.wallMs(), {
      localList: this.deviceModel.bool('LocalAuthListCtrlr', 'Enabled'),
      cache: this.deviceModel.bool('AuthCacheCtrlr', 'Enabled'),
    });
    if (this.online && this.accepted) {
      if (local?.status === 'Accepted' && this.deviceModel.bool('AuthCtrlr', 'LocalPreAuthorize')) return local;
      if (this.deviceModel.bool('AuthCtrlr', 'DisableRemoteAuthorization')) return local ?? { status: 'Unknown' };
      const out = await this.send('Authorize', { idToken: { ...idToken } });
      if (out?.status === 'result') {
        const info = out.payload['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string } } | undefined;
        const result: TokenInfo = { status: info?.status ?? 'Invalid', ...(info?.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}) };
        this.rememberToken(idToken.idToken, result);
        return result;
      }
    }
    if (local && this.deviceModel.bool('AuthCtrlr', 'LocalAuthorizeOffline')) return local;
    if (!local && this.deviceModel.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { status: 'Accepted' };
    return { status: local?.status ?? 'Invalid' };
  }

  // ---- meter values ------------------------------------------------------------------------

  private sampled(evse: Evse, measurands: readonly string[], context: string): JsonObject[] {
    const sampledValue = measurands.flatMap((m) => {
      const s = evse.outlet.sample(m);
      return s ? [{ value: s.value, context, measurand: m, ...(s.unit ? { unitOfMeasure: { unit: s.unit } } : {}) }] : [];
    });
    return sampledValue.length > 0 ? [{ timestamp: this.nowIso(), sampledValue }] : [];
  }

  private restartMeter(evse: Evse): void {
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    tx.meterAbort?.abort();
    tx.meterAbort = undefined;
    if (this.has('no-meter-values')) return;
    const seconds = this.deviceModel.int('SampledDataCtrlr', 'TxUpdatedInterval');
    if (seconds <= 0 || !this.deviceModel.bool('SampledDataCtrlr', 'Enabled')) return;
    const abort = new AbortController();
    tx.meterAbort = abort;
    void (async () => {
      while (await this.sleep(seconds * 1000, abort.signal)) {
        if (tx.ended) return;
        const meterValue = this.sampled(evse, this.deviceModel.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), 'Sample.Periodic');
        if (meterValue.length > 0) this.txEvent(evse, 'Updated', 'MeterValuePeriodic', { meterValue });
      }
    })();
  }

  /** Part 2 J01: clock-aligned values every AlignedDataCtrlr.Interval, on the wall-clock grid. */
  private restartAligned(): void {
    this.alignedAbort?.abort();
    this.alignedAbort = undefined;
    if (this.has('no-clock-aligned-meter-values')) return;
    const seconds = this.deviceModel.int('AlignedDataCtrlr', 'Interval');
    if (seconds <= 0 || !this.deviceModel.bool('AlignedDataCtrlr', 'Enabled')) return;
    const abort = new AbortController();
    this.alignedAbort = abort;
    const periodMs = seconds * 1000;
    void (async () => {
      for (;;) {
        const wall = this.clock.wallMs();
        if (!(await this.sleep(periodMs - (wall % periodMs), abort.signal))) return;
        const measurands = this.deviceModel.list('AlignedDataCtrlr', 'Measurands');
        for (const evse of this.evses) {
          const meterValue = this.sampled(evse, measurands, 'Sample.Clock');
          if (meterValue.length === 0) continue;
          if (evse.tx && !evse.tx.ended) this.txEvent(evse, 'Updated', 'MeterValueClock', { meterValue });
          else void this.send('MeterValues', { evseId: evse.outlet.id, meterValue });
        }
      }
    })();
  }

  private onVariableChanged(component: string, variable: string): void {
    if (component === 'OCPPCommCtrlr' && variable === 'HeartbeatInterval') this.restartHeartbeat();
    if (component === 'SampledDataCtrlr') for (const evse of this.evses) this.restartMeter(evse);
    if (component === 'AlignedDataCtrlr' && this.accepted) this.restartAligned();
  }

  // ---- status ------------------------------------------------------------------------------

  private statusOf(evse: Evse, connectorId: number): string {
    const o = evse.outlet;
    if (o.faulted) return 'Faulted';
    if (o.pluggedConnectorId === connectorId && (o.evSide || o.stationSide)) return 'Occupied';
    if (o.inoperative) return 'Unavailable';
    return 'Available';
  }

  private async reportStatuses(evse: Evse, all: boolean): Promise<void> {
    for (const connectorId of evse.outlet.connectorIds) {
      const status = this.statusOf(evse, connectorId);
      this.deviceModel.setInternal({ name: 'Connector', evse: { id: evse.outlet.id, connectorId } }, { name: 'AvailabilityState' }, status);
      if (!all && evse.reported.get(connectorId) === status) continue;
      const out = await this.send('StatusNotification', { timestamp: this.nowIso(), connectorStatus: status, evseId: evse.outlet.id, connectorId });
      if (out) evse.reported.set(connectorId, status);
    }
  }

  private async reportAllStatuses(all: boolean): Promise<void> {
    for (const evse of this.evses) await this.reportStatuses(evse, all);
  }

  private evseFor(params: Record<string, unknown>): Evse | undefined {
    const id = typeof params['evseId'] === 'number' ? params['evseId'] : 1;
    return this.evses[id - 1];
  }

  // ---- CSMS-initiated messages ------------------------------------------------------------

  protected installHandlers(ep: OcppEndpoint): void {
    ep.handle('GetVariables', (call) => this.getVariables(call));
    ep.handle('SetVariables', (call) => this.setVariables(call));
    ep.handle('GetBaseReport', (call) => this.getBaseReport(call));
    ep.handle('GetReport', (call) => this.getReport(call));
    ep.handle('Reset', (call) => this.reset(call));
    ep.handle('ChangeAvailability', (call) => this.changeAvailability(call));
    ep.handle('RequestStartTransaction', (call) => this.requestStart(call));
    ep.handle('RequestStopTransaction', (call) => this.requestStop(call));
    ep.handle('TriggerMessage', (call) => this.triggerMessage(call));
    ep.handle('UnlockConnector', (call) => this.unlockConnector(call));
    ep.handle('GetTransactionStatus', (call) => this.transactionStatus(call));
    ep.handle('ClearCache', () => {
      if (!this.deviceModel.bool('AuthCacheCtrlr', 'Enabled')) return { status: 'Rejected' };
      this.auth.clearCache();
      return { status: 'Accepted' };
    });
    ep.handle('SendLocalList', (call) => this.sendLocalList(call));
    ep.handle('GetLocalListVersion', () => ({ versionNumber: this.auth.localListVersion }));
    ep.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
    // Not (yet) implemented features answer with their own "no" (extension point: options.handlers).
    const no: Record<string, JsonObject> = {
      SetChargingProfile: { status: 'Rejected' },
      ClearChargingProfile: { status: 'Unknown' },
      GetChargingProfiles: { status: 'NoProfiles' },
      GetCompositeSchedule: { status: 'Rejected' },
      ReserveNow: { status: 'Rejected' },
      CancelReservation: { status: 'Rejected' },
      UpdateFirmware: { status: 'Rejected' },
      PublishFirmware: { status: 'Rejected' },
      UnpublishFirmware: { status: 'NoFirmware' },
      GetLog: { status: 'Rejected' },
      GetInstalledCertificateIds: { status: 'NotFound' },
      InstallCertificate: { status: 'Rejected' },
      DeleteCertificate: { status: 'NotFound' },
      CertificateSigned: { status: 'Rejected' },
      SetNetworkProfile: { status: 'Rejected' },
      SetMonitoringBase: { status: 'Rejected' },
      SetMonitoringLevel: { status: 'Rejected' },
      GetMonitoringReport: { status: 'NotSupported' },
      CustomerInformation: { status: 'Rejected' },
      GetDisplayMessages: { status: 'Unknown' },
      ClearDisplayMessage: { status: 'Unknown' },
      SetDisplayMessage: { status: 'Rejected' },
      CostUpdated: {},
    };
    for (const [action, response] of Object.entries(no)) ep.handle(action, () => ({ ...response }));
  }

  private getVariables(call: InboundCall): JsonObject {
    let data = (call.payload['getVariableData'] as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: string }>) ?? [];
    if (this.has('drops-get-variables-entries')) data = data.slice(0, 1);
    return {
      getVariableResult: data.map((d) => {
        const r = this.deviceModel.get(d.component, d.variable, d.attributeType ?? 'Actual');
        return {
          attributeStatus: r.status,
          ...(d.attributeType ? { attributeType: d.attributeType } : {}),
          ...(r.value === undefined ? {} : { attributeValue: r.value }),
          component: d.component,
          variable: d.variable,
        };
      }),
    };
  }

  private setVariables(call: InboundCall): JsonObject {
    let data = (call.payload['setVariableData'] as Array<{ component: ComponentRef; variable: VariableRef; attributeType?: string; attributeValue: string }>) ?? [];
    if (this.has('drops-set-variables-entries')) data = data.slice(0, 1);
    return {
      setVariableResult: data.map((d) => ({
        ...(d.attributeType ? { attributeType: d.attributeType } : {}),
        attributeStatus: this.deviceModel.set(d.component, d.variable, d.attributeValue, d.attributeType ?? 'Actual'),
        component: d.component,
        variable: d.variable,
      })),
    };
  }

  private getBaseReport(call: InboundCall): JsonObject {
    const requestId = Number(call.payload['requestId']);
    const base = String(call.payload['reportBase']);
    const filter =
      base === 'ConfigurationInventory'
        ? (s: { mutability: string }) => s.mutability !== 'ReadOnly'
        : base === 'SummaryInventory'
          ? (s: { variable: string }) => s.variable === 'AvailabilityState'
          : () => true;
    const data = this.deviceModel.report(filter);
    if (!this.has('no-notify-report')) call.after(() => this.notifyReport(requestId, data));
    return { status: 'Accepted' };
  }

  private getReport(call: InboundCall): JsonObject {
    const requestId = Number(call.payload['requestId']);
    const wanted = (call.payload['componentVariable'] as Array<{ component: ComponentRef; variable?: VariableRef }> | undefined) ?? [];
    const criteria = (call.payload['componentCriteria'] as string[] | undefined) ?? [];
    const data = this.deviceModel.report((s) => {
      const byCv =
        wanted.length === 0 ||
        wanted.some((cv) => cv.component.name === s.component && (cv.component.evse === undefined || cv.component.evse.id === s.evse?.id) && (cv.variable === undefined || cv.variable.name === s.variable));
      const byCriteria = criteria.length === 0 || criteria.some((c) => (c === 'Problem' ? false : s.variable === c));
      return byCv && byCriteria;
    });
    if (data.length === 0) return { status: 'EmptyResultSet' };
    if (!this.has('no-notify-report')) call.after(() => this.notifyReport(requestId, data));
    return { status: 'Accepted' };
  }

  private async notifyReport(requestId: number, data: JsonObject[]): Promise<void> {
    const per = Math.max(1, this.deviceModel.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'));
    const generatedAt = this.nowIso();
    for (let i = 0, seqNo = 0; i < data.length; i += per, seqNo++) {
      const part = data.slice(i, i + per);
      const tbc = i + per < data.length;
      await this.send('NotifyReport', { requestId, generatedAt, seqNo, tbc, reportData: part }, { anyState: true });
    }
  }

  private reset(call: InboundCall): JsonObject {
    if (call.payload['evseId'] !== undefined) return { status: 'Rejected' };
    if (this.has('reset-without-reboot')) return { status: 'Accepted' };
    const busy = this.evses.some((e) => e.tx && !e.tx.ended);
    const type = String(call.payload['type']);
    if (type === 'OnIdle' && busy && !this.has('reset-onidle-interrupts-tx')) {
      this.pendingReset = true;
      return { status: 'Scheduled' };
    }
    this.pendingReset = false;
    call.after(async () => {
      if (busy) {
        this.beforePowerDown('reset');
        await this.drainQueue(5_000);
      }
      void this.reboot('RemoteReset');
    });
    return { status: 'Accepted' };
  }

  private changeAvailability(call: InboundCall): JsonObject {
    const inoperative = call.payload['operationalStatus'] === 'Inoperative';
    const target = call.payload['evse'] as { id: number; connectorId?: number } | undefined;
    const evses = target && target.id > 0 ? this.evses.filter((e) => e.outlet.id === target.id) : this.evses;
    if (evses.length === 0) return { status: 'Rejected' };
    let scheduled = false;
    for (const evse of evses) {
      if (inoperative && evse.tx && !evse.tx.ended) {
        scheduled = true;
        if (!this.has('availability-not-applied')) evse.outlet.scheduledInoperative = true;
      }
    }
    if (!this.has('availability-not-applied')) {
      call.after(async () => {
        for (const evse of evses) {
          if (inoperative && evse.tx && !evse.tx.ended) continue;
          evse.outlet.inoperative = inoperative;
          evse.outlet.scheduledInoperative = undefined;
          await this.reportStatuses(evse, false);
        }
        if (!target || target.id === 0) this.deviceModel.setInternal({ name: 'ChargingStation' }, { name: 'AvailabilityState' }, inoperative ? 'Unavailable' : 'Available');
      });
    }
    return { status: scheduled ? 'Scheduled' : 'Accepted' };
  }

  private requestStart(call: InboundCall): JsonObject {
    const idToken = call.payload['idToken'] as IdToken;
    const remoteStartId = Number(call.payload['remoteStartId']);
    const evseId = call.payload['evseId'] as number | undefined;
    const evse = evseId === undefined ? this.evses.find((e) => !e.tx && !e.authorized && !e.outlet.inoperative) : this.evses[evseId - 1];
    // Part 2 B02 (Part 6 TC_B_02_CS step 12): no transaction while the registration is Pending.
    if (!this.accepted && !this.has('accepts-remote-start-while-pending')) return { status: 'Rejected' };
    if (!evse || evse.outlet.inoperative || evse.outlet.faulted || evse.authorized || (evse.tx && !evse.tx.ended && evse.tx.idToken)) return { status: 'Rejected' };
    const transactionId = evse.tx && !evse.tx.ended ? evse.tx.id : undefined;
    if (!this.has('remote-start-ignored')) {
      call.after(async () => {
        if (this.deviceModel.bool('AuthCtrlr', 'AuthorizeRemoteStart')) {
          const info = await this.authorize(idToken);
          if (info.status !== 'Accepted') return;
        }
        this.authorizeEvse(evse, { idToken: { idToken: idToken.idToken, type: idToken.type }, remoteStartId }, 'RemoteStart');
      });
    }
    return { status: 'Accepted', ...(transactionId ? { transactionId } : {}) };
  }

  private requestStop(call: InboundCall): JsonObject {
    const id = String(call.payload['transactionId']);
    if (this.has('rejects-remote-stop')) return { status: 'Rejected' };
    const evse = this.evses.find((e) => e.tx && !e.tx.ended && e.tx.id === id);
    if (!evse) return { status: this.has('accepts-remote-stop-unknown-tx') ? 'Accepted' : 'Rejected' };
    call.after(() => this.remoteStop(evse));
    return { status: 'Accepted' };
  }

  private triggerMessage(call: InboundCall): JsonObject {
    const requested = String(call.payload['requestedMessage']);
    const target = call.payload['evse'] as { id: number; connectorId?: number } | undefined;
    const evses = target ? this.evses.filter((e) => e.outlet.id === target.id) : this.evses;
    if (target && evses.length === 0) return { status: 'Rejected' };
    const ignore = this.has('trigger-message-ignored');
    const go = (fn: () => Promise<unknown> | void): JsonObject => {
      if (!ignore) call.after(async () => void (await fn()));
      return { status: 'Accepted' };
    };
    switch (requested) {
      case 'BootNotification':
        // Part 2 F06.FR.17: not after an Accepted registration.
        if (this.accepted) return { status: 'Rejected' };
        return go(() => {
          // Part 6 TC_B_02_CS step 15: the triggered BootNotification says reason Triggered.
          this.bootReason = 'Triggered';
          void this.triggerBoot();
        });
      case 'Heartbeat':
        return go(() => this.send('Heartbeat', {}, { anyState: true }));
      case 'StatusNotification':
        return go(async () => {
          for (const evse of evses) {
            for (const c of evse.outlet.connectorIds) {
              if (target?.connectorId !== undefined && target.connectorId !== c) continue;
              await this.send('StatusNotification', { timestamp: this.nowIso(), connectorStatus: this.statusOf(evse, c), evseId: evse.outlet.id, connectorId: c }, { anyState: true });
            }
          }
        });
      case 'MeterValues':
        return go(async () => {
          for (const evse of evses) {
            const meterValue = this.sampled(evse, this.deviceModel.list('AlignedDataCtrlr', 'Measurands'), 'Trigger');
            if (meterValue.length > 0) await this.send('MeterValues', { evseId: evse.outlet.id, meterValue }, { anyState: true });
          }
        });
      case 'TransactionEvent': {
        const withTx = evses.filter((e) => e.tx && !e.tx.ended);
        if (withTx.length === 0) return { status: 'Rejected' };
        return go(() => {
          for (const evse of withTx) this.txEvent(evse, 'Updated', 'Trigger');
        });
      }
      case 'LogStatusNotification':
        return go(() => this.send('LogStatusNotification', { status: 'Idle' }, { anyState: true }));
      case 'FirmwareStatusNotification':
        return go(() => this.send('FirmwareStatusNotification', { status: 'Idle' }, { anyState: true }));
      default:
        return { status: 'NotImplemented' };
    }
  }

  private unlockConnector(call: InboundCall): JsonObject {
    const evse = this.evses[Number(call.payload['evseId']) - 1];
    const connectorId = Number(call.payload['connectorId']);
    if (!evse || !evse.outlet.connectorIds.includes(connectorId)) return { status: 'UnknownConnector' };
    if (evse.tx && !evse.tx.ended) return { status: 'OngoingAuthorizedTransaction' };
    return { status: this.has('unlock-fails') ? 'UnlockFailed' : 'Unlocked' };
  }

  private transactionStatus(call: InboundCall): JsonObject {
    const id = call.payload['transactionId'] as string | undefined;
    if (id === undefined) return { messagesInQueue: this.queue.length > 0 };
    const ongoing = this.evses.some((e) => e.tx && !e.tx.ended && e.tx.id === id);
    return { ongoingIndicator: ongoing || this.has('wrong-transaction-status'), messagesInQueue: this.hasQueued(id) };
  }

  private sendLocalList(call: InboundCall): JsonObject {
    if (!this.deviceModel.bool('LocalAuthListCtrlr', 'Enabled')) return { status: 'Failed' };
    const list = (call.payload['localAuthorizationList'] as Array<{ idToken: IdToken; idTokenInfo?: { status: AuthStatus; groupIdToken?: { idToken: string } } }> | undefined) ?? [];
    const status = this.auth.updateLocalList(
      Number(call.payload['versionNumber']),
      call.payload['updateType'] === 'Differential' ? 'Differential' : 'Full',
      list.map((e) => ({
        idToken: e.idToken.idToken,
        ...(e.idTokenInfo ? { info: { status: e.idTokenInfo.status, ...(e.idTokenInfo.groupIdToken ? { groupId: e.idTokenInfo.groupIdToken.idToken } : {}) } } : {}),
      })),
    );
    return { status };
  }
}
