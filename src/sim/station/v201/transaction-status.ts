/**
 * Block E, GetTransactionStatus (Part 2 E14): whether a transaction is still ongoing and whether
 * transaction messages wait in the station's queue, for one transaction (E14.FR.01–05) or for
 * all of them (no transactionId: ongoingIndicator left out, E14.FR.06–08). A transaction that
 * ended is not ongoing even while its Ended event still waits in the queue (E14.FR.03).
 */
import type { BlockInstance } from '../core/block.js';
import type { Block201, Context201, Services201 } from './context.js';
import type { EvseTarget } from './evse.js';

export const transactionStatus: Block201 = {
  name: 'transaction-status',
  defects: [
    { name: 'wrong-transaction-status', description: 'GetTransactionStatus reports an unknown transaction as ongoing' },
    { name: 'queue-not-reported', description: 'GetTransactionStatus says messagesInQueue false while transaction messages wait in its queue' },
    { name: 'ended-reported-ongoing', description: 'GetTransactionStatus reports a transaction that ended as still ongoing' },
    { name: 'ongoing-reported-ended', description: 'GetTransactionStatus reports an ongoing transaction as not ongoing' },
    { name: 'ongoing-indicator-without-id', description: 'answers GetTransactionStatus without transactionId with an ongoingIndicator' },
  ],
  create: (ctx) => new TransactionStatus(ctx).instance(),
};

class TransactionStatus {
  /** Ids of the transactions this station queued messages for since it was built (ended-reported-ongoing). */
  private readonly known = new Set<string>();

  constructor(private readonly ctx: Context201) {
    ctx.core.interceptQueue((m) => {
      if (m.txId !== undefined) this.known.add(m.txId);
      return m;
    });
  }

  instance(): BlockInstance<EvseTarget, Services201> {
    return {
      handlers: {
        GetTransactionStatus: (call) => {
          const core = this.ctx.core;
          const id = call.payload['transactionId'] as string | undefined;
          const queued = id === undefined ? core.queueLength > 0 : core.hasQueued(id);
          const messagesInQueue = queued && !core.has('queue-not-reported');
          if (id === undefined) return { messagesInQueue, ...(core.has('ongoing-indicator-without-id') ? { ongoingIndicator: this.anyOngoing() } : {}) };
          return { ongoingIndicator: this.ongoing(id), messagesInQueue };
        },
      },
    };
  }

  private anyOngoing(): boolean {
    return this.ctx.evses.all.some((e) => e.tx !== undefined && !e.tx.ended);
  }

  private ongoing(id: string): boolean {
    const core = this.ctx.core;
    const running = this.ctx.evses.all.some((e) => e.tx !== undefined && !e.tx.ended && e.tx.id === id);
    if (running) return !core.has('ongoing-reported-ended');
    if (this.known.has(id)) return core.has('ended-reported-ongoing');
    return core.has('wrong-transaction-status');
  }
}
