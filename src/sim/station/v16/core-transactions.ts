/**
 * Core profile, transactions and the physical events that drive them: cable in / out (1.6 §9.1
 * StopTransactionOnEVSideDisconnect), EV suspension, faults, StartTransaction with the
 * transactionId from the Central System, StopTransaction with meterStop and reason (§4.8, §4.10),
 * and ConnectionTimeOut.
 */
import type { BlockInstance } from '../core/block.js';
import type { Connector, Tx16 } from './connector.js';
import type { Block16, Context16, Services16, Transactions16Api } from './context.js';

export const coreTransactions: Block16 = {
  name: 'core-transactions',
  defects: [
    { name: 'no-stop-transaction', description: 'never sends StopTransaction' },
    { name: 'stop-unknown-transaction-id', description: 'StopTransaction names a transactionId one higher than the Central System gave' },
    { name: 'available-during-transaction', description: 'reports its connector Available once the StartTransaction.conf accepted the transaction' },
    { name: 'wrong-stop-reason', description: 'reports the stop reason as Other instead of the real one' },
    { name: 'suspended-evse-while-charging', description: 'reports SuspendedEVSE while energy flows (Charging)' },
    { name: 'no-finishing-after-ev-unplug', description: 'after the EV-side unplug that stopped the transaction reports Preparing, not Finishing, while the cable is still in the charge point' },
    { name: 'stops-on-ev-disconnect-regardless', description: 'stops the transaction when the EV side is unplugged even with StopTransactionOnEVSideDisconnect false' },
    { name: 'offline-stop-lost', description: 'loses the StopTransaction of a transaction stopped while offline (never sent after the reconnection)' },
    { name: 'ignores-stop-transaction-on-invalid-id', description: 'stops the transaction on a StartTransaction.conf that is not Accepted even when StopTransactionOnInvalidId is false' },
    { name: 'no-status-on-plug', description: 'sends no StatusNotification when the cable is plugged in or unplugged' },
    { name: 'ignores-ev-connection-timeout', description: 'keeps an authorization forever when the cable is not plugged in (EVConnectionTimeOut / ConnectionTimeOut ignored)' },
  ],
  create: (ctx) => new Transactions16(ctx).instance(),
};

class Transactions16 implements Transactions16Api {
  constructor(private readonly ctx: Context16) {
    ctx.core.bus.on('powerDown', ({ kind, resetType }) => {
      for (const c of ctx.connectors.all) {
        if (c.tx && !c.tx.stopped) this.stopTx(c, kind === 'reset' ? (resetType === 'Soft' ? 'SoftReset' : 'HardReset') : 'PowerLoss');
        ctx.connectors.deauthorize(c);
      }
    });
    ctx.core.bus.on('powerOff', () => {
      for (const c of ctx.connectors.all) c.timer?.abort();
    });
  }

  instance(): BlockInstance<Connector, Services16> {
    const { core, connectors } = this.ctx;
    const plug = (evSide: boolean) => async (_p: Record<string, unknown>, c: Connector) => {
      const o = c.outlet;
      const was = o.cableConnected;
      o.evSide = evSide ? true : o.evSide;
      o.stationSide = true;
      o.pluggedConnectorId = o.id;
      if (o.cableConnected && !was) {
        c.timer?.abort();
        if (c.authorized && !c.tx) this.startTx(c);
      }
      if (!core.has('no-status-on-plug')) await connectors.report(c, false);
      this.updateFlow(c);
      return { done: true as const };
    };
    // Which end the cable leaves: both, the EV end only (it stays in the charge point) or the station end only.
    const unplug = (end: 'both' | 'ev' | 'station') => async (_p: Record<string, unknown>, c: Connector) => {
      const o = c.outlet;
      const was = o.cableConnected;
      if (end !== 'station') o.evSide = false;
      if (end !== 'ev') o.stationSide = false;
      o.stopFlow();
      // 1.6 §9.1 StopTransactionOnEVSideDisconnect.
      if (was && c.tx && !c.tx.stopped && (this.ctx.config.bool('StopTransactionOnEVSideDisconnect') || core.has('stops-on-ev-disconnect-regardless'))) {
        this.stopTx(c, 'EVDisconnected');
        if (core.has('no-finishing-after-ev-unplug')) c.finishing = false;
      }
      if (!o.evSide && !o.stationSide) {
        c.finishing = false;
        o.pluggedConnectorId = undefined;
        if (c.tx?.stopped) c.tx = undefined;
      }
      if (!core.has('no-status-on-plug')) await connectors.report(c, false);
      return { done: true as const };
    };
    const physical = (change: (c: Connector) => void) => async (_p: Record<string, unknown>, c: Connector) => {
      change(c);
      this.updateFlow(c);
      await connectors.report(c, false);
      return { done: true as const };
    };
    return {
      provides: { transactions: this },
      actions: {
        plugIn: plug(true),
        plugInStationSide: plug(false),
        unplug: unplug('both'),
        unplugEvSide: unplug('ev'),
        unplugStationSide: unplug('station'),
        suspendEnergyTransfer: physical((c) => (c.outlet.evSuspended = true)),
        resumeEnergyTransfer: physical((c) => (c.outlet.evSuspended = false)),
        setFaulted: (p, c) => (p['connectorId'] === 0 ? this.wholeStationFault(true) : physical((x) => (x.outlet.faulted = true))(p, c)),
        clearFault: (p, c) => (p['connectorId'] === 0 ? this.wholeStationFault(false) : physical((x) => (x.outlet.faulted = false))(p, c)),
      },
    };
  }

  /** OCTT 1.6 SetChargePointFaulted: the charge point as a whole (connector 0) and every connector in (or out of) a fault. */
  private async wholeStationFault(on: boolean): Promise<{ done: true }> {
    const { connectors } = this.ctx;
    connectors.stationFaulted = on;
    await connectors.reportStation();
    for (const c of connectors.all) {
      c.outlet.faulted = on;
      this.updateFlow(c);
      await connectors.report(c, false);
    }
    return { done: true };
  }

  startConnectionTimer(c: Connector): void {
    const { core, config, connectors } = this.ctx;
    c.timer?.abort();
    if (core.has('ignores-ev-connection-timeout')) return;
    const seconds = config.int('ConnectionTimeOut');
    if (seconds <= 0) return;
    const abort = new AbortController();
    c.timer = abort;
    void core.sleep(seconds * 1000, abort.signal).then(async (elapsed) => {
      if (!elapsed || c.outlet.cableConnected || c.tx) return;
      connectors.deauthorize(c);
      await connectors.report(c, false);
    });
  }

  startTx(c: Connector): void {
    const { core, config, connectors, authorization } = this.ctx;
    const auth = c.authorized;
    if (!auth) return;
    c.timer?.abort();
    const tx: Tx16 = { localId: core.newId(), idTag: auth.idTag, stopped: false, ...(auth.parentIdTag ? { parentIdTag: auth.parentIdTag } : {}) };
    c.tx = tx;
    c.finishing = false;
    const payload = { connectorId: c.outlet.id, idTag: auth.idTag, meterStart: c.outlet.energyWh(), ...(auth.reservationId === undefined ? {} : { reservationId: auth.reservationId }), timestamp: core.nowIso() };
    core.enqueue({
      action: 'StartTransaction',
      txId: tx.localId,
      build: () => payload,
      onResult: (res) => {
        tx.transactionId = Number(res['transactionId']);
        if (core.has('available-during-transaction')) void core.send('StatusNotification', { connectorId: c.outlet.id, errorCode: 'NoError', status: 'Available', timestamp: core.nowIso() });
        const info = authorization.tagInfo(res['idTagInfo']);
        authorization.remember(tx.idTag, info);
        if (info.groupId) tx.parentIdTag = info.groupId;
        if (info.status !== 'Accepted' && !authorization.goesOnWith(info.status) && !tx.stopped) {
          // 1.6 §5.11 / StopTransactionOnInvalidId.
          if (config.bool('StopTransactionOnInvalidId') || core.has('ignores-stop-transaction-on-invalid-id')) this.stopTx(c, 'DeAuthorized');
          else c.outlet.stopFlow();
          void connectors.report(c, false);
        }
      },
    });
    this.updateFlow(c);
    this.ctx.meterValues.restartMeter(c);
  }

  stopTx(c: Connector, reason: string, idTag?: string): void {
    const tx = c.tx;
    if (!tx || tx.stopped) return;
    tx.stopped = true;
    tx.meterAbort?.abort();
    c.outlet.stopFlow();
    this.ctx.connectors.deauthorize(c);
    c.finishing = c.outlet.evSide || c.outlet.stationSide;
    if (!c.finishing) c.tx = undefined;
    if (!this.ctx.core.has('no-stop-transaction')) this.enqueueStop(c, tx, reason, idTag ?? tx.idTag);
    if (c.outlet.scheduledInoperative !== undefined) {
      c.outlet.inoperative = c.outlet.scheduledInoperative;
      c.outlet.scheduledInoperative = undefined;
    }
  }

  updateFlow(c: Connector): void {
    const o = c.outlet;
    if (c.tx && !c.tx.stopped && o.cableConnected && !o.evSuspended && !o.faulted && !o.inoperative) o.startFlow();
    else o.stopFlow();
  }

  private enqueueStop(c: Connector, tx: Tx16, reason: string, idTag: string): void {
    const { core } = this.ctx;
    if (!core.online && core.has('offline-stop-lost')) return;
    const meterStop = c.outlet.energyWh();
    const timestamp = core.nowIso();
    core.enqueue({
      action: 'StopTransaction',
      txId: tx.localId,
      build: () => ({ transactionId: (tx.transactionId ?? -1) + (core.has('stop-unknown-transaction-id') ? 1 : 0), idTag, meterStop, timestamp, reason: core.has('wrong-stop-reason') ? 'Other' : reason }),
    });
  }
}
