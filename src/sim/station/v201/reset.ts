/**
 * Block B, reset (Part 2 B11/B12): of the whole station (a reboot; OnIdle is Scheduled while a
 * transaction runs and carried out when the last one ends) or of one EVSE (its transaction ended
 * or awaited, its authorization dropped; the rest of the station carries on). What the station
 * keeps over a reboot (the Inoperative availability of its EVSEs) lives in the outlets and is
 * not touched here, unless a defect forgets it.
 */
import type { JsonObject } from '../../../protocol/frames.js';
import type { InboundCall } from '../../../session/endpoint.js';
import type { Block201, Context201 } from './context.js';
import { activeTx, type Evse } from './evse.js';

export const reset: Block201 = {
  name: 'provisioning-reset',
  defects: [
    { name: 'reset-without-reboot', description: 'accepts Reset but does not reboot' },
    { name: 'reset-onidle-interrupts-tx', description: 'a Reset OnIdle during a transaction reboots at once instead of answering Scheduled' },
    { name: 'availability-lost-on-reboot', description: 'forgets over a reboot that an EVSE or connector was made Inoperative (reports it Available)' },
    { name: 'reset-evse-rejected', description: 'answers Rejected to a Reset of one EVSE although it can reset EVSEs one by one' },
    { name: 'reset-evse-onidle-interrupts-tx', description: 'a Reset OnIdle of an EVSE with a transaction ends that transaction at once and answers Accepted instead of Scheduled' },
    { name: 'reset-evse-immediate-keeps-tx', description: 'a Reset Immediate of an EVSE with a transaction is Accepted but the transaction goes on' },
    { name: 'reset-onidle-after-first-tx', description: 'a Reset OnIdle Scheduled while several transactions run reboots as soon as the first of them ends, cutting the others off' },
    { name: 'accepts-unsupported-evse-reset', description: 'cannot reset single EVSEs, yet answers a Reset of one EVSE Accepted (and resets it)' },
  ],
  quirks: [
    // Part 5 C-13 is optional; Part 2 B11.FR.09 / B12.FR.09: such a station answers Rejected (TC_B_28_CS, TC_B_29_CS).
    { name: 'no-evse-reset', description: 'hardware variant: cannot reset a single EVSE (a Reset with evseId is Rejected)', pics: { 'C-13': false } },
  ],
  create: (ctx) => {
    const state = new ResetState(ctx);
    ctx.core.bus.on('powerOff', () => {
      if (!ctx.core.has('availability-lost-on-reboot')) return;
      for (const evse of ctx.evses.all) evse.outlet.inoperative = false;
    });
    return { handlers: { Reset: (call) => state.handle(call) } };
  },
};

/** Reset state: a Scheduled station reset, and EVSEs whose Scheduled reset waits for their transaction. */
class ResetState {
  private pending = false;
  private readonly pendingEvses = new Set<number>();

  constructor(private readonly ctx: Context201) {
    ctx.core.bus.on('transactionEnded', ({ evseId }) => {
      const evse = ctx.evses.byId(evseId);
      if (evse && this.pendingEvses.delete(evseId)) this.resetEvse(evse);
      if (!this.pending) return undefined;
      // Part 2 B12.FR.03 (TC_B_41_CS): OnIdle waits until every transaction has ended; the defect goes at the first one.
      const others = !ctx.evses.all.every((e) => !e.tx);
      if (others && !ctx.core.has('reset-onidle-after-first-tx')) return undefined;
      this.pending = false;
      if (others) ctx.core.powerDown('reset');
      return (async () => {
        await ctx.core.drainQueue(5_000);
        // Part 6 TC_B_21_CS step 7: a reset carried out after the transactions ended.
        void ctx.core.reboot('ScheduledReset');
      })();
    });
  }

  handle(call: InboundCall): JsonObject {
    const { core, evses } = this.ctx;
    const type = String(call.payload['type']);
    const evseId = call.payload['evseId'];
    if (typeof evseId === 'number') return this.handleEvse(call, evseId, type);
    if (core.has('reset-without-reboot')) return { status: 'Accepted' };
    const busy = evses.all.some((e) => activeTx(e) !== undefined);
    if (type === 'OnIdle' && busy && !core.has('reset-onidle-interrupts-tx')) {
      this.pending = true;
      return { status: 'Scheduled' };
    }
    this.pending = false;
    call.after(async () => {
      if (busy) {
        core.powerDown('reset');
        await core.drainQueue(5_000);
      }
      void core.reboot('RemoteReset');
    });
    return { status: 'Accepted' };
  }

  /** Part 2 B11.FR.08 / B12.FR.07 / B12.FR.08: a reset of one EVSE. */
  private handleEvse(call: InboundCall, evseId: number, type: string): JsonObject {
    const { core } = this.ctx;
    const evse = this.ctx.evses.byId(evseId);
    if (!evse || evseId <= 0 || core.has('reset-evse-rejected')) return { status: 'Rejected' };
    if (core.has('no-evse-reset') && !core.has('accepts-unsupported-evse-reset')) return { status: 'Rejected' };
    const tx = activeTx(evse);
    if (tx && type === 'OnIdle' && !core.has('reset-evse-onidle-interrupts-tx')) {
      this.pendingEvses.add(evseId);
      return { status: 'Scheduled' };
    }
    this.pendingEvses.delete(evseId);
    call.after(() => {
      if (tx && !(type === 'Immediate' && core.has('reset-evse-immediate-keeps-tx'))) {
        evse.outlet.stopFlow();
        // Part 6 TC_B_27_CS step 3: the EV stays connected, only the energy transfer stopped.
        tx.chargingState = evse.outlet.cableConnected ? 'EVConnected' : 'Idle';
        this.ctx.transactions.endTx(evse, 'ResetCommand', 'ImmediateReset');
        return;
      }
      if (!tx) this.resetEvse(evse);
    });
    return { status: 'Accepted' };
  }

  /** The EVSE restarts: an authorization waiting for a cable is gone. Its availability stays as it was. */
  private resetEvse(evse: Evse): void {
    if (activeTx(evse)) return;
    this.ctx.evses.deauthorize(evse);
  }
}
