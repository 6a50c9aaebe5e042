/**
 * Block E, transactions while offline (Part 2 E11, E12, E08): the TransactionEvents of a session
 * the station runs without a connection wait in its queue, each marked offline true, and go out
 * in order once it is back (the queue itself is core/message-queue.ts; block E builds the events).
 * This module holds the defects that break that, applied as each event is queued.
 */
import type { Block201 } from './context.js';

export const offlineTransactions: Block201 = {
  name: 'offline-transactions',
  defects: [
    { name: 'no-offline-flag', description: 'leaves offline out of the TransactionEvents it queued while offline' },
    { name: 'drops-offline-transaction-events', description: 'drops the TransactionEvents of the time it is offline instead of queueing them' },
  ],
  create: ({ core }) => {
    core.interceptQueue((m) => {
      if (m.action !== 'TransactionEvent') return m;
      const offline = !core.online || !core.accepted;
      // Part 2 E11.FR.01 / E12.FR.01: queued, and sent once the connection is back.
      if (offline && core.has('drops-offline-transaction-events')) return undefined;
      if (!core.has('no-offline-flag')) return m;
      const build = m.build;
      return {
        ...m,
        build: () => {
          const { offline: _flag, ...rest } = build();
          return rest;
        },
      };
    });
    return {};
  },
};
