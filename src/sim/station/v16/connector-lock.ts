/**
 * Core profile, the connector's retention lock (1.6 §5.18 UnlockConnector, §7.46, §7.6
 * ConnectorLockFailure): UnlockConnector of a known connector stops its transaction first (reason
 * UnlockCommand) and answers Unlocked, or UnlockFailed when the lock will not open; an unknown
 * connectorId is NotSupported. The lock can be made to fail both ways for the tests: jammed (it
 * will not open) and a cable plugged in only halfway (it cannot close: the connector goes Faulted
 * with ConnectorLockFailure and no transaction starts). The `fixed-cable` hardware variant has a
 * tethered cable and no lock to open: every UnlockConnector is NotSupported (1.6 §7.46 "Charge
 * Point has no connector lock"; OCTT 1.6 TC_017_2_CS, TC_018_2_CS) and no transaction stops.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { BlockInstance } from '../core/block.js';
import type { Connector } from './connector.js';
import type { Block16, Context16, Services16 } from './context.js';

export const connectorLock16: Block16 = {
  name: 'connector-lock',
  defects: [
    { name: 'unlock-unknown-connector-failed', description: 'answers UnlockConnector of a connectorId it does not have with UnlockFailed instead of NotSupported' },
    { name: 'unlock-keeps-transaction', description: 'answers UnlockConnector Unlocked during a transaction but does not stop the transaction' },
    { name: 'unlock-failure-hidden', description: 'answers UnlockConnector Unlocked although its connector lock is jammed' },
    { name: 'lock-failure-starts-transaction', description: 'starts the transaction although the connector lock could not close (cable in halfway)' },
    { name: 'lock-failure-wrong-error-code', description: 'reports a connector lock failure with errorCode OtherError instead of ConnectorLockFailure' },
    { name: 'unlocks-fixed-cable', description: 'with a fixed cable, answers UnlockConnector Unlocked (stopping a running transaction) instead of NotSupported' },
  ],
  quirks: [
    // The same variant in 2.0.1 (v201/ev-side-disconnect.ts); each version's PICS takes the items it has.
    { name: 'fixed-cable', description: 'hardware variant: a fixed (tethered) cable instead of a socket, with no connector lock to open', pics: { 'HW-FixedCable': true, 'HFS-1': false, 'HFS-2': true } },
  ],
  create: (ctx) => new ConnectorLock16(ctx).instance(),
};

class ConnectorLock16 {
  /** Connectors whose lock is jammed (will not open). */
  private readonly jammed = new Set<number>();

  constructor(private readonly ctx: Context16) {}

  instance(): BlockInstance<Connector, Services16> {
    return {
      handlers: { UnlockConnector: (call) => this.unlock(call) },
      actions: {
        jamConnectorLock: async (_p, c) => {
          this.jammed.add(c.outlet.id);
          return { done: true };
        },
        freeConnectorLock: async (_p, c) => {
          this.jammed.delete(c.outlet.id);
          return { done: true };
        },
        plugInHalfway: (_p, c) => this.plugInHalfway(c),
      },
    };
  }

  private unlock(call: InboundCall): JsonObject {
    const { core, connectors, transactions } = this.ctx;
    const c = connectors.byId(Number(call.payload['connectorId']));
    if (!c) return { status: core.has('unlock-unknown-connector-failed') ? 'UnlockFailed' : 'NotSupported' };
    // A tethered cable: nothing to unlock, the transaction goes on.
    if (core.has('fixed-cable') && !core.has('unlocks-fixed-cable')) return { status: 'NotSupported' };
    // 1.6 §5.18: a transaction on the connector is finished first, as a Stop Transaction (§4.10).
    if (c.tx && !c.tx.stopped && !core.has('unlock-keeps-transaction')) {
      call.after(async () => {
        transactions.stopTx(c, 'UnlockCommand');
        await connectors.report(c, false);
      });
    }
    if (core.has('unlock-fails')) return { status: 'UnlockFailed' };
    if (this.jammed.has(c.outlet.id) && !core.has('unlock-failure-hidden')) return { status: 'UnlockFailed' };
    return { status: 'Unlocked' };
  }

  /**
   * The cable is pushed in at the station side but not far enough for the lock to close: the
   * connector cannot be used (Faulted, ConnectorLockFailure, 1.6 §7.6) and the pending
   * authorization is dropped, so no transaction starts. Clearing the fault makes it usable again.
   */
  private async plugInHalfway(c: Connector): Promise<{ done: true }> {
    const { core, connectors, transactions } = this.ctx;
    const o = c.outlet;
    o.faulted = true;
    if (core.has('lock-failure-starts-transaction') && c.authorized && !c.tx) {
      o.evSide = true;
      o.stationSide = true;
      o.pluggedConnectorId = o.id;
      transactions.startTx(c);
    } else {
      connectors.deauthorize(c);
    }
    const errorCode = core.has('lock-failure-wrong-error-code') ? 'OtherError' : 'ConnectorLockFailure';
    const out = await core.send('StatusNotification', { connectorId: o.id, errorCode, status: 'Faulted', timestamp: core.nowIso() });
    if (out?.status === 'result' || out?.status === 'error') c.reported = 'Faulted';
    return { done: true };
  }
}
