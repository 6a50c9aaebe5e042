/**
 * Block E, transactions: flexible start and stop points (TxCtrlr.TxStartPoint / TxStopPoint,
 * Part 2 E01–E07), TransactionEvent with a per-transaction seqNo from 0, the EV connection
 * timeout, the cable and parking-bay events that drive them, and GetTransactionStatus (E14).
 * Message order follows the Part 6 §2.18 reusable states (StatusNotification before the
 * TransactionEvent of the same cable event; StopAuthorized → ChargingStateChanged Ended, or one
 * Ended StopAuthorized event when TxStopPoint Authorized is reached; …). Which start / stop point
 * an event reaches is decided in tx-points.ts; the defects and quirks are in transactions-defects.ts.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { BlockInstance } from '../core/block.js';
import type { Block201, Context201, Services201, TransactionsApi } from './context.js';
import { activeTx, type ChargingState, type Evse, type EvseTarget, type IdToken, type Tx } from './evse.js';
import { txPoints, v } from '../device-model-data.js';
import { transactionDefects, transactionQuirks } from './transactions-defects.js';
import { applyIdTokenInfo } from './tx-response.js';
import { cableOutEnds, signedBeginValue, situationOf, startKind, stopAuthorizationEnds, type StartKind } from './tx-points.js';

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
  defects: transactionDefects,
  quirks: transactionQuirks,
  create: (ctx) => {
    // The `no-energy-transfer-start` variant (Part 5 C-09.5 absent, TC_E_38_CS): TxStartPoint cannot be EnergyTransfer.
    if (ctx.core.has('no-energy-transfer-start')) ctx.deviceModel.narrow('TxCtrlr', 'TxStartPoint', txPoints.filter((p) => p !== 'EnergyTransfer'));
    return new Transactions(ctx).instance();
  },
};

class Transactions implements TransactionsApi {
  private readonly core: Context201['core'];
  /** The reuses-transaction-id defect: the id handed out last. */
  private lastTxId: string | undefined;
  /** The reboot-before-ended defect: transactions to end once the new boot is accepted. */
  private endAfterBoot: Evse[] = [];
  /** The stuck-after-connection-timeout defect: EVSEs that start no transaction any more. */
  private readonly stuck = new WeakSet<Evse>();

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
      actions: {
        plugIn: async (_p, { evse, connectorId }) =>
          // The `cable-lock` variant (Part 5 AQ-2): the socket lets the cable in only after an authorization.
          this.core.has('cable-lock') && !evse.authorized ? { done: false, reason: 'the cable lock keeps the cable out until an idToken is authorized' } : done(await this.cableIn(evse, connectorId, true, true)),
        plugInStationSide: async (_p, { evse, connectorId }) => done(await this.cableIn(evse, connectorId, evse.outlet.evSide, true)),
        unplug: async (_p, { evse }) => done(await this.cableOut(evse, false, false)),
        unplugStationSide: async (_p, { evse }) => done(await this.cableOut(evse, evse.outlet.evSide, false)),
        // The EV end only (EVSE loses the EV, the cable stays in the station): Part 6 TC_E_17/20/37/54.
        // unplugEvSide / plugInEvSide: ev-side-disconnect.ts (E09, E10: suspend or end, the authorization kept or not).
        // The parking bay sensor (Part 2 E01 S1 / E06 S1).
        driveIn: async (_p, { evse }) => {
          evse.outlet.parked = true;
          if (activeTx(evse)) this.txEvent(evse, 'Updated', 'EVDetected');
          else if (this.startConditionMet(evse)) this.startTx(evse, 'EVDetected');
          return { done: true };
        },
        driveOut: async (_p, { evse }) => {
          evse.outlet.parked = false;
          const tx = activeTx(evse);
          if (tx && this.stopPoints().includes('ParkingBayOccupancy') && !this.core.has('no-stop-on-parking-bay')) this.endTx(evse, 'EVDeparted', tx.stopReason ?? 'Local');
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
    const statusLast = this.core.has('status-after-transaction-event');
    if (!statusLast) await this.reportStatus(evse);
    if (o.cableConnected && !wasConnected) {
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
    if (statusLast) await this.reportStatus(evse);
  }

  /** StatusNotification of the changed connector(s), unless the no-status-on-plug defect is on. */
  private async reportStatus(evse: Evse): Promise<void> {
    if (!this.core.has('no-status-on-plug')) await this.ctx.evses.reportStatuses(evse, false);
  }

  private async cableOut(evse: Evse, evSide: boolean, stationSide: boolean): Promise<void> {
    const o = evse.outlet;
    const wasConnected = o.cableConnected;
    o.evSide = evSide;
    o.stationSide = stationSide;
    if (!evSide && !stationSide) o.pluggedConnectorId = undefined;
    // The EV is gone: whatever it suspended (SuspendedEV) leaves with it.
    if (!evSide) o.evSuspended = false;
    o.stopFlow();
    const statusLast = this.core.has('status-after-transaction-event');
    if (!statusLast) await this.reportStatus(evse);
    if (wasConnected) {
      const tx = evse.tx;
      if (tx && !tx.ended) {
        tx.chargingState = 'Idle';
        if (this.cableOutEndsTx(evSide, stationSide)) this.endTx(evse, 'EVCommunicationLost', tx.stopReason ?? 'EVDisconnected');
        else this.txEvent(evse, 'Updated', 'EVCommunicationLost');
      }
      this.ctx.evses.deauthorize(evse);
    }
    if (statusLast) await this.reportStatus(evse);
  }

  /** Part 2 E06 / E09 (tx-points.ts), with the defects that get it wrong. */
  private cableOutEndsTx(evSide: boolean, stationSide: boolean): boolean {
    const stops = this.stopPoints();
    const stopOnEvSide = this.ctx.deviceModel.bool('TxCtrlr', 'StopTxOnEVSideDisconnect') && !this.core.has('ignores-stop-tx-on-ev-side-disconnect');
    const evSideOnly = !evSide && stationSide;
    if (evSideOnly && this.core.has('ev-side-disconnect-not-ended') && !stopOnEvSide) return false;
    if (evSideOnly && this.core.has('ignores-stop-tx-on-ev-side-disconnect') && !cableOutEnds(stops, false)) return false;
    return cableOutEnds(stops, stopOnEvSide);
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
      if (this.core.has('stuck-after-connection-timeout')) this.stuck.add(evse);
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
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    const ends = this.stopAuthorizationEndsTx(evse);
    // Part 2 E07 / Part 6 TC_E_15_CS: with TxStopPoint Authorized the stop authorization itself ends the
    // transaction in one event (quirk stop-authorized-then-ended: two, as the reusable state allows);
    // quirk stop-authorized-ends: one event also when the power path or the energy transfer ends it.
    // Part 6 §2.1: the event that follows an accepted Authorize (a group or master pass stop) carries the idToken.
    const oneEvent = this.stopPoints().includes('Authorized') ? !this.core.has('stop-authorized-then-ended') : this.core.has('stop-authorized-ends');
    if (ends && oneEvent) return this.endTx(evse, 'StopAuthorized', reason, idToken);
    // Part 6 reusable state StopAuthorized (local): StopAuthorized, then ChargingStateChanged (Ended).
    this.txEvent(evse, 'Updated', 'StopAuthorized', { idToken });
    if (ends) this.endTx(evse, 'ChargingStateChanged', reason);
    else this.txEvent(evse, 'Updated', 'ChargingStateChanged');
  }

  remoteStop(evse: Evse): void {
    const tx = evse.tx;
    if (!tx) return;
    tx.stopReason = 'Remote';
    this.ctx.evses.deauthorize(evse);
    evse.outlet.stopFlow();
    tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
    if (this.stopAuthorizationEndsTx(evse)) this.endTx(evse, 'RemoteStop', 'Remote');
    else this.txEvent(evse, 'Updated', 'RemoteStop');
  }

  /** Part 2 E06 (tx-points.ts): does a stop authorization end the transaction now? With the defects. */
  private stopAuthorizationEndsTx(evse: Evse): boolean {
    const cable = evse.outlet.cableConnected;
    if (cable && this.core.has('stop-point-authorized-ignored')) return false;
    const stops = this.stopPoints().filter((p) => p !== 'EnergyTransfer' || !this.core.has('ignores-energy-transfer-stop'));
    return stopAuthorizationEnds(stops, cable);
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
      state = canFlow ? (this.core.has('wrong-suspend-state') ? 'SuspendedEVSE' : 'SuspendedEV') : o.cableConnected ? (o.faulted && evse.authorized ? 'SuspendedEVSE' : 'EVConnected') : 'Idle';
    }
    if (tx && !tx.ended && tx.chargingState !== state) {
      // Part 2 E06 S6 (TxStopPoint EnergyTransfer): the energy stopping ends the transaction, in one
      // event (Part 6 TC_E_22_CS: Ended, ChargingStateChanged, EVConnected, StoppedByEV).
      const energyStops = tx.chargingState === 'Charging' && this.stopPoints().includes('EnergyTransfer') && !this.core.has('ignores-energy-transfer-stop') && !this.core.has('wrong-suspend-state');
      if (energyStops) {
        tx.chargingState = o.cableConnected ? 'EVConnected' : 'Idle';
        return this.endTx(evse, 'ChargingStateChanged', o.evSuspended ? 'StoppedByEV' : 'Other');
      }
      tx.chargingState = state;
      this.txEvent(evse, 'Updated', 'ChargingStateChanged');
    } else if (!activeTx(evse) && this.startKindOf(evse) === 'energy') {
      // Part 2 E01 S6: TxStartPoint EnergyTransfer starts when the EV takes energy (also after a resume).
      this.startTx(evse, 'ChargingStateChanged');
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
    return this.startKindOf(evse) !== undefined;
  }

  /** Part 2 E01 (tx-points.ts): which start point the EVSE reaches now, as the defects see it. */
  private startKindOf(evse: Evse): StartKind | undefined {
    const o = evse.outlet;
    if (o.inoperative || o.faulted || this.stuck.has(evse)) return undefined;
    const points = this.startPoints().flatMap((p) => {
      if (p === 'ParkingBayOccupancy' && this.core.has('no-start-on-parking-bay')) return [];
      if (p === 'EVConnected' && this.core.has('no-start-on-ev-connected')) return ['PowerPathClosed'];
      if (p === 'EnergyTransfer' && this.core.has('energy-transfer-start-early')) return ['PowerPathClosed'];
      return [p];
    });
    if (this.core.has('starts-at-authorized')) points.push('Authorized');
    return startKind(points, situationOf(evse));
  }

  private startTx(evse: Evse, trigger: string): void {
    const kind = this.startKindOf(evse) ?? 'event';
    const id = this.core.has('reuses-transaction-id') && this.lastTxId !== undefined ? this.lastTxId : this.core.newId();
    this.lastTxId = id;
    const tx: Tx = { id, nextSeqNo: 0, chargingState: evse.outlet.cableConnected ? 'EVConnected' : 'Idle', tokenReported: false, evseReported: false, ended: false };
    evse.tx = tx;
    // Part 6 §2.1: the first event after a RequestStartTransaction says RemoteStart, whatever started it.
    const remote = trigger === 'RemoteStart';
    if (kind === 'energy') {
      evse.outlet.startFlow();
      tx.chargingState = 'Charging';
      this.txEvent(evse, 'Started', remote ? trigger : 'ChargingStateChanged');
    } else if (kind === 'signed') {
      // Part 6 TC_E_11_CS step 5: the energy comes in its own event after the signed start (no merging).
      const meterValue = this.core.has('unsigned-start-value') ? undefined : signedBeginValue(this.core.nowIso(), evse.outlet.energyWh());
      this.txEvent(evse, 'Started', remote ? trigger : 'SignedDataReceived', meterValue ? { meterValue } : {});
    } else {
      this.mergeFlow(evse);
      this.txEvent(evse, 'Started', trigger);
    }
    this.ctx.meterValues.restartMeter(evse);
  }

  endTx(evse: Evse, trigger: string, stoppedReason: string, idToken?: IdToken): void {
    const tx = evse.tx;
    if (!tx || tx.ended) return;
    tx.meterAbort?.abort();
    tx.ended = true;
    if (!this.core.has('no-transaction-event-ended')) {
      const reason = this.core.has('wrong-stop-reason') ? 'Other' : stoppedReason;
      // Quirk local-stop-reason-omitted: Part 2 stoppedReason may be left out when it is Local.
      const omit = reason === 'Local' && this.core.has('local-stop-reason-omitted');
      this.txEvent(evse, 'Ended', trigger, { ...(omit ? {} : { stoppedReason: reason }), force: true, ...(idToken ? { idToken } : {}) });
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
    const includeEvse = !tx.evseReported || this.core.has('evse-in-every-event');
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
      ...(extra.meterValue
        ? { meterValue: extra.meterValue }
        : this.core.has('meter-value-in-every-event')
          ? { meterValue: this.ctx.meterValues.sampled(evse, ['Energy.Active.Import.Register'], readingContext(reportedType)) }
          : // Block J: Transaction.Begin / TxEnded values (meter-values-tx.ts).
            meterValueOf(this.ctx.meterValues.eventValues?.(evse, eventType, includeEvse && !this.core.has('no-evse-after-plug-in')))),
    };
    const txId = tx.id;
    this.core.enqueue({ action: 'TransactionEvent', txId, build: () => payload, onResult: (res) => applyIdTokenInfo(this.ctx, this, evse, txId, idToken, res) });
  }
}

const done = (_: void): { done: true } => ({ done: true });
/** Quirk meter-value-in-every-event: the ReadingContext of a TransactionEvent's own meter value. */
const readingContext = (eventType: string): string => (eventType === 'Started' ? 'Transaction.Begin' : eventType === 'Ended' ? 'Transaction.End' : 'Other');
const meterValueOf = (values: JsonObject[] | undefined): { meterValue?: JsonObject[] } => (values ? { meterValue: values } : {});
