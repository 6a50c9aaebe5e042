/**
 * Block E, transactions: flexible start and stop points (TxCtrlr.TxStartPoint / TxStopPoint,
 * Part 2 E01–E07), TransactionEvent with a per-transaction seqNo from 0, the EV connection
 * timeout, the cable and parking-bay events that drive them, and GetTransactionStatus (E14).
 * Message order follows the Part 6 §2.18 reusable states (StatusNotification before the
 * TransactionEvent of the same cable event; StopAuthorized → ChargingStateChanged Ended; …).
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { AuthStatus } from '../auth.js';
import type { BlockInstance } from '../core/block.js';
import type { Block201, Context201, Services201, TransactionsApi } from './context.js';
import { activeTx, type ChargingState, type Evse, type EvseTarget, type IdToken, type Tx } from './evse.js';
import { txPoints, v } from '../device-model-data.js';

export const transactions: Block201 = {
  name: 'transactions',
  variables: [
    v({ component: 'TxCtrlr', variable: 'EVConnectionTimeOut', dataType: 'integer', mutability: 'ReadWrite', value: '60', unit: 's', min: 0 }),
    v({ component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'TxCtrlr', variable: 'StopTxOnInvalidId', dataType: 'boolean', mutability: 'ReadWrite', value: 'true' }),
    v({ component: 'TxCtrlr', variable: 'TxBeforeAcceptedEnabled', dataType: 'boolean', mutability: 'ReadWrite', value: 'false' }),
    v({ component: 'TxCtrlr', variable: 'TxStartPoint', dataType: 'MemberList', mutability: 'ReadWrite', value: 'PowerPathClosed', valuesList: txPoints }),
    v({ component: 'TxCtrlr', variable: 'TxStopPoint', dataType: 'MemberList', mutability: 'ReadWrite', value: 'EVConnected,Authorized', valuesList: txPoints }),
    v({ component: 'TxCtrlr', variable: 'MaxEnergyOnInvalidId', dataType: 'integer', mutability: 'ReadWrite', value: '0', unit: 'Wh', min: 0 }),
  ],
  defects: [
    { name: 'skips-seqno', description: 'TransactionEvent seqNo jumps by 2 after the Started event' },
    { name: 'no-transaction-event-ended', description: 'never sends TransactionEvent Ended' },
    { name: 'wrong-stop-reason', description: 'reports the stop reason as Other instead of the real one' },
    { name: 'no-status-on-plug', description: 'sends no StatusNotification when the cable is plugged in or unplugged' },
    { name: 'ignores-ev-connection-timeout', description: 'keeps an authorization forever when the cable is not plugged in (EVConnectionTimeOut / ConnectionTimeOut ignored)' },
    { name: 'wrong-transaction-status', description: 'GetTransactionStatus reports an unknown transaction as ongoing' },
    { name: 'first-event-updated', description: 'the first TransactionEvent of a transaction says eventType Updated instead of Started' },
    { name: 'event-after-ended', description: 'sends one more TransactionEvent Updated after the Ended event of a transaction' },
    { name: 'reuses-transaction-id', description: 'starts a new transaction with the transactionId of the previous one' },
    { name: 'no-idtoken-after-authorize', description: 'leaves idToken out of the first TransactionEvent after the authorization' },
    { name: 'no-evse-after-plug-in', description: 'leaves evse out of the first TransactionEvent after the cable was plugged in' },
    { name: 'no-remote-start-trigger', description: 'the first TransactionEvent after an accepted RequestStartTransaction says its own trigger (CablePluggedIn, Authorized …) instead of RemoteStart, without remoteStartId' },
    { name: 'reboot-before-ended', description: 'on an immediate reset with a transaction ongoing, reboots first and sends the Ended event after the new BootNotification' },
  ],
  quirks: [
    // Part 6 §2.18 / Part 2 E01: the station may go straight to Charging; one event then carries both steps.
    { name: 'merged-transaction-events', description: 'reports chargingState Charging in the event that starts or authorizes the transaction (no separate ChargingStateChanged event)' },
    // Part 2 E06 / TxStopPoint Authorized: the stop authorization itself may end the transaction.
    { name: 'stop-authorized-ends', description: 'a local stop ends the transaction with one event: Ended, triggerReason StopAuthorized, stoppedReason Local' },
  ],
  create: (ctx) => new Transactions(ctx).instance(),
};

class Transactions implements TransactionsApi {
  private readonly core: Context201['core'];
  /** The reuses-transaction-id defect: the id handed out last. */
  private lastTxId: string | undefined;
  /** The reboot-before-ended defect: transactions to end once the new boot is accepted. */
  private endAfterBoot: Evse[] = [];

  constructor(private readonly ctx: Context201) {
    this.core = ctx.core;
    this.core.bus.on('powerDown', ({ kind }) => this.powerDown(kind));
    this.core.bus.on('bootAccepted', () => {
      const open = this.endAfterBoot;
      this.endAfterBoot = [];
      for (const evse of open) this.endTx(evse, 'ResetCommand', 'ImmediateReset');
    });
    this.core.bus.on('powerOff', () => {
      for (const evse of ctx.evses.all) evse.connectionTimer?.abort();
    });
  }

  instance(): BlockInstance<EvseTarget, Services201> {
    return {
      provides: { transactions: this },
      handlers: {
        GetTransactionStatus: (call) => {
          const id = call.payload['transactionId'] as string | undefined;
          if (id === undefined) return { messagesInQueue: this.core.queueLength > 0 };
          const ongoing = this.ctx.evses.all.some((e) => e.tx && !e.tx.ended && e.tx.id === id);
          return { ongoingIndicator: ongoing || this.core.has('wrong-transaction-status'), messagesInQueue: this.core.hasQueued(id) };
        },
      },
      actions: {
        plugIn: async (_p, { evse, connectorId }) => done(await this.cableIn(evse, connectorId, true, true)),
        plugInStationSide: async (_p, { evse, connectorId }) => done(await this.cableIn(evse, connectorId, evse.outlet.evSide, true)),
        unplug: async (_p, { evse }) => done(await this.cableOut(evse, false, false)),
        unplugStationSide: async (_p, { evse }) => done(await this.cableOut(evse, evse.outlet.evSide, false)),
        driveIn: async (_p, { evse }) => {
          evse.outlet.parked = true;
          if (activeTx(evse)) this.txEvent(evse, 'Updated', 'EVDetected');
          else if (this.startPoints().includes('ParkingBayOccupancy')) this.startTx(evse, 'EVDetected');
          return { done: true };
        },
        driveOut: async (_p, { evse }) => {
          evse.outlet.parked = false;
          const tx = activeTx(evse);
          if (tx && this.stopPoints().includes('ParkingBayOccupancy')) this.endTx(evse, 'EVDeparted', tx.stopReason ?? 'Local');
          return { done: true };
        },
        suspendEnergyTransfer: async (_p, { evse }) => {
          evse.outlet.evSuspended = true;
          this.updateFlow(evse);
          return { done: true };
        },
        resumeEnergyTransfer: async (_p, { evse }) => {
          evse.outlet.evSuspended = false;
          this.updateFlow(evse);
          return { done: true };
        },
      },
    };
  }

  // ---- physical events -------------------------------------------------------------------

  private async cableIn(evse: Evse, connectorId: number, evSide: boolean, stationSide: boolean): Promise<void> {
    const o = evse.outlet;
    const wasConnected = o.cableConnected;
    o.evSide = evSide;
    o.stationSide = stationSide;
    o.pluggedConnectorId = connectorId;
    if (!this.core.has('no-status-on-plug')) await this.ctx.evses.reportStatuses(evse, false);
    if (!o.cableConnected || wasConnected) return;
    evse.connectionTimer?.abort();
    evse.connectionTimer = undefined;
    if (evse.tx && !evse.tx.ended) {
      // Part 2 E02: with the cable in, a transaction started at authorization is at least EVConnected.
      if (evse.tx.chargingState === 'Idle') evse.tx.chargingState = 'EVConnected';
      this.mergeFlow(evse);
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
    if (!this.core.has('no-status-on-plug')) await this.ctx.evses.reportStatuses(evse, false);
    if (!wasConnected) return;
    const tx = evse.tx;
    if (tx && !tx.ended) {
      tx.chargingState = 'Idle';
      const stops = this.stopPoints();
      const stopsOnCable = stops.includes('EVConnected') || stops.includes('PowerPathClosed') || this.ctx.deviceModel.bool('TxCtrlr', 'StopTxOnEVSideDisconnect');
      if (stopsOnCable || tx.stopReason) this.endTx(evse, 'EVCommunicationLost', tx.stopReason ?? 'EVDisconnected');
      else this.txEvent(evse, 'Updated', 'EVCommunicationLost');
    }
    this.ctx.evses.deauthorize(evse);
  }

  private powerDown(kind: 'reset' | 'powerLoss'): void {
    if (kind === 'reset' && this.core.has('reboot-before-ended')) {
      // Part 6 TC_B_22_CS wants Ended before the reboot; this defect sends it after the new boot.
      this.endAfterBoot = this.ctx.evses.all.filter((e) => e.tx && !e.tx.ended);
      for (const evse of this.endAfterBoot) {
        evse.outlet.stopFlow();
        if (evse.tx) evse.tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
      }
      for (const evse of this.ctx.evses.all) this.ctx.evses.deauthorize(evse);
      return;
    }
    for (const evse of this.ctx.evses.all) {
      if (!evse.tx || evse.tx.ended) continue;
      evse.outlet.stopFlow();
      // Part 6 TC_B_22_CS step 3: the EV is still connected, only the energy stopped.
      evse.tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
      this.endTx(evse, kind === 'reset' ? 'ResetCommand' : 'AbnormalCondition', kind === 'reset' ? 'ImmediateReset' : 'PowerLoss');
    }
    for (const evse of this.ctx.evses.all) this.ctx.evses.deauthorize(evse);
  }

  // ---- authorization of a session --------------------------------------------------------

  authorizeEvse(evse: Evse, auth: NonNullable<Evse['authorized']>, trigger: 'Authorized' | 'RemoteStart'): void {
    evse.authorized = auth;
    const tx = evse.tx;
    if (tx && !tx.ended) {
      this.mergeFlow(evse);
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
    if (this.core.has('ignores-ev-connection-timeout')) return;
    const seconds = this.ctx.deviceModel.int('TxCtrlr', 'EVConnectionTimeOut');
    if (seconds <= 0) return;
    const abort = new AbortController();
    evse.connectionTimer = abort;
    void this.core.sleep(seconds * 1000, abort.signal).then((elapsed) => {
      if (!elapsed || evse.outlet.cableConnected) return;
      evse.connectionTimer = undefined;
      const tx = evse.tx;
      this.ctx.evses.deauthorize(evse);
      if (tx && !tx.ended) {
        if (this.startPoints().includes('ParkingBayOccupancy')) this.txEvent(evse, 'Updated', 'EVConnectTimeout');
        else this.endTx(evse, 'EVConnectTimeout', 'Timeout');
      }
    });
  }

  stopAuthorized(evse: Evse, idToken: IdToken, reason = 'Local'): void {
    const tx = evse.tx;
    if (!tx) return;
    tx.stopReason = reason;
    this.ctx.evses.deauthorize(evse);
    evse.outlet.stopFlow();
    const stops = this.stopPoints();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    const ends = stops.includes('Authorized') || stops.includes('PowerPathClosed') || !evse.outlet.cableConnected;
    // Part 6 §2.1: the event that follows an accepted Authorize (a group or master pass stop) carries the idToken.
    if (ends && this.core.has('stop-authorized-ends')) return this.endTx(evse, 'StopAuthorized', reason, idToken);
    // Part 6 reusable state StopAuthorized (local): StopAuthorized, then ChargingStateChanged (Ended).
    this.txEvent(evse, 'Updated', 'StopAuthorized', { idToken });
    if (stops.includes('Authorized') || stops.includes('PowerPathClosed') || !evse.outlet.cableConnected) this.endTx(evse, 'ChargingStateChanged', reason);
    else this.txEvent(evse, 'Updated', 'ChargingStateChanged');
  }

  remoteStop(evse: Evse): void {
    const tx = evse.tx;
    if (!tx) return;
    tx.stopReason = 'Remote';
    this.ctx.evses.deauthorize(evse);
    evse.outlet.stopFlow();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    const stops = this.stopPoints();
    if (stops.includes('Authorized') || stops.includes('PowerPathClosed') || !evse.outlet.cableConnected) this.endTx(evse, 'RemoteStop', 'Remote');
    else this.txEvent(evse, 'Updated', 'RemoteStop');
  }

  updateFlow(evse: Evse): void {
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

  /** Quirk merged-transaction-events: take the flow state now, so the next event carries it. */
  private mergeFlow(evse: Evse): void {
    const o = evse.outlet;
    const tx = evse.tx;
    if (!this.core.has('merged-transaction-events') || !tx || tx.ended) return;
    if (o.cableConnected && evse.authorized !== undefined && !o.faulted && !o.inoperative && !o.evSuspended) {
      o.startFlow();
      tx.chargingState = 'Charging';
    }
  }

  // ---- the transaction itself ----------------------------------------------------------------

  private startPoints(): string[] {
    return this.ctx.deviceModel.list('TxCtrlr', 'TxStartPoint');
  }
  private stopPoints(): string[] {
    return this.ctx.deviceModel.list('TxCtrlr', 'TxStopPoint');
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
    const id = this.core.has('reuses-transaction-id') && this.lastTxId !== undefined ? this.lastTxId : this.core.newId();
    this.lastTxId = id;
    const tx: Tx = { id, nextSeqNo: 0, chargingState: evse.outlet.cableConnected ? 'EVConnected' : 'Idle', tokenReported: false, evseReported: false, ended: false };
    evse.tx = tx;
    this.mergeFlow(evse);
    this.txEvent(evse, 'Started', trigger);
    this.ctx.meterValues.restartMeter(evse);
  }

  endTx(evse: Evse, trigger: string, stoppedReason: string, idToken?: IdToken): void {
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    tx.meterAbort?.abort();
    tx.ended = true;
    if (!this.core.has('no-transaction-event-ended')) {
      const reason = this.core.has('wrong-stop-reason') ? 'Other' : stoppedReason;
      this.txEvent(evse, 'Ended', trigger, { stoppedReason: reason, force: true, ...(idToken ? { idToken } : {}) });
      if (this.core.has('event-after-ended')) this.txEvent(evse, 'Updated', 'Trigger', { force: true });
    }
    evse.tx = undefined;
    // Scheduled availability changes and a scheduled reset wait for this (blocks G, B).
    void this.core.bus.emitSerial('transactionEnded', { evseId: evse.outlet.id });
  }

  txEvent(evse: Evse, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, extra: { idToken?: IdToken; stoppedReason?: string; meterValue?: JsonObject[]; force?: boolean } = {}): void {
    const tx = evse.tx;
    if (!tx) return;
    if (tx.ended && !extra.force) return;
    const seqNo = tx.nextSeqNo;
    tx.nextSeqNo += this.core.has('skips-seqno') && eventType === 'Started' ? 2 : 1;
    const auth = evse.authorized;
    let idToken = extra.idToken;
    if (!idToken && auth && !tx.tokenReported) {
      idToken = auth.idToken;
      tx.tokenReported = true;
      tx.idToken = auth.idToken;
      if (auth.groupId !== undefined) tx.groupId = auth.groupId;
      if (auth.remoteStartId !== undefined) tx.remoteStartId = auth.remoteStartId;
    }
    const remote = idToken && auth?.remoteStartId !== undefined && trigger === 'Authorized' ? 'RemoteStart' : trigger;
    const triggerReason = remote === 'RemoteStart' && this.core.has('no-remote-start-trigger') ? (evse.outlet.cableConnected ? 'CablePluggedIn' : 'Authorized') : remote;
    const includeEvse = !tx.evseReported;
    if (includeEvse && evse.outlet.pluggedConnectorId !== undefined) tx.evseReported = true;
    const reportedType = eventType === 'Started' && this.core.has('first-event-updated') ? 'Updated' : eventType;
    const payload: JsonObject = {
      eventType: reportedType,
      timestamp: this.core.nowIso(),
      triggerReason,
      seqNo,
      transactionInfo: {
        transactionId: tx.id,
        chargingState: tx.chargingState,
        ...(extra.stoppedReason ? { stoppedReason: extra.stoppedReason } : {}),
        ...(idToken && triggerReason === 'RemoteStart' && tx.remoteStartId !== undefined ? { remoteStartId: tx.remoteStartId } : {}),
      },
      ...(this.core.online && this.core.accepted ? {} : { offline: true }),
      ...(includeEvse && !this.core.has('no-evse-after-plug-in') ? { evse: { id: evse.outlet.id, ...(evse.outlet.pluggedConnectorId === undefined ? {} : { connectorId: evse.outlet.pluggedConnectorId }) } } : {}),
      ...(idToken && !this.core.has('no-idtoken-after-authorize') ? { idToken: { ...idToken } } : {}),
      ...(extra.meterValue ? { meterValue: extra.meterValue } : {}),
      // Block J: Transaction.Begin / TxEnded values (meter-values-tx.ts).
      ...(extra.meterValue ? {} : meterValueOf(this.ctx.meterValues.eventValues?.(evse, eventType, includeEvse && !this.core.has('no-evse-after-plug-in')))),
    };
    const txId = tx.id;
    this.core.enqueue({ action: 'TransactionEvent', txId, build: () => payload, onResult: (res) => this.onTxResult(evse, txId, idToken, res) });
  }

  private onTxResult(evse: Evse, txId: string, idToken: IdToken | undefined, res: JsonObject): void {
    const info = res['idTokenInfo'] as { status?: AuthStatus; groupIdToken?: { idToken?: string } } | undefined;
    if (!info?.status || !idToken) return;
    this.ctx.authorization.remember(idToken.idToken, { status: info.status, ...(info.groupIdToken?.idToken ? { groupId: info.groupIdToken.idToken } : {}) });
    const tx = evse.tx;
    if (!tx || tx.id !== txId || tx.ended) return;
    if (info.groupIdToken?.idToken) tx.groupId = info.groupIdToken.idToken;
    if (info.status === 'Accepted' || this.ctx.authorization.goesOnWith(info.status)) return;
    // Part 2 C12 / E05: MaxEnergyOnInvalidId lets the energy go on up to a limit (block C watches it).
    if (this.ctx.authorization.keepsChargingOnInvalid(evse)) return;
    // Part 2 E05: a non-Accepted idTokenInfo deauthorizes the transaction.
    this.ctx.evses.deauthorize(evse);
    evse.outlet.stopFlow();
    if (this.ctx.authorization.stopsOnInvalidId()) {
      tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
      this.endTx(evse, 'Deauthorized', 'DeAuthorized');
    } else {
      tx.chargingState = 'SuspendedEVSE';
      this.txEvent(evse, 'Updated', 'Deauthorized');
    }
  }
}

const done = (_: void): { done: true } => ({ done: true });
const meterValueOf = (values: JsonObject[] | undefined): { meterValue?: JsonObject[] } => (values ? { meterValue: values } : {});
